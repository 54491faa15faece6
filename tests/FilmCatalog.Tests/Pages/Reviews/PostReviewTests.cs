using System.Net;
using Microsoft.EntityFrameworkCore;
using static FilmCatalog.Testing.ReviewForm;

namespace FilmCatalog.Tests.Pages.Reviews;

public abstract class PostReviewTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string SeedSlug = "in-the-soup-1992";

    [Fact]
    public async Task A_posted_review_appears_on_the_title_page_with_a_confirmation_and_updated_counts()
    {
        var before = await TitlePage.GetAsync(factory.CreateClient(), SeedSlug);
        var countBefore = before.ReviewCountsLine;

        var form = await before.ClickReviewThisTitleAsync();
        var page = await form.PostAsync(Values("A small gem", "9", ValidBody + " *Recommended.*", name: "Margo"));

        Assert.Equal($"/title/{SeedSlug}", new Uri(page.Document.Url).AbsolutePath);
        Assert.Contains("your review is posted", page.StatusMessage);
        var id = page.ReviewId("A small gem");
        var review = page.ReviewArticle(id)!;
        Assert.Contains("by Margo", review.TextContent);
        Assert.Contains("9", review.QuerySelector(".review-rating")!.TextContent);
        Assert.Equal("Recommended.", review.QuerySelector(".review-body em")!.TextContent);
        Assert.NotEqual(countBefore, page.ReviewCountsLine);
        var film = await factory.Catalog.ReadAsync(db => db.Titles.SingleAsync(t => t.Slug == SeedSlug));
        var average = ((double)film.VisitorRatingSum / film.VisitorRatingCount).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(average, page.Main.QuerySelector(".visitor-rating strong")!.TextContent);

        // The confirmation is shown once; the next visit is the plain page again.
        var again = await TitlePage.GetAsync(page.Client, SeedSlug);
        Assert.Null(again.StatusMessage);
        Assert.NotNull(again.ReviewArticle(id));
    }

    public static TheoryData<string, string, string, string, string> InvalidReviews => new()
    {
        { "missing headline", "", "8", ValidBody, "Give your review a headline." },
        { "headline too long", new string('h', 101), "8", ValidBody, "The headline must be 3 to 100 characters." },
        { "missing rating", "Fine headline", "", ValidBody, "Choose a rating from 1 to 10." },
        { "rating out of range", "Fine headline", "11", ValidBody, "Choose a rating from 1 to 10." },
        { "rating not a number", "Fine headline", "ten", ValidBody, "Choose a rating from 1 to 10." },
        { "body too short", "Fine headline", "8", "Too short.", "Your review must be 100 to 6000 characters" },
        { "body too long", "Fine headline", "8", new string('x', 6_001), "Your review must be 100 to 6000 characters" },
        { "missing body", "Fine headline", "8", "", "Write your review." },
    };

    [Theory]
    [MemberData(nameof(InvalidReviews))]
    public async Task An_invalid_review_shows_the_message_next_to_its_field_and_keeps_what_was_typed(
        string _, string headline, string rating, string body, string message)
    {
        var form = await OpenForAsync(factory.CreateClient(), SeedSlug);

        var again = await form.PostInvalidAsync(Values(headline, rating, body, name: "Kept Name"));

        Assert.EndsWith("/review", new Uri(again.Document.Url).AbsolutePath);
        Assert.Contains(again.FieldErrors, e => e.StartsWith(message.Replace("6000", "6,000", StringComparison.Ordinal), StringComparison.Ordinal) || e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal("Kept Name", again.FieldValue("Input.DisplayName"));
        if (body.Length is > 0 and <= 6_000)
            Assert.Equal(body, again.FieldValue("Input.Body"));
    }

    [Fact]
    public async Task A_review_for_an_unknown_film_is_a_404()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/title/no-such-film-1900/review");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_spoiler_review_is_folded_with_its_headline_rating_and_author_still_visible()
    {
        var form = await OpenForAsync(factory.CreateClient(), SeedSlug);

        var page = await form.PostAsync(Values("The ending, discussed", "6", ValidBody, name: "Spoiler Sam", spoilers: true));

        var review = page.ReviewArticle(page.ReviewId("The ending, discussed"))!;
        Assert.NotNull(review.QuerySelector("details.review-spoiler .review-body"));
        Assert.Null(review.QuerySelector("details[open]"));
        Assert.Contains("by Spoiler Sam", review.QuerySelector(".review-meta")!.TextContent);
        Assert.Contains("6", review.QuerySelector(".review-rating")!.TextContent);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_a_400_and_stores_nothing()
    {
        var client = factory.CreateClient();
        var before = await factory.Catalog.ReadAsync(db => db.Reviews.CountAsync());

        var response = await client.PostAsync($"/title/{SeedSlug}/review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Headline"] = "Forged",
            ["Input.Rating"] = "10",
            ["Input.Body"] = ValidBody,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await factory.Catalog.ReadAsync(db => db.Reviews.CountAsync()));
    }
}

public sealed class PostReviewTestsOnSqlite(SqliteCatalog factory) : PostReviewTests<SqliteCatalog>(factory);

public sealed class PostReviewTestsOnPostgres(PostgresCatalog factory) : PostReviewTests<PostgresCatalog>(factory);
