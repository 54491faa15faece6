using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        Assert.Equal(average, page.Main.QuerySelector(".rating-visitors .rating-value")!.TextContent);
        Assert.Contains("posted here", review.QuerySelector(".review-meta")!.TextContent);

        // The confirmation is beside the new review, where the browser lands (#review-id), not at the top of the page.
        Assert.Equal($"review-{id}", new Uri(page.Document.Url).Fragment.TrimStart('#'));
        Assert.NotNull(review.QuerySelector("[role=status].status-message"));
        Assert.Contains("review-highlight", review.ClassList);
        Assert.Single(page.Main.QuerySelectorAll(".status-message"));

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
        { "body too short", "Fine headline", "8", "Too short.", "Your review must be 100 to 6,000 characters" },
        { "body too long", "Fine headline", "8", new string('x', 6_001), "Your review must be 100 to 6,000 characters" },
        { "missing body", "Fine headline", "8", "", "Write your review." },

        // Lengths count what would be stored: the text without the spaces around it.
        { "headline of spaces", "     ", "8", ValidBody, "Give your review a headline." },
        { "headline short once trimmed", "   a   ", "8", ValidBody, "The headline must be 3 to 100 characters." },
        { "body short once trimmed", "Fine headline", "8", new string(' ', 95) + "short", "Your review must be 100 to 6,000 characters" },
        { "body of 98 letters between spaces", "Fine headline", "8", "   " + new string('b', 98) + "   ", "Your review must be 100 to 6,000 characters" },

        // Lengths count what a reader sees: zero-width spaces and fillers show nothing, an emoji is one character.
        { "headline of zero-width spaces", "\u200B\u200B\u200B", "8", ValidBody, "Give your review a headline." },
        { "headline of Hangul fillers", "\u3164\u3164\u3164", "8", ValidBody, "Give your review a headline." },
        { "headline of two letters and joiners", "a\u200Db\u2060", "8", ValidBody, "The headline must be 3 to 100 characters." },
        { "body of zero-width spaces", "Fine headline", "8", new string('\u200B', 120), "Your review must be 100 to 6,000 characters" },
        { "body of 50 emoji", "Fine headline", "8", string.Concat(Enumerable.Repeat("\U0001F3AC", 50)), "Your review must be 100 to 6,000 characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidReviews))]
    public async Task An_invalid_review_shows_the_message_next_to_its_field_and_keeps_what_was_typed(
        string _, string headline, string rating, string body, string message)
    {
        var form = await OpenForAsync(factory.CreateClient(), SeedSlug);

        var again = await form.PostInvalidAsync(Values(headline, rating, body, name: "Kept Name"));

        Assert.EndsWith("/review", new Uri(again.Document.Url).AbsolutePath);
        Assert.Contains(again.FieldErrors, e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Contains(again.ErrorSummary, e => e.Message.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal("Kept Name", again.FieldValue("Input.DisplayName"));
        if (body.Length is > 0 and <= 6_000)
            Assert.Equal(body, again.FieldValue("Input.Body"));
    }

    /// <summary>QA: "abc" for the rating was told "The value 'abc' is not valid for Your rating.", the framework's words.</summary>
    [Theory]
    [InlineData("abc")]
    [InlineData("5.5")]
    [InlineData("99999999999")]
    [InlineData("7 stars")]
    public async Task A_rating_that_is_no_whole_number_is_told_to_choose_one_from_1_to_10(string rating)
    {
        var form = await OpenForAsync(factory.CreateClient(), SeedSlug);
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.Form.QuerySelector("#Input_Rating")!).Value = rating;

        var again = await form.PostInvalidAsync(Values("Fine headline", rating, ValidBody));

        Assert.Equal([("Choose a rating from 1 to 10.", "Input_Rating")], again.ErrorSummary);
    }

    /// <summary>A value no field of a form words for itself is told in the site's words, naming the field, not the framework's.</summary>
    [Fact]
    public void A_value_that_cannot_be_bound_is_told_in_the_sites_words()
    {
        var messages = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.MvcOptions>>().Value.ModelBindingMessageProvider;

        Assert.Equal("'abc' is not a valid value for Your rating.", messages.AttemptedValueIsInvalidAccessor("abc", "Your rating"));
        Assert.Equal("'99' is not a valid value.", messages.ValueIsInvalidAccessor("99"));
    }

    /// <summary>A name is shown on one line beside the review: a line break or other control character is refused, as in the headline.</summary>
    [Theory]
    [InlineData("Line1\nLine2")]
    [InlineData("Tab\tName")]
    [InlineData("Bell\u0007")]
    public async Task A_display_name_of_more_than_one_line_is_refused_and_nothing_is_stored(string name)
    {
        var before = await factory.Catalog.ReadAsync(db => db.Reviews.CountAsync());
        var form = await OpenForAsync(factory.CreateClient(), SeedSlug);

        var again = await form.PostInvalidAsync(Values("Fine headline", "8", ValidBody, name: name));

        Assert.Contains("The name must be one line of text.", again.FieldErrors);
        Assert.Equal(before, await factory.Catalog.ReadAsync(db => db.Reviews.CountAsync()));
    }

    /// <summary>A name that shows nothing is no name; one with direction overrides is isolated, so it cannot turn the byline around.</summary>
    [Fact]
    public async Task An_invisible_name_is_a_visitor_and_a_name_with_direction_overrides_stays_inside_its_own_span()
    {
        var client = factory.CreateClient();
        var invisible = await (await OpenForAsync(client, SeedSlug)).PostAsync(Values("Invisible name", "7", ValidBody, name: "\u200B\u3164"));
        var spoofing = await (await OpenForAsync(client, SeedSlug)).PostAsync(Values("Overridden name", "7", ValidBody, name: "\u202EModerator\u202C staff"));

        Assert.Equal("by a visitor", SitePage.Text(invisible.ReviewArticle(invisible.ReviewId("Invisible name"))!.QuerySelector(".review-author")));
        var author = spoofing.ReviewArticle(spoofing.ReviewId("Overridden name"))!.QuerySelector(".review-author bdi");
        Assert.Equal("\u202EModerator\u202C staff", author?.TextContent);
    }

    /// <summary>Control characters pasted into a review are no text: they showed as boxes, and are left out.</summary>
    [Fact]
    public async Task Control_characters_in_a_review_are_left_out_and_its_lines_kept()
    {
        var page = await (await OpenForAsync(factory.CreateClient(), SeedSlug)).PostAsync(Values("Pasted oddly", "6", "Bell\u0007 and escape\u001B.\n\n" + ValidBody + "\u0001"));

        var body = page.ReviewArticle(page.ReviewId("Pasted oddly"))!.QuerySelector(".review-body")!.TextContent;
        Assert.DoesNotContain(body, c => char.IsControl(c) && c is not ('\n' or '\t'));
        Assert.Contains("Bell and escape.", body, StringComparison.Ordinal);
    }

    /// <summary>No browser posts a form without its fields, but a script may: the page says what is missing and stores nothing.</summary>
    [Fact]
    public async Task A_post_with_none_of_the_forms_fields_says_what_is_missing_and_stores_nothing()
    {
        var client = factory.CreateClient();
        var reviews = await factory.Catalog.ReadAsync(db => db.Reviews.CountAsync());
        var reports = await factory.Catalog.ReadAsync(db => db.ReviewReports.CountAsync());
        var review = await factory.Catalog.ReadAsync(db => db.Reviews.Select(r => r.Id).FirstAsync());

        foreach (var (path, message) in new[] { ($"/title/{SeedSlug}/review", "Give your review a headline."), ($"/reviews/{review}/report", "Choose why you are reporting this review.") })
        {
            var form = await HtmlPage.GetAsync(client, path);
            var token = form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

            var response = await client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await HtmlPage.ParseAsync(response);
            Assert.Contains(message, page.QuerySelector(".error-summary")?.TextContent ?? "", StringComparison.Ordinal);
        }

        Assert.Equal(reviews, await factory.Catalog.ReadAsync(db => db.Reviews.CountAsync()));
        Assert.Equal(reports, await factory.Catalog.ReadAsync(db => db.ReviewReports.CountAsync()));
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
    public async Task Posting_the_same_form_twice_makes_one_review_and_both_answers_show_it()
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 0);
        var form = await OpenForAsync(factory.CreateClient(), film.Slug);
        var values = Values("Clicked twice by mistake", "8", ValidBody);

        var first = await form.PostAsync(values);
        var second = await form.PostAsync(values);

        var id = first.ReviewId("Clicked twice by mistake");
        Assert.Equal(id, second.ReviewId("Clicked twice by mistake"));
        Assert.Contains("your review is posted", second.StatusMessage);
        Assert.Equal($"review-{id}", new Uri(second.Document.Url).Fragment.TrimStart('#'));
        Assert.Single(second.Main.QuerySelectorAll("article.review"));
        Assert.Equal(1, await ReviewsOfAsync(film.Slug));
        var title = await factory.Catalog.ReadAsync(db => db.Titles.SingleAsync(t => t.Slug == film.Slug));
        Assert.Equal((1, 1, 8), (title.ReviewCount, title.VisitorRatingCount, title.VisitorRatingSum));
    }

    [Fact]
    public async Task The_same_form_posted_three_times_at_once_makes_one_review_and_every_answer_leads_to_it()
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 0);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await OpenForAsync(client, film.Slug);
        var values = Values("Clicked three times at once", "7", ValidBody);

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => form.SubmitAsync(values)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var locations = answers.Select(a => a.Headers.Location!.OriginalString).Distinct().ToList();
        var location = Assert.Single(locations);
        Assert.StartsWith($"/title/{film.Slug}#review-", location, StringComparison.Ordinal);
        Assert.Equal(1, await ReviewsOfAsync(film.Slug));

        var page = await TitlePage.GetAsync(factory.CreateClient(), film.Slug);
        var id = page.ReviewId("Clicked three times at once");
        Assert.EndsWith($"#review-{id}", location, StringComparison.Ordinal);
        Assert.Single(page.Main.QuerySelectorAll("article.review"));
    }

    [Fact]
    public async Task A_second_review_with_another_body_from_the_same_visitor_is_posted()
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 0);
        var form = await OpenForAsync(factory.CreateClient(), film.Slug);

        var first = await form.PostAsync(Values("Seen it again", "6", ValidBody));
        var second = await form.PostAsync(Values("Seen it again", "6", ValidBody + " Better the second time."));

        Assert.Equal(2, second.Main.QuerySelectorAll("article.review").Length);
        Assert.Equal(2, await ReviewsOfAsync(film.Slug));
        Assert.Contains("Better the second time.", second.ReviewArticle(int.Parse(new Uri(second.Document.Url).Fragment["#review-".Length..], System.Globalization.CultureInfo.InvariantCulture))!.TextContent);
        Assert.NotNull(first.StatusMessage);
    }

    private Task<int> ReviewsOfAsync(string slug) => factory.Catalog.ReadAsync(db => db.Reviews.CountAsync(r => r.Title!.Slug == slug));

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

/// <summary>The review and report forms' error summary: GOV.UK's pattern.</summary>
public sealed class FormErrorSummaryTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task An_invalid_review_lists_every_error_at_the_top_in_form_order_each_linking_to_its_field()
    {
        var form = await ReviewForm.OpenForAsync(factory.CreateClient(), "in-the-soup-1992");
        Assert.Empty(form.ErrorSummary);
        Assert.Empty(form.FieldsInError);
        Assert.Empty(form.InvalidControls);
        Assert.DoesNotContain("Error:", form.Document.Title, StringComparison.Ordinal);

        var again = await form.PostInvalidAsync(ReviewForm.Values("", "", "Too short.", name: new string('n', 51)));

        Assert.Equal(
        [
            ("Give your review a headline.", "Input_Headline"),
            ("Choose a rating from 1 to 10.", "Input_Rating"),
            ("Your review must be 100 to 6,000 characters (a few sentences, at most about 1,000 words).", "Input_Body"),
            ("Keep the name to 50 characters.", "Input_DisplayName"),
        ], again.ErrorSummary);
        foreach (var (_, fieldId) in again.ErrorSummary)
            Assert.NotNull(again.Document.GetElementById(fieldId!));
        // Each field in error has the red bar beside it, and its controls say so to assistive technology (every radio of the rating).
        Assert.Equal(["Input_Headline", "Input_Rating", "Input_Body", "Input_DisplayName"], again.FieldsInError);
        Assert.Equal(
            ["Input_Headline", "Input_Rating", .. Enumerable.Range(2, 9).Select(i => $"Input_Rating_{i}"), "Input_Body", "Input_DisplayName"],
            again.InvalidControls);
        Assert.StartsWith("Error: ", again.Document.Title, StringComparison.Ordinal);
        var summary = again.Main.QuerySelector(".error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        // The summary comes first in the form, before any field.
        Assert.Same(summary, again.Main.QuerySelector("form.review-form")!.FirstElementChild);
        // Numbers read the same in the hint as in the message.
        Assert.Contains("100 to 6,000 characters", SitePage.Text(again.Document.GetElementById("body-hint")));
    }

    [Fact]
    public async Task A_report_without_a_reason_links_the_summary_to_the_first_reason()
    {
        var client = factory.CreateClient();
        var title = await TitlePage.GetAsync(client, "in-the-soup-1992");
        var report = await title.ClickReportAsync(title.ReviewId("Hopefully, This Fresh and Personal Film Holds Its Own Over Time."));

        var again = await report.SendAsync(reason: null);

        var (message, fieldId) = Assert.Single(again.ErrorSummary);
        Assert.Equal("Choose why you are reporting this review.", message);
        Assert.Equal("radio", again.Document.GetElementById(fieldId!)!.GetAttribute("type"));
        Assert.Equal(["Input_Reason"], again.FieldsInError);
        Assert.Equal(["Input_Reason", "Input_Reason_1", "Input_Reason_2", "Input_Reason_3", "Input_Reason_4"], again.InvalidControls);
    }
}

public sealed class PostReviewTestsOnSqlite(SqliteCatalog factory) : PostReviewTests<SqliteCatalog>(factory);

public sealed class PostReviewTestsOnPostgres(PostgresCatalog factory) : PostReviewTests<PostgresCatalog>(factory);
