using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// Writes are limited per client: over budget is 429 with Retry-After (what is left of the window, counted in
/// the process or in Redis), and other clients carry on.
/// </summary>
public abstract class WriteRateLimitsTests<TCatalog> : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    public const int Budget = 3;
    private readonly TCatalog _factory;

    protected WriteRateLimitsTests(TCatalog factory) => _factory = factory;

    public static Dictionary<string, string> Limits(IReadOnlyDictionary<string, string> settings) => new(settings)
    {
        ["RateLimits:VotesPerWindow"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ReviewsPerWindow"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ReportsPerWindow"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:WindowSeconds"] = "600",
    };

    [Fact]
    public async Task A_client_over_its_vote_budget_gets_429_with_retry_after_and_a_second_client_is_unaffected()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: Budget + 1);
        var greedy = _factory.CreateClient("10.5.0.1");

        for (var i = 0; i < Budget; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(greedy, film.ReviewIds[i])).StatusCode);
        var refused = await VoteAsync(greedy, film.ReviewIds[Budget]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        // The window began with this test's first vote: most of its 600 s are left (Redis's answer was once a flat 60).
        Assert.InRange(refused.Headers.RetryAfter.Delta.Value.TotalSeconds, 300, 600);
        var page = await HtmlPage.ParseAsync(refused);
        Assert.Equal("Too many requests", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(Budget, await _factory.Catalog.ReadAsync(db => db.HelpfulVotes.CountAsync(v => film.ReviewIds.Contains(v.ReviewId))));

        var other = _factory.CreateClient("10.5.0.2");
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(other, film.ReviewIds[Budget])).StatusCode);
    }

    [Fact]
    public async Task A_script_vote_over_the_budget_is_answered_in_json_with_the_wait_and_retry_after()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: Budget + 1);
        var greedy = _factory.CreateClient("10.5.0.4");
        var token = await Pages.Reviews.VoteTests<TCatalog>.TokenAsync(greedy);

        for (var i = 0; i < Budget; i++)
            Assert.Equal(HttpStatusCode.OK, (await Pages.Reviews.VoteTests<TCatalog>.PostVoteAsync(greedy, film.ReviewIds[i], token, "yes")).StatusCode);
        var refused = await Pages.Reviews.VoteTests<TCatalog>.PostVoteAsync(greedy, film.ReviewIds[Budget], token, "yes");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value.TotalSeconds, 300, 600);
        var minutes = (int)Math.Ceiling(wait.Value.TotalMinutes);
        await Pages.Reviews.VoteTests<TCatalog>.AssertRefusalAsync(refused, HttpStatusCode.TooManyRequests, "RateLimited",
            $"Your vote was not counted: you have voted too often. You can vote again in {minutes} minutes.");
        Assert.Equal(Budget, await _factory.Catalog.ReadAsync(db => db.HelpfulVotes.CountAsync(v => film.ReviewIds.Contains(v.ReviewId))));
    }

    /// <summary>QA: the review over the budget was answered with the generic 429 page, and what the visitor typed was gone.</summary>
    [Fact]
    public async Task A_review_over_the_budget_comes_back_as_typed_saying_it_was_not_posted_and_when_to_post_it()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 0);
        var client = _factory.CreateClient("10.5.0.5");
        for (var i = 0; i < Budget; i++)
            await (await ReviewForm.OpenForAsync(client, film.Slug)).PostAsync(ReviewForm.Values($"Review number {i}", "6", ReviewForm.ValidBody));
        var form = await ReviewForm.OpenForAsync(client, film.Slug);
        var body = ReviewForm.ValidBody + "\n\nWritten with care, *and kept*.";

        var refused = await form.SubmitAsync(ReviewForm.Values("One review too many", "8", body, name: "Patient Reader", spoilers: true));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value.TotalSeconds, 300, 600);
        var again = await ReviewForm.RefusedAsync(client, refused);
        Assert.Equal("One review too many", again.FieldValue("Input.Headline"));
        Assert.Equal(body, again.FieldValue("Input.Body").ReplaceLineEndings("\n"));
        Assert.Equal("Patient Reader", again.FieldValue("Input.DisplayName"));
        Assert.Equal("8", again.ChosenRating);
        Assert.True(again.SpoilersTicked);
        var minutes = (int)Math.Ceiling(wait.Value.TotalMinutes);
        Assert.Equal(
            [($"Your review was not posted: you have posted too many reviews for now. It is below as you wrote it: post it again in {minutes} minutes.", null)],
            again.ErrorSummary);
        Assert.StartsWith("Error: ", again.Document.Title, StringComparison.Ordinal);
        Assert.Equal(Budget, await _factory.Catalog.ReadAsync(db => db.Reviews.CountAsync(r => r.Title!.Slug == film.Slug)));

        // Mistakes spend nothing: over the budget, a form with one is still told what is wrong.
        var mistaken = await again.PostInvalidAsync(ReviewForm.Values("", "8", body));
        Assert.Equal([("Give your review a headline.", "Input_Headline")], mistaken.ErrorSummary);
    }

    [Fact]
    public async Task An_edit_over_the_budget_comes_back_with_the_changes_and_the_review_as_it_was()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 0);
        var client = _factory.CreateClient("10.5.0.7");
        for (var i = 0; i < Budget; i++)
            await (await ReviewForm.OpenForAsync(client, film.Slug)).PostAsync(ReviewForm.Values($"Edited review {i}", "6", ReviewForm.ValidBody));
        var id = await _factory.Catalog.ReadAsync(db => db.Reviews.Where(r => r.Title!.Slug == film.Slug).MaxAsync(r => r.Id));
        var form = await EditReviewPage.OpenAsync(client, id);

        var refused = await form.SubmitAsync(ReviewForm.Values("A second thought", "9", ReviewForm.ValidBody));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        var again = await EditReviewPage.RefusedAsync(client, refused);
        Assert.Equal(("A second thought", "9"), (again.FieldValue("Input.Headline"), again.Rating));
        var minutes = (int)Math.Ceiling(wait.Value.TotalMinutes);
        Assert.Equal(
            [($"Your review was not updated: you have written too many reviews for now. Your changes are below: save them again in {minutes} minutes.", null)],
            again.ErrorSummary);
        var stored = await _factory.Catalog.ReadAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("Edited review 2", 6), (stored.Headline, stored.Rating));
    }

    [Fact]
    public async Task A_report_over_the_budget_comes_back_with_its_reason_and_note_saying_when_to_send_it()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: Budget + 1);
        var client = _factory.CreateClient("10.5.0.6");
        for (var i = 0; i < Budget; i++)
            Assert.Equal(HttpStatusCode.OK, (await (await ReportForm.OpenForAsync(client, film.ReviewIds[i])).SubmitAsync(ReportForm.Values("Spam", "Advertising."))).StatusCode);
        var form = await ReportForm.OpenForAsync(client, film.ReviewIds[Budget]);

        var refused = await form.SubmitAsync(ReportForm.Values("Offensive", "Insults another reviewer by name."));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        var again = await ReportForm.RefusedAsync(client, refused);
        Assert.Equal("Offensive", again.ChosenReason);
        Assert.Equal("Insults another reviewer by name.", again.Comment);
        var minutes = (int)Math.Ceiling(wait.Value.TotalMinutes);
        Assert.Equal(
            [($"Your report was not sent: you have sent too many reports for now. It is below as you wrote it: send it again in {minutes} minutes.", null)],
            again.ErrorSummary);
        Assert.Equal(0, await _factory.Catalog.ReadAsync(db => db.ReviewReports.CountAsync(r => r.ReviewId == film.ReviewIds[Budget])));
    }

    [Fact]
    public async Task Reading_is_never_limited()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 1);
        var reader = _factory.CreateClient("10.5.0.3");

        for (var i = 0; i < Budget * 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/reviews/{film.ReviewIds[0]}/vote")).StatusCode);
    }

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, int review) =>
        await (await VotePage.OpenAsync(client, review)).SubmitAsync(helpful: true);
}

public sealed class WriteRateLimitedSiteOnSqlite : CatalogFactory
{
    public WriteRateLimitedSiteOnSqlite() => Settings = WriteRateLimitsTests<WriteRateLimitedSiteOnSqlite>.Limits(Settings);
}

/// <summary>PostgreSQL with the budgets counted in Redis.</summary>
public sealed class WriteRateLimitedSiteOnPostgres : PostgresCatalog
{
    public WriteRateLimitedSiteOnPostgres() => Settings = WriteRateLimitsTests<WriteRateLimitedSiteOnPostgres>.Limits(Settings);
}

public sealed class WriteRateLimitsTestsOnSqlite(WriteRateLimitedSiteOnSqlite site) : WriteRateLimitsTests<WriteRateLimitedSiteOnSqlite>(site);

public sealed class WriteRateLimitsTestsOnPostgres(WriteRateLimitedSiteOnPostgres site) : WriteRateLimitsTests<WriteRateLimitedSiteOnPostgres>(site);
