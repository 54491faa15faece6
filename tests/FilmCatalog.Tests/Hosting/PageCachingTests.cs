using System.Net;
using System.Net.Http.Json;
using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Hosting;

/// <summary>Title pages come from the output cache, compressed, never stale and never per visitor.</summary>
public sealed class PageCachingTests : IClassFixture<CatalogFactory>
{
    private readonly CatalogFactory _factory;

    public PageCachingTests(CatalogFactory factory) => _factory = factory;

    [Fact]
    public async Task A_title_page_is_served_again_from_the_cache_as_the_same_brotli_bytes_without_cookies()
    {
        var (slug, _) = await AReviewedTitleAsync();
        var client = _factory.CreateClient();

        var first = await GetAsync(client, $"/title/{slug}", "br, gzip");
        var second = await GetAsync(client, $"/title/{slug}", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(["br"], second.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// Slugs are lowercase and pages compare them as written. The cache compared paths without case, so
    /// <c>/title/SOME-FILM</c> was a 404, then a 200 once the page was cached: now it is the same redirect either way.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_address_with_capitals_moves_to_its_lowercase_page_whether_or_not_that_is_cached(bool cached)
    {
        var (slug, _) = await AReviewedTitleAsync();
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (cached)
        {
            await GetAsync(client, $"/title/{slug}", "br, gzip");
            Assert.NotNull((await GetAsync(client, $"/title/{slug}", "br, gzip")).Headers.Age);
        }

        foreach (var path in new[] { $"/title/{slug.ToUpperInvariant()}", $"/title/{slug.ToUpperInvariant()}/reviews" })
        {
            var response = await GetAsync(client, path + "?sort=newest", "br, gzip");

            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(path.ToLowerInvariant() + "?sort=newest", response.Headers.Location!.OriginalString);
        }
    }

    /// <summary>Lowercased, <c>//Evil.example/</c> was <c>//evil.example/</c>: a 301 that took the visitor's browser to another site.</summary>
    [Theory]
    [InlineData("//Evil.example/")]
    [InlineData("//Evil.example/title/x")]
    [InlineData("///Evil.example")]
    [InlineData("/%5CEvil.example/")]
    [InlineData("/title/%C3%28")]
    [InlineData("/title/Caf%C3%A9")]
    public async Task An_address_with_capitals_that_is_not_spelled_as_the_sites_addresses_is_not_found_and_never_redirected(string path)
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Written after the host, so the path is sent as it is (relative to a base, "//x" would be another host).
        var response = await client.GetAsync(new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Each_encoding_is_cached_apart_so_a_client_without_brotli_gets_gzip()
    {
        var (slug, _) = await AReviewedTitleAsync();
        var client = _factory.CreateClient();

        await GetAsync(client, $"/title/{slug}", "br");
        var gzip = await GetAsync(client, $"/title/{slug}", "gzip");

        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_next_view_after_a_vote_shows_the_new_count_and_not_the_cached_page()
    {
        var (slug, reviewId) = await AReviewedTitleAsync();
        var reader = _factory.CreateClient();
        await GetAsync(reader, $"/title/{slug}", null);
        var cached = await GetAsync(reader, $"/title/{slug}", null);
        Assert.NotNull(cached.Headers.Age);

        var voter = _factory.CreateClient();
        var vote = await VoteAsync(voter, reviewId);
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        var counts = await vote.Content.ReadFromJsonAsync<VoteAnswer>();

        var after = await GetAsync(reader, $"/title/{slug}", null);
        Assert.Null(after.Headers.Age);
        var page = await after.Content.ReadAsStringAsync();
        Assert.Contains($"{counts!.Helpful} of {counts.Voted} ", page);
    }

    [Fact]
    public async Task A_visitors_own_confirmation_message_is_neither_served_from_nor_stored_in_the_cache()
    {
        var (slug, reviewId) = await AReviewedTitleAsync();
        var voter = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await TokenAsync(voter);
        using var form = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{reviewId}/vote")
        {
            Content = new FormUrlEncodedContent([new("helpful", "no")]),
        };
        form.Headers.Add("RequestVerificationToken", token);
        var redirect = await voter.SendAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);

        var own = await GetAsync(voter, $"/title/{slug}", null);
        var ownPage = await own.Content.ReadAsStringAsync();
        var other = await GetAsync(_factory.CreateClient(), $"/title/{slug}", null);
        var otherPage = await other.Content.ReadAsStringAsync();

        Assert.Contains("Thank you for your vote.", ownPage);
        Assert.DoesNotContain("Thank you for your vote.", otherPage);
    }

    [Fact]
    public async Task A_made_up_query_string_on_a_title_page_is_served_from_the_same_cache_entry()
    {
        var (slug, _) = await AReviewedTitleAsync();
        var client = _factory.CreateClient();

        await GetAsync(client, $"/title/{slug}", "br");
        var withQuery = await GetAsync(client, $"/title/{slug}?utm_source={Guid.NewGuid():N}", "br");

        Assert.NotNull(withQuery.Headers.Age);
    }

    [Fact]
    public async Task All_reviews_pages_are_cached_one_entry_per_sort_and_page()
    {
        var (slug, _) = await AReviewedTitleAsync();
        var client = _factory.CreateClient();

        var first = await GetAsync(client, $"/title/{slug}/reviews?sort=newest", "br");
        var again = await GetAsync(client, $"/title/{slug}/reviews?sort=newest", "br");
        var otherSort = await GetAsync(client, $"/title/{slug}/reviews?sort=oldest", "br");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(again.Headers.Age);
        Assert.Null(otherSort.Headers.Age);
    }

    [Fact]
    public async Task A_page_asked_again_with_its_entity_tag_is_answered_304_without_it_until_a_vote_changes_the_page()
    {
        var (slug, reviewId) = await AReviewedTitleAsync();
        var reader = _factory.CreateClient();
        var first = await GetAsync(reader, $"/title/{slug}", null);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);

        var unchanged = await GetAsync(reader, $"/title/{slug}", null, tag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        var vote = await VoteAsync(_factory.CreateClient(), reviewId);
        var counts = await vote.Content.ReadFromJsonAsync<VoteAnswer>();
        var changed = await GetAsync(reader, $"/title/{slug}", null, tag);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Contains($"{counts!.Helpful} of {counts.Voted} ", await changed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/genre/drama")]
    [InlineData("/name/steve-buscemi")]
    [InlineData("/sitemap.xml")]
    public async Task Lists_people_and_sitemaps_asked_again_with_their_entity_tag_are_answered_304(string path)
    {
        var client = _factory.CreateClient();
        var tag = (await GetAsync(client, path, "br, gzip")).Headers.ETag;
        Assert.NotNull(tag);

        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, path, "br, gzip", tag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, path, "br, gzip", new("\"another\""))).StatusCode);
    }

    /// <summary>Without Redis the cache is the site's memory, which a command-line import cannot reach: it was stale for five minutes.</summary>
    [Fact]
    public async Task An_import_from_the_command_line_reaches_the_cached_page_within_moments()
    {
        var film = new TitlePageText("Watched Import", 1988) { Genres = ["Drama"] };
        await _factory.ImportAsync(film);
        var client = _factory.CreateClient();
        await GetAsync(client, $"/title/{film.Slug}", null);
        Assert.NotNull((await GetAsync(client, $"/title/{film.Slug}", null)).Headers.Age);

        var file = Path.Combine(_factory.DataFolder, "newer-capture.txt");
        await File.WriteAllBytesAsync(file, (film with { Summary = "A newer capture tells this story in other words, as captures do." }).Bytes);
        using (var import = SiteProcess.StartCommand(_factory.DataFolder, "import", file))
        {
            await import.WaitForExitAsync();
            Assert.True(import.ExitCode == 0, string.Join("\n", import.Lines));
        }

        // The site looks for other processes' imports every two seconds: wait on what a visitor sees, well
        // inside the five minutes after which the entry would have expired anyway.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await (await GetAsync(client, $"/title/{film.Slug}", null)).Content.ReadAsStringAsync()).Contains("A newer capture tells this story", StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "the cached page still showed the older capture");
            await Task.Delay(100);
        }
    }

    /// <summary>An import in the site's own process evicts at its commit; the watch for other processes' imports leaves it, so pages cached since stay.</summary>
    [Fact]
    public async Task An_import_in_the_sites_own_process_is_not_evicted_for_again_by_the_watch()
    {
        await _factory.ImportAsync(new TitlePageText("Imported Here", 1991) { Genres = ["Drama"] });

        var recorded = await _factory.Catalog.ReadAsync(db => db.ImportRecords.MaxAsync(r => r.Id));
        Assert.Equal(recorded, _factory.Services.GetRequiredService<FilmCatalog.Web.Hosting.PageCache>().EvictedThroughImportRecord);
    }

    [Fact]
    public async Task The_health_check_answers_ok_in_plain_text()
    {
        var response = await _factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(string Slug, int ReviewId)> AReviewedTitleAsync()
    {
        await using var db = _factory.NewDbContext();
        _factory.CreateClient();
        var review = await db.Reviews.Where(r => r.Status == ReviewStatus.Visible && r.Title!.ReviewCount > 0)
            .OrderBy(r => r.Id).Select(r => new { r.Title!.Slug, r.Id }).FirstAsync();
        return (review.Slug, review.Id);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding, System.Net.Http.Headers.EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        if (acceptEncoding is not null)
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<TokenAnswer>("/antiforgery/token"))!.Token;

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, int reviewId)
    {
        var token = await TokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{reviewId}/vote")
        {
            Content = new FormUrlEncodedContent([new("helpful", "yes")]),
        };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private sealed record TokenAnswer(string Token);

    private sealed record VoteAnswer(string Result, string Message, int Helpful, int Voted);
}
