using System.Net;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FilmCatalog.Testing.ReviewForm;

namespace FilmCatalog.Tests.Pages.Moderation;

/// <summary>
/// What moderators do, as a moderator and a visitor see it: the queue, hiding, restoring and removing
/// reviews (with the title page, its counts and its cache following at once), the history of every
/// decision, and what a reporter is told afterwards.
/// </summary>
public abstract class ModerationDecisionTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string Email = "decider@example.org";
    private const string Password = "Decide-Fairly-2026";

    private async Task<HttpClient> ModeratorAsync()
    {
        if (await factory.InScopeAsync(async s => await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>().FindByEmailAsync(Email)) is null)
            await factory.AddModeratorAsync(Email, Password);
        return await factory.SignedInModeratorAsync(Email, Password);
    }

    /// <summary>A film of its own, without reviews, so every review posted to it is on its title page.</summary>
    private async Task<string> NewFilmAsync() => (await factory.Catalog.AddFilmAsync(reviews: 0)).Slug;

    private async Task<int> PostReviewAsync(string slug, string headline, string rating)
    {
        var form = await OpenForAsync(factory.CreateClient(), slug);
        var page = await form.PostAsync(Values(headline, rating, ValidBody));
        return page.ReviewId(headline);
    }

    /// <summary>Reports from distinct visitors on distinct networks (three hide the review).</summary>
    private static async Task<ReportForm> ReportAsync(HttpClient visitor, int reviewId, string reason, string comment = "") =>
        await (await ReportForm.OpenForAsync(visitor, reviewId)).SendAsync(reason, comment);

    private Task<Title> FilmAsync(string slug) => factory.Catalog.ReadAsync(db => db.Titles.AsNoTracking().SingleAsync(t => t.Slug == slug));

    [Fact]
    public async Task The_queue_lists_reported_reviews_most_reported_first_with_reasons_and_comments_and_no_reporter()
    {
        var slug = await NewFilmAsync();
        var once = await PostReviewAsync(slug, "Reported once here", "6");
        var twice = await PostReviewAsync(slug, "Reported twice here", "6");
        await ReportAsync(factory.CreateClient("10.30.0.1"), once, "OffTopic", "About another film.");
        await ReportAsync(factory.CreateClient("10.30.0.2"), twice, "Spam", "Links to a shop.");
        await ReportAsync(factory.CreateClient("10.30.0.3"), twice, "Spam");

        var queue = await ModerationPage.OpenAsync(await ModeratorAsync(), "/moderation");

        var ids = queue.ReviewIds.ToList();
        Assert.True(ids.IndexOf(twice) < ids.IndexOf(once), $"queue order: {string.Join(", ", ids)}");
        Assert.Equal("2 open reports from 2 networks: Spam or advertising × 2", queue.ReportSummary(twice));
        Assert.Equal(["Links to a shop."], queue.ReportComments(twice));
        Assert.Equal("Visible", queue.Status(twice));
        // The review as a visitor sees it, its controls inert.
        Assert.Equal("Reported twice here", SitePage.Text(queue.Review(twice).QuerySelector(".moderation-preview[inert] .review-headline")));
        var visitorIds = await factory.Catalog.ReadAsync(db => db.ReviewReports.Where(r => r.ReviewId == twice).Select(r => r.VisitorId.ToString()).ToListAsync());
        Assert.DoesNotContain(visitorIds, v => queue.Document.DocumentElement.OuterHtml.Contains(v, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Hiding_a_review_takes_it_off_the_cached_title_page_and_out_of_the_counts_at_once_and_is_in_its_history()
    {
        var slug = await NewFilmAsync();
        var reviewId = await PostReviewAsync(slug, "To be hidden by hand", "9");
        var visitor = factory.CreateClient("10.31.0.1");
        Assert.NotNull((await TitlePage.GetAsync(visitor, slug)).ReviewArticle(reviewId)); // cached now
        var before = await FilmAsync(slug);
        var moderator = await ModeratorAsync();

        var film = await ModerationPage.OpenAsync(moderator, $"/moderation/titles/{slug}");
        var after = await film.DecideAsync(reviewId, "Hide", "Insults another reviewer.");

        Assert.StartsWith("Hidden: \u201cTo be hidden by hand\u201d", after.StatusMessage, StringComparison.Ordinal);
        Assert.Null((await TitlePage.GetAsync(visitor, slug)).ReviewArticle(reviewId));
        var hidden = await FilmAsync(slug);
        Assert.Equal((before.ReviewCount - 1, before.VisitorRatingCount - 1, before.VisitorRatingSum - 9),
            (hidden.ReviewCount, hidden.VisitorRatingCount, hidden.VisitorRatingSum));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/reviews/{reviewId}/vote")).StatusCode);

        var history = await ModerationPage.OpenAsync(moderator, $"/moderation/reviews/{reviewId}");
        var line = Assert.Single(history.History);
        Assert.StartsWith($"Hidden by {Email},", line, StringComparison.Ordinal);
        Assert.EndsWith("Insults another reviewer.", line, StringComparison.Ordinal);
        Assert.Contains(reviewId, (await ModerationPage.OpenAsync(moderator, "/moderation/hidden")).ReviewIds);
        Assert.Contains("Insults another reviewer.", SitePage.Text((await ModerationPage.OpenAsync(moderator, "/moderation/log")).Main), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_review_hidden_by_a_brigade_brings_back_its_counts_closes_its_reports_and_reports_alone_no_longer_hide_it()
    {
        var slug = await NewFilmAsync();
        var reviewId = await PostReviewAsync(slug, "Hidden by a brigade", "3");
        var before = await FilmAsync(slug);
        for (var i = 0; i < ReviewReporting.HideThreshold; i++)
            await ReportAsync(factory.CreateClient($"10.32.0.{i + 1}"), reviewId, "Offensive");
        Assert.Equal(before.ReviewCount - 1, (await FilmAsync(slug)).ReviewCount);
        var moderator = await ModeratorAsync();

        var queue = await ModerationPage.OpenAsync(moderator, "/moderation");
        Assert.Equal("Hidden by reports, waiting for a moderator", queue.Status(reviewId));
        Assert.Equal(["Restore", "Keep hidden", "Remove as spam"], queue.Decisions(reviewId));
        var after = await queue.DecideAsync(reviewId, "Restore", "Disagreement, not abuse.");

        Assert.DoesNotContain(reviewId, after.ReviewIds);
        Assert.NotNull((await TitlePage.GetAsync(factory.CreateClient("10.32.1.1"), slug)).ReviewArticle(reviewId));
        var restored = await FilmAsync(slug);
        Assert.Equal((before.ReviewCount, before.VisitorRatingCount, before.VisitorRatingSum), (restored.ReviewCount, restored.VisitorRatingCount, restored.VisitorRatingSum));
        Assert.Equal(before.VisitorRatingCounts, restored.VisitorRatingCounts);
        var review = await factory.Catalog.ReadAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal((ReviewStatus.Visible, 0, true), (review.Status, review.ReportCount, review.KeptByModerator));
        Assert.Equal(0, await factory.Catalog.ReadAsync(db => db.ReviewReports.CountAsync(r => r.ReviewId == reviewId && r.ClosedAt == null)));

        // Three more networks report it: back in the queue, but still on the page.
        for (var i = 0; i < ReviewReporting.HideThreshold; i++)
            await ReportAsync(factory.CreateClient($"10.32.2.{i + 1}"), reviewId, "Offensive");
        Assert.NotNull((await TitlePage.GetAsync(factory.CreateClient("10.32.1.1"), slug)).ReviewArticle(reviewId));
        Assert.Contains(reviewId, (await ModerationPage.OpenAsync(moderator, "/moderation")).ReviewIds);

        var history = (await ModerationPage.OpenAsync(moderator, $"/moderation/reviews/{reviewId}")).History;
        Assert.Equal(2, history.Count);
        Assert.StartsWith("Hidden automatically by reports by the site,", history[0], StringComparison.Ordinal);
        Assert.Contains("3 reports closed", history[1], StringComparison.Ordinal);
        Assert.StartsWith($"Restored by {Email},", history[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spam_nobody_reported_is_found_by_title_and_removed_for_good()
    {
        var slug = await NewFilmAsync();
        var reviewId = await PostReviewAsync(slug, "Buy cheap watches now", "10");
        var before = await FilmAsync(slug);
        var moderator = await ModeratorAsync();

        var search = await SitePage.GetAsync(moderator, "/moderation/titles?q=TEST+fil");
        var link = search.Main.QuerySelectorAll("table.found-films a").Single(a => a.GetAttribute("href") == $"/moderation/titles/{slug}");
        Assert.Equal("Test Film (2001)", SitePage.Text(link));
        var film = await ModerationPage.OpenAsync(moderator, link.GetAttribute("href")!);
        await film.DecideAsync(reviewId, "Remove as spam", "Advertising.");

        Assert.Null((await TitlePage.GetAsync(factory.CreateClient("10.33.0.1"), slug)).ReviewArticle(reviewId));
        Assert.Equal(before.ReviewCount - 1, (await FilmAsync(slug)).ReviewCount);
        Assert.DoesNotContain(reviewId, (await ModerationPage.OpenAsync(moderator, "/moderation/hidden")).ReviewIds);
        Assert.DoesNotContain(reviewId, (await ModerationPage.OpenAsync(moderator, $"/moderation/titles/{slug}")).ReviewIds);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient("10.33.0.2").GetAsync($"/reviews/{reviewId}/report")).StatusCode);
        Assert.Equal(ReviewStatus.Removed, await factory.Catalog.ReadAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync()));
    }

    /// <summary>On SQLite, LOWER folded only ASCII: "éclair" did not find "Éclair" there, and did on PostgreSQL.</summary>
    [Theory]
    [InlineData("Éclair du Nord", "ÉCLAIR")]
    [InlineData("Éclair du Nord", "eclair du")]
    [InlineData("Łódź Nights", "łódź")]
    [InlineData("Łódź Nights", "LODZ")]
    [InlineData("Москва слезам не верит", "москва")]
    [InlineData("Москва слезам не верит", "Moskva")]
    [InlineData("İstanbul Hatırası", "istanbul")]
    public async Task A_moderator_finds_a_film_by_any_part_of_its_title_whatever_its_case_accents_or_script(string title, string query)
    {
        var film = await factory.ImportAsync(new TitlePageText(title, 1979));
        var moderator = await ModeratorAsync();

        var search = await SitePage.GetAsync(moderator, $"/moderation/titles?q={Uri.EscapeDataString(query)}");

        Assert.Contains(search.Main.QuerySelectorAll("table.found-films a"), a => a.GetAttribute("href") == $"/moderation/titles/{film[0].Slug}");
    }

    [Fact]
    public async Task A_decision_without_a_reason_is_refused_with_the_error_summary_and_changes_nothing()
    {
        var slug = await NewFilmAsync();
        var reviewId = await PostReviewAsync(slug, "Hide me without a word", "5");
        var moderator = await ModeratorAsync();
        var before = await factory.Catalog.DumpAsync();

        var page = await ModerationPage.OpenAsync(moderator, $"/moderation/reviews/{reviewId}");
        var answer = await page.SubmitDecisionAsync(reviewId, "Hide", "  ");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var again = await HtmlPage.ParseAsync(answer);
        Assert.StartsWith("Error: ", again.Title, StringComparison.Ordinal);
        Assert.Equal($"#note-{reviewId}", again.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(before, await factory.Catalog.DumpAsync());
    }

    [Fact]
    public async Task A_decision_needs_the_antiforgery_token_and_this_sites_origin()
    {
        var slug = await NewFilmAsync();
        var reviewId = await PostReviewAsync(slug, "Forged decision target", "5");
        var moderator = await ModeratorAsync();
        var page = await ModerationPage.OpenAsync(moderator, $"/moderation/reviews/{reviewId}");
        var token = page.Review(reviewId).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await factory.Catalog.DumpAsync();

        HttpRequestMessage Decision(string? withToken) => new(HttpMethod.Post, $"/moderation/reviews/{reviewId}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Decision.Kind"] = "RemoveAsSpam",
                ["Decision.Note"] = "Forged.",
                ["__RequestVerificationToken"] = withToken ?? "",
            }),
        };

        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.SendAsync(Decision(null))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.SendAsync(Decision(token + "x"))).StatusCode);
        // A visitor's own valid token is not the moderator's.
        var visitorToken = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Dictionary<string, string>>(moderator, "/antiforgery/token"))!["token"];
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.SendAsync(Decision(visitorToken))).StatusCode);
        var foreign = Decision(token);
        foreign.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.SendAsync(foreign)).StatusCode);
        Assert.Equal(before, await factory.Catalog.DumpAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.SendAsync(Decision(token))).StatusCode); // the control
        Assert.Equal(ReviewStatus.Removed, await factory.Catalog.ReadAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_reporter_later_learns_the_review_was_reviewed_and_nothing_of_other_reporters()
    {
        var slug = await NewFilmAsync();
        var reviewId = await PostReviewAsync(slug, "Reported and then kept", "4");
        var reporter = factory.CreateClient("10.34.0.1");
        var other = factory.CreateClient("10.34.0.2");
        await ReportAsync(reporter, reviewId, "OffTopic", "Mine.");
        await ReportAsync(other, reviewId, "Spam", "SOMEONE-ELSES-COMMENT");

        var waiting = await ReportForm.OpenForAsync(reporter, reviewId);
        Assert.Null(waiting.Form);
        Assert.Contains("You reported this review on", waiting.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("not looked at it yet", waiting.StatusMessage, StringComparison.Ordinal);

        var moderator = await ModeratorAsync();
        await (await ModerationPage.OpenAsync(moderator, $"/moderation/reviews/{reviewId}")).DecideAsync(reviewId, "Keep and dismiss reports", "Fair criticism.");

        var reviewed = await ReportForm.OpenForAsync(reporter, reviewId);
        Assert.Contains("A moderator reviewed it on", reviewed.StatusMessage, StringComparison.Ordinal);
        Assert.Contains("may stay on the site", reviewed.StatusMessage, StringComparison.Ordinal);
        var html = reviewed.Document.DocumentElement.OuterHtml;
        Assert.DoesNotContain("SOMEONE-ELSES-COMMENT", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fair criticism.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, html, StringComparison.Ordinal);

        // Someone who did not report it just gets the form.
        Assert.NotNull((await ReportForm.OpenForAsync(factory.CreateClient("10.34.0.3"), reviewId)).Form);

        // Hidden later: the reporter still learns what became of it, on a page others get a 404 from.
        var later = factory.CreateClient("10.34.0.4");
        await ReportAsync(later, reviewId, "Offensive");
        await (await ModerationPage.OpenAsync(moderator, $"/moderation/reviews/{reviewId}")).DecideAsync(reviewId, "Hide", "On second thought.");
        Assert.Contains("took it off the site", (await ReportForm.OpenForAsync(later, reviewId)).StatusMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient("10.34.0.5").GetAsync($"/reviews/{reviewId}/report")).StatusCode);
    }
}

public sealed class ModerationDecisionTestsOnSqlite(SqliteCatalog factory) : ModerationDecisionTests<SqliteCatalog>(factory);

public sealed class ModerationDecisionTestsOnPostgres(PostgresCatalog factory) : ModerationDecisionTests<PostgresCatalog>(factory);
