using System.Net;
using Microsoft.Data.Sqlite;

using static FilmCatalog.Testing.WritingForms;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// While another process holds SQLite's write lock (an import), a visitor's write waits a short,
/// bounded time and is then answered 503 with <c>Retry-After</c> and a page that says nothing was
/// saved; never a 500. Once the lock is free the same form posts.
/// </summary>
public sealed class BusyDatabaseTests : IClassFixture<BusyDatabaseTests.Site>
{
    private readonly Site _site;

    public BusyDatabaseTests(Site site) => _site = site;

    public sealed class Site : HostileSite
    {
        public Site() => Settings = new Dictionary<string, string>(Settings) { ["Catalog:WriteWaitSeconds"] = "1" };
    }

    [Theory]
    [InlineData(Writer.Vote)]
    [InlineData(Writer.Report)]
    [InlineData(Writer.NewReview)]
    public async Task A_write_while_the_database_is_locked_gets_503_with_retry_after_and_writes_nothing(Writer writer)
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.6.1");
        var (form, button, values) = await OpenAsync(client, writer, film);
        var before = await _site.Catalog.DumpAsync();
        var errorsBefore = _site.Errors.Count;

        HttpResponseMessage response;
        using (var importer = new SqliteConnection($"Data Source={_site.DatabasePath};Pooling=False"))
        {
            importer.Open();
            using var hold = importer.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock, as an import batch takes it
            response = await client.SubmitAsync(form, values, button);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        ProductionResponseTests.AssertSecurityHeaders(response);
        var page = await HtmlPage.ParseAsync(response);
        Assert.Equal("The catalog is busy", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("not saved", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"in {retryAfter.Value.TotalSeconds:0} seconds", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await _site.Catalog.DumpAsync());
        Assert.True(errorsBefore == _site.Errors.Count, string.Join("\n", _site.Errors.Skip(errorsBefore).Select(e => e.RenderMessage())));

        var again = await client.SubmitAsync(form, values, button);
        Assert.True(again.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"after the lock: {(int)again.StatusCode}");
        Assert.NotEqual(before, await _site.Catalog.DumpAsync());
    }
}
