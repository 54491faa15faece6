using System.Net;
using static FilmCatalog.Testing.WritingForms;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// Defence in depth behind antiforgery: a POST whose <c>Origin</c> (or, without one, <c>Referer</c>)
/// names another site is refused with 403 and writes nothing, even with a valid token. Same-origin
/// posts, and posts that carry neither header, are taken as before.
/// </summary>
public sealed class OriginTests : IClassFixture<HostileSite>
{
    private readonly HostileSite _site;

    public OriginTests(HostileSite site) => _site = site;

    [Theory]
    [InlineData(Writer.Vote, "Origin", "https://evil.example")]
    [InlineData(Writer.Report, "Origin", "null")]
    [InlineData(Writer.NewReview, "Origin", "http://localhost.evil.example")]
    [InlineData(Writer.Vote, "Origin", "http://localhost:8080")]
    [InlineData(Writer.Vote, "Origin", "https://localhost")]
    [InlineData(Writer.Report, "Referer", "https://evil.example/page")]
    [InlineData(Writer.NewReview, "Referer", "not a url")]
    public async Task A_post_from_another_origin_is_refused_with_403_even_with_a_valid_token(Writer writer, string header, string value)
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.12.1");
        var (form, button, values) = await OpenAsync(client, writer, film);
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        var before = await _site.Catalog.DumpAsync();

        var response = await client.SubmitAsync(form, values, button);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await _site.Catalog.DumpAsync());
        ProductionResponseTests.AssertSecurityHeaders(response);
        Assert.Contains("another site", (await HtmlPage.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Writer.Vote, null, null)]
    [InlineData(Writer.Vote, "Origin", "http://localhost")]
    [InlineData(Writer.Report, "Referer", "http://localhost/reviews/1/report")]
    [InlineData(Writer.NewReview, "Origin", "HTTP://LOCALHOST")]
    public async Task A_same_origin_post_or_one_without_either_header_is_taken(Writer writer, string? header, string? value)
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.12.2");
        var (form, button, values) = await OpenAsync(client, writer, film);
        if (header is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);

        var response = await client.SubmitAsync(form, values, button);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
    }
}
