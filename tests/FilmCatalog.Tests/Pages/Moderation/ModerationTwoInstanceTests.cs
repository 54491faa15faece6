using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Pages.Moderation;

/// <summary>
/// Moderation behind a load balancer: two site processes on one PostgreSQL database and one Redis. A
/// moderator signed in through one instance is signed in on the other (the key ring is shared), and a
/// review hidden through one is gone at once from the title page the other serves from the shared cache.
/// </summary>
public sealed class ModerationTwoInstanceTests : IAsyncLifetime
{
    private const string Email = "two-sites@example.org";
    private const string Password = "Two-Sites-One-Moderator-3";

    private readonly PostgresDatabase _database = TestServers.NewPostgresDatabase();
    private readonly string _folderA = Directory.CreateTempSubdirectory("filmcatalog-a-").FullName;
    private readonly string _folderB = Directory.CreateTempSubdirectory("filmcatalog-b-").FullName;
    private Dictionary<string, string> _settings = null!;
    private SiteProcess _a = null!;
    private SiteProcess _b = null!;

    private TestCatalog Catalog => TestCatalog.OfPostgres(_database.ConnectionString);

    public async Task InitializeAsync()
    {
        _settings = TestServers.SiteSettings(_database, TestServers.NewRedisPrefix());
        _a = await SiteProcess.StartAsync(_folderA, _settings);
        _b = await SiteProcess.StartAsync(_folderB, _settings);
        using var add = SiteProcess.StartCommandWithInput(_folderA, $"{Password}\n{Password}\n", _settings, "moderator", "add", Email);
        await add.WaitForExitAsync();
        Assert.True(add.ExitCode == 0, string.Join("\n", add.Lines));
    }

    public Task DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        _database.Dispose();
        Directory.Delete(_folderA, recursive: true);
        Directory.Delete(_folderB, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Signed_in_through_one_instance_a_moderator_hides_a_review_through_the_other_and_both_stop_showing_it()
    {
        var film = await Catalog.AddFilmAsync(reviews: 2);
        var hidden = film.ReviewIds[0];
        using var readerOfA = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _a.Address };
        await CachedAsync(readerOfA, film.Slug);

        // One browser, its requests sent to A or B by the balancer; it keeps cookies as a browser on HTTPS would.
        var jar = new Dictionary<string, string>();
        using var onA = Moderator(_a, jar);
        using var onB = Moderator(_b, jar);
        Assert.Equal(HttpStatusCode.Redirect, (await (await SignInPage.OpenAsync(onA)).SendPasswordAsync(Email, Password)).StatusCode);

        var page = await ModerationPage.OpenAsync(onB, $"/moderation/titles/{film.Slug}");
        var after = await page.DecideAsync(hidden, "Hide", "Hidden through the other instance.");

        Assert.StartsWith("Hidden:", after.StatusMessage, StringComparison.Ordinal);
        var fromA = await TitlePage.GetAsync(readerOfA, film.Slug);
        Assert.Null(fromA.ReviewArticle(hidden));
        Assert.NotNull(fromA.ReviewArticle(film.ReviewIds[1]));
        Assert.Equal(1, await Catalog.ReadAsync(db => db.Titles.Where(t => t.Slug == film.Slug).Select(t => t.ReviewCount).SingleAsync()));
    }

    /// <summary>Fetches the title page until the shared cache serves it (the answer carries Age).</summary>
    private static async Task CachedAsync(HttpClient reader, string slug)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if ((await reader.GetAsync($"/title/{slug}")).Headers.Age is not null)
                return;
        }

        Assert.Fail("the title page never came from the cache");
    }

    /// <summary>
    /// A moderator's browser on one instance. The instances speak plain HTTP on loopback, where a cookie
    /// jar would withhold the Secure moderator cookie; this one keeps every cookie by name and sends it back.
    /// </summary>
    private static HttpClient Moderator(SiteProcess site, Dictionary<string, string> jar) =>
        new(new CookieJar(jar) { InnerHandler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false } }) { BaseAddress = site.Address };

    private sealed class CookieJar(Dictionary<string, string> jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (jar)
            {
                if (jar.Count > 0)
                    request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                lock (jar)
                {
                    foreach (var pair in cookies.Select(c => c.Split(';')[0].Split('=', 2)))
                    {
                        if (pair[1].Length == 0)
                            jar.Remove(pair[0]);
                        else
                            jar[pair[0]] = pair[1];
                    }
                }
            }

            return response;
        }
    }
}
