using System.Net;
using AngleSharp.Dom;
using FilmCatalog.Tests.Infrastructure;
using static FilmCatalog.Tests.Pages.ReviewPages;

namespace FilmCatalog.Tests.Pages.Reviews;

public sealed class PostReviewTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task A_posted_review_appears_on_the_title_page_with_a_confirmation_and_updated_counts()
    {
        var client = factory.CreateClient();
        var before = await HtmlPage.GetAsync(client, $"/title/{SeedSlug}");
        var countBefore = before.QuerySelector(".review-counts a")!.TextContent;

        var (response, page) = await PostReviewAsync(client, SeedSlug, "A small gem", "9", ValidBody + " *Recommended.*", name: "Margo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/title/{SeedSlug}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("your review is posted", page.QuerySelector("[role=status].status-message")!.TextContent);
        var id = ReviewId(page, "A small gem");
        var review = page.QuerySelector($"#review-{id}")!;
        Assert.Contains("by Margo", review.TextContent);
        Assert.Contains("9", review.QuerySelector(".review-rating")!.TextContent);
        Assert.Equal("Recommended.", review.QuerySelector(".review-body em")!.TextContent);
        Assert.NotEqual(countBefore, page.QuerySelector(".review-counts a")!.TextContent);
        await using var db = factory.NewDbContext();
        var film = db.Titles.Single(t => t.Slug == SeedSlug);
        var average = ((double)film.VisitorRatingSum / film.VisitorRatingCount).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(average, page.QuerySelector(".visitor-rating strong")!.TextContent);

        // The confirmation is shown once; the next visit is the plain page again.
        var again = await HtmlPage.GetAsync(client, $"/title/{SeedSlug}");
        Assert.Null(again.QuerySelector(".status-message"));
        Assert.NotNull(again.QuerySelector($"#review-{id}"));
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
        var client = factory.CreateClient();

        var (response, page) = await PostReviewAsync(client, SeedSlug, headline, rating, body, name: "Kept Name");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/review", response.RequestMessage!.RequestUri!.AbsolutePath);
        var errors = page.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Contains(errors, e => e.StartsWith(message.Replace("6000", "6,000", StringComparison.Ordinal), StringComparison.Ordinal) || e.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal("Kept Name", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DisplayName")!.Value);
        if (body.Length is > 0 and <= 6_000)
            Assert.Equal(body, page.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_Body")!.Value);
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
        var client = factory.CreateClient();

        var (_, page) = await PostReviewAsync(client, SeedSlug, "The ending, discussed", "6", ValidBody, name: "Spoiler Sam", spoilers: true);

        var review = page.QuerySelector($"#review-{ReviewId(page, "The ending, discussed")}")!;
        Assert.NotNull(review.QuerySelector("details.review-spoiler .review-body"));
        Assert.Null(review.QuerySelector("details[open]"));
        Assert.Contains("by Spoiler Sam", review.QuerySelector(".review-meta")!.TextContent);
        Assert.Contains("6", review.QuerySelector(".review-rating")!.TextContent);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_a_400_and_stores_nothing()
    {
        var client = factory.CreateClient();
        await using var db = factory.NewDbContext();
        var before = db.Reviews.Count();

        var response = await client.PostAsync($"/title/{SeedSlug}/review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Headline"] = "Forged",
            ["Input.Rating"] = "10",
            ["Input.Body"] = ValidBody,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, db.Reviews.Count());
    }
}
