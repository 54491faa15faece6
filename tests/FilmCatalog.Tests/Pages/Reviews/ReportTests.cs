using System.Net;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;
using static FilmCatalog.Testing.ReviewForm;

namespace FilmCatalog.Tests.Pages.Reviews;

public abstract class ReportTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string SeedSlug = "in-the-soup-1992";

    private async Task<int> PostReviewAsync(string headline, string rating)
    {
        var form = await OpenForAsync(factory.CreateClient(), SeedSlug);
        var page = await form.PostAsync(Values(headline, rating, ValidBody));
        return page.ReviewId(headline);
    }

    private static async Task<ReportForm> ReportAsync(HttpClient client, int reviewId, string? reason, string comment = "")
    {
        var title = await TitlePage.GetAsync(client, SeedSlug);
        var form = await title.ClickReportAsync(reviewId);
        return await form.SendAsync(reason, comment);
    }

    [Fact]
    public async Task A_report_needs_a_reason_and_is_acknowledged_once_per_visitor()
    {
        var reviewId = await PostReviewAsync("Reported once", "5");
        var reporter = factory.CreateClient();

        var missing = await ReportAsync(reporter, reviewId, reason: null);
        Assert.Contains(missing.FieldErrors, e => e.Contains("Choose why you are reporting", StringComparison.Ordinal));

        var received = await ReportAsync(reporter, reviewId, nameof(ReportReason.Spam), "Advertises a shop.");
        Assert.Contains("your report was received", received.StatusMessage);

        // Coming back, the reporter finds their receipt, not a second form.
        var back = await ReportForm.OpenForAsync(reporter, reviewId);
        Assert.Null(back.Form);
        Assert.Contains("You reported this review on", back.StatusMessage);
        Assert.Contains("not looked at it yet", back.StatusMessage);

        // A form opened before the report (another tab) that posts again is told the report is already in.
        var again = await missing.SendAsync(nameof(ReportReason.Offensive));
        Assert.Contains("already reported", again.StatusMessage);

        var reports = await factory.Catalog.ReadAsync(db => db.ReviewReports.Where(r => r.ReviewId == reviewId).ToListAsync());
        var report = Assert.Single(reports);
        Assert.Equal(ReportReason.Spam, report.Reason);
        Assert.Equal("Advertises a shop.", report.Comment);
    }

    /// <summary>
    /// QA: <c>Reason=3</c> was taken as a reason (enums bind by number), and 99 was told "The value '99' is invalid.".
    /// Only the names the form offers are reasons; anything else is told to choose one, and nothing is stored.
    /// </summary>
    [Theory]
    [InlineData("3")]
    [InlineData("99")]
    [InlineData("-1")]
    [InlineData("Offensive,Spam")]
    [InlineData("spam")]
    [InlineData(" Spam")]
    [InlineData("Kept")]
    public async Task A_reason_the_form_does_not_offer_is_refused_with_a_plain_message_and_nothing_is_stored(string reason)
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 1);
        var form = await ReportForm.OpenForAsync(factory.CreateClient(), film.ReviewIds[0]);
        var offered = (AngleSharp.Html.Dom.IHtmlInputElement)form.Form!.QuerySelector("#Input_Reason")!;
        offered.Value = reason;

        var again = await form.SendAsync(reason, "Crafted.");

        Assert.Equal([("Choose one of the reasons.", "Input_Reason")], again.ErrorSummary);
        Assert.Equal(0, await factory.Catalog.ReadAsync(db => db.ReviewReports.CountAsync(r => r.ReviewId == film.ReviewIds[0])));
    }

    /// <summary>Hiding takes distinct visitors on distinct client addresses (VisitorIdentityTests has the refusals).</summary>
    [Fact]
    public async Task A_review_reported_by_several_visitors_is_hidden_and_leaves_the_counts()
    {
        var reviewId = await PostReviewAsync("Reported thrice", "2");
        var film = await factory.Catalog.ReadAsync(db => db.Titles.AsNoTracking().SingleAsync(t => t.Slug == SeedSlug));

        for (var i = 0; i < ReviewReporting.HideThreshold; i++)
            await ReportAsync(factory.CreateClient($"10.20.0.{i + 1}"), reviewId, nameof(ReportReason.Offensive));

        var page = await TitlePage.GetAsync(factory.CreateClient(), SeedSlug);
        Assert.Null(page.ReviewArticle(reviewId));
        var review = await factory.Catalog.ReadAsync(db => db.Reviews.SingleAsync(r => r.Id == reviewId));
        Assert.Equal(ReviewStatus.PendingModeration, review.Status);
        var hidden = await factory.Catalog.ReadAsync(db => db.Titles.SingleAsync(t => t.Slug == SeedSlug));
        Assert.Equal(film.ReviewCount - 1, hidden.ReviewCount);
        Assert.Equal((film.VisitorRatingCount - 1, film.VisitorRatingSum - 2), (hidden.VisitorRatingCount, hidden.VisitorRatingSum));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/reviews/{reviewId}/vote")).StatusCode);
    }
}

public sealed class ReportTestsOnSqlite(SqliteCatalog factory) : ReportTests<SqliteCatalog>(factory);

public sealed class ReportTestsOnPostgres(PostgresCatalog factory) : ReportTests<PostgresCatalog>(factory);
