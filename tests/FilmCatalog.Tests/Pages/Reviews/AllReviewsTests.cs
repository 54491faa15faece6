using System.Net;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Pages.Reviews;

public abstract class AllReviewsTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const int ReviewCount = 47;

    /// <summary>A film with 47 reviews: ratings cycle 1-10 (every 7th unrated), every 5th a spoiler, helpfulness varied.</summary>
    private async Task<string> FilmWithManyReviewsAsync(string name)
    {
        var film = TestCatalog.NewTitle(name, 2001);
        for (var i = 0; i < ReviewCount; i++)
        {
            var review = TestCatalog.NewReview($"Review {i:00}", helpful: i % 9, voted: 8 + (i % 4), new DateTime(2005, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i * 3 % 41),
                spoilers: i % 5 == 0, rating: i % 7 == 6 ? null : 1 + (i % 10));
            review.HelpfulScore = HelpfulScore.Of(Math.Min(i % 9, 8 + (i % 4)), 8 + (i % 4));
            film.Reviews.Add(review);
        }

        film.ReviewCount = ReviewCount;
        return await factory.Catalog.AddAsync(film);
    }

    private static async Task<List<(string Headline, string? Rating, bool Spoiler)>> ReadAllPagesAsync(HttpClient client, string firstUrl)
    {
        var pages = await (await AllReviewsPage.OpenAsync(client, firstUrl)).ThisAndFollowingAsync();
        return [.. pages.SelectMany(page => page.Reviews).Select(a => (
            a.QuerySelector(".review-headline")!.TextContent.Trim(),
            a.QuerySelector(".review-rating strong")?.TextContent,
            a.QuerySelector("details.review-spoiler") is not null))];
    }

    [Fact]
    public async Task Paging_through_the_most_helpful_order_shows_every_review_once_in_order()
    {
        var slug = await FilmWithManyReviewsAsync("Paged Film");
        var client = factory.CreateClient();

        var first = await AllReviewsPage.OpenAsync(client, $"/title/{slug}/reviews");
        Assert.Equal(20, first.Reviews.Count);
        var all = await ReadAllPagesAsync(client, $"/title/{slug}/reviews");

        Assert.Equal(ReviewCount, all.Count);
        Assert.Equal(ReviewCount, all.Select(r => r.Headline).Distinct().Count());
        await using var db = factory.NewDbContext();
        var expected = db.Reviews.Where(r => r.Title!.Slug == slug)
            .OrderByDescending(r => r.HelpfulScore).ThenByDescending(r => r.Id).Select(r => r.Headline).ToList();
        Assert.Equal(expected, all.Select(r => r.Headline));
    }

    [Fact]
    public async Task Newest_and_oldest_are_each_others_reverse()
    {
        var slug = await FilmWithManyReviewsAsync("Dated Film");
        var client = factory.CreateClient();

        var newest = await ReadAllPagesAsync(client, $"/title/{slug}/reviews?sort=newest");
        var oldest = await ReadAllPagesAsync(client, $"/title/{slug}/reviews?sort=oldest");

        Assert.Equal(ReviewCount, newest.Count);
        Assert.Equal(newest.Select(r => r.Headline).Reverse(), oldest.Select(r => r.Headline));
    }

    [Fact]
    public async Task Highest_rating_first_lists_rated_reviews_from_ten_down()
    {
        var slug = await FilmWithManyReviewsAsync("Rated Film");

        var highest = await ReadAllPagesAsync(factory.CreateClient(), $"/title/{slug}/reviews?sort=highest");
        var lowest = await ReadAllPagesAsync(factory.CreateClient(), $"/title/{slug}/reviews?sort=lowest");

        var ratings = highest.Select(r => int.Parse(r.Rating!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ratings.OrderByDescending(r => r), ratings);
        Assert.Equal(Enumerable.Range(0, ReviewCount).Count(i => i % 7 != 6), highest.Count);
        Assert.Equal(highest.Count, lowest.Count);
        Assert.Equal(ratings.Min(), int.Parse(lowest[0].Rating!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Filters_hide_spoilers_and_keep_one_rating_across_pages()
    {
        var slug = await FilmWithManyReviewsAsync("Filtered Film");
        var client = factory.CreateClient();

        var noSpoilers = await ReadAllPagesAsync(client, $"/title/{slug}/reviews?spoilers=hide");
        var sevens = await ReadAllPagesAsync(client, $"/title/{slug}/reviews?rating=7&sort=newest");

        Assert.Equal(Enumerable.Range(0, ReviewCount).Count(i => i % 5 != 0), noSpoilers.Count);
        Assert.DoesNotContain(noSpoilers, r => r.Spoiler);
        Assert.NotEmpty(sevens);
        Assert.All(sevens, r => Assert.Equal("7", r.Rating));
    }

    [Fact]
    public async Task Every_order_filter_and_later_page_names_the_first_page_as_canonical_and_is_not_indexed()
    {
        var slug = await FilmWithManyReviewsAsync("Crawled Film");
        var client = factory.CreateClient();

        var first = await AllReviewsPage.OpenAsync(client, $"/title/{slug}/reviews");
        var canonical = first.Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        Assert.Equal($"http://localhost/title/{slug}/reviews", canonical);
        Assert.Null(first.Document.QuerySelector("meta[name=robots]"));

        // Each sort, filter and page is the same reviews again: a crawler follows them but indexes only the first page.
        var views = new List<AllReviewsPage> { (await first.NextAsync())! };
        foreach (var query in new[] { "sort=newest", "rating=3", "spoilers=hide", "sort=lowest&rating=1" })
            views.Add(await AllReviewsPage.OpenAsync(client, $"/title/{slug}/reviews?{query}"));
        Assert.All(views, view =>
        {
            Assert.Equal(canonical, view.Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.Equal("noindex, follow", view.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        });
    }

    [Fact]
    public async Task A_tampered_cursor_or_sort_falls_back_instead_of_failing()
    {
        var slug = await FilmWithManyReviewsAsync("Tampered Film");
        var client = factory.CreateClient();

        foreach (var query in new[] { "after=garbage", "after=1e999_5", "after=NaN_1", "sort=%3Cscript%3E", "rating=99", "after=0.5_-3" })
        {
            var response = await client.GetAsync($"/title/{slug}/reviews?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/title/not-a-film-1900/reviews")).StatusCode);
    }
}

public sealed class AllReviewsTestsOnSqlite(SqliteCatalog factory) : AllReviewsTests<SqliteCatalog>(factory);

public sealed class AllReviewsTestsOnPostgres(PostgresCatalog factory) : AllReviewsTests<PostgresCatalog>(factory);
