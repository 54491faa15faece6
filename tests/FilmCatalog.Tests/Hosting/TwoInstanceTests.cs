using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using static FilmCatalog.Testing.ReviewForm;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// Two site processes on one PostgreSQL database and one Redis, as behind a load balancer: what a
/// visitor does through either is what both show, a form from one posts to the other, and a visitor
/// is one visitor on both.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = TestServers.NewPostgresDatabase();
    private readonly string _folderA = Directory.CreateTempSubdirectory("filmcatalog-a-").FullName;
    private readonly string _folderB = Directory.CreateTempSubdirectory("filmcatalog-b-").FullName;
    private SiteProcess _a = null!;
    private SiteProcess _b = null!;

    private TestCatalog Catalog => TestCatalog.OfPostgres(_database.ConnectionString);

    public async Task InitializeAsync()
    {
        var settings = TestServers.SiteSettings(_database, TestServers.NewRedisPrefix());
        _a = await SiteProcess.StartAsync(_folderA, settings);
        _b = await SiteProcess.StartAsync(_folderB, settings);
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
    public async Task A_vote_through_one_instance_is_on_the_other_instances_cached_page_at_once()
    {
        var film = await Catalog.AddFilmAsync(reviews: 1);
        var review = film.ReviewIds[0];
        using var readerOfB = Reader(_b);
        var before = await CachedTitlePageAsync(readerOfB, film.Slug);

        using var visitor = Visitor(_a, new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, (await (await VotePage.OpenAsync(visitor, review)).SubmitAsync(helpful: true)).StatusCode);

        var after = await TitlePage.GetAsync(readerOfB, film.Slug);
        Assert.NotEqual(before.HelpfulLine(review), after.HelpfulLine(review));
        Assert.StartsWith("1 of 1", after.HelpfulLine(review), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_review_posted_through_one_instance_is_on_the_other_instances_cached_page_at_once()
    {
        var film = await Catalog.AddFilmAsync(reviews: 1);
        using var readerOfA = Reader(_a);
        await CachedTitlePageAsync(readerOfA, film.Slug);

        using var visitor = Visitor(_b, new CookieContainer());
        await (await OpenForAsync(visitor, film.Slug)).PostAsync(Values("Posted through B", "8", ValidBody));

        var page = await TitlePage.GetAsync(readerOfA, film.Slug);
        Assert.Contains(page.Reviews, r => r.Headline == "Posted through B");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_form_opened_on_one_instance_posts_on_the_other_and_the_visitor_keeps_one_vote()
    {
        var film = await Catalog.AddFilmAsync(reviews: 1);
        var review = film.ReviewIds[0];
        var browser = new CookieContainer();
        using var onA = Visitor(_a, browser);
        using var onB = Visitor(_b, browser);

        // The form and its antiforgery token come from A; the load balancer sends the post to B.
        var formFromA = await VotePage.OpenAsync(onA, review);
        var posted = await PostToAsync(onB, formFromA.Form!, formFromA.Button(helpful: true));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        // The same visitor, recognised by B from the cookie A issued, votes again through B: still one vote.
        var again = await (await VotePage.OpenAsync(onB, review)).SubmitAsync(helpful: true);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal((1, 0, 1), await Catalog.SiteVotesAsync(review));
        Assert.Equal(1, await Catalog.ReadAsync(db => db.HelpfulVotes.Where(v => v.ReviewId == review).Select(v => v.VisitorId).Distinct().CountAsync()));
    }

    /// <summary>The title page as the cache serves it: fetched until an answer comes from the cache (it carries Age).</summary>
    private static async Task<TitlePage> CachedTitlePageAsync(HttpClient reader, string slug)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var response = await reader.GetAsync($"/title/{slug}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (response.Headers.Age is not null)
                return await TitlePage.GetAsync(reader, slug);
        }

        Assert.Fail("the title page never came from the cache");
        return null!;
    }

    /// <summary>Submits <paramref name="form"/>, as the page it came from built it, to the same path on another instance.</summary>
    private static Task<HttpResponseMessage> PostToAsync(HttpClient other, IHtmlFormElement form, IHtmlElement button)
    {
        var submission = form.GetSubmission(button)!;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(submission.Target.Href).PathAndQuery) { Content = new StreamContent(submission.Body) };
        foreach (var header in submission.Headers)
            request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return other.SendAsync(request);
    }

    /// <summary>A visitor's browser on one instance: cookies shared with <paramref name="browser"/>'s other tabs, redirects not followed.</summary>
    private static HttpClient Visitor(SiteProcess site, CookieContainer browser) =>
        new(new HttpClientHandler { CookieContainer = browser, AllowAutoRedirect = false }) { BaseAddress = site.Address };

    /// <summary>Someone only reading: no cookies, so the shared cache serves them.</summary>
    private static HttpClient Reader(SiteProcess site) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = site.Address };
}
