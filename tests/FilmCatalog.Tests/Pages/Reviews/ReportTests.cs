using System.Net;
using AngleSharp.Html.Dom;
using FilmCatalog.Tests.Infrastructure;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;
using static FilmCatalog.Tests.Pages.ReviewPages;

namespace FilmCatalog.Tests.Pages.Reviews;

public sealed class ReportTests(Trust.TrustFactory factory) : IClassFixture<Trust.TrustFactory>
{
    private static async Task<IHtmlDocument> ReportAsync(HttpClient client, int reviewId, string? reason, string comment = "")
    {
        var title = await HtmlPage.GetAsync(client, $"/title/{SeedSlug}");
        var link = title.QuerySelector($"#review-{reviewId} a.report-link")!.GetAttribute("href")!;
        var form = await HtmlPage.GetAsync(client, link);
        var values = new Dictionary<string, string> { ["Input.Comment"] = comment };
        if (reason is not null)
            values["Input.Reason"] = reason;
        var response = await client.SubmitAsync(FormSubmitter.FormOf(form, "form.report-form"), values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlPage.ParseAsync(response);
    }

    [Fact]
    public async Task A_report_needs_a_reason_and_is_acknowledged_once_per_visitor()
    {
        var (_, posted) = await PostReviewAsync(factory.CreateClient(), SeedSlug, "Reported once", "5", ValidBody);
        var reviewId = ReviewId(posted, "Reported once");
        var reporter = factory.CreateClient();

        var missing = await ReportAsync(reporter, reviewId, reason: null);
        Assert.Contains("Choose why you are reporting", missing.QuerySelector(".field-error")!.TextContent);

        var received = await ReportAsync(reporter, reviewId, nameof(ReportReason.Spam), "Advertises a shop.");
        Assert.Contains("your report was received", received.QuerySelector("[role=status]")!.TextContent);

        var again = await ReportAsync(reporter, reviewId, nameof(ReportReason.Offensive));
        Assert.Contains("already reported", again.QuerySelector("[role=status]")!.TextContent);

        await using var db = factory.NewDbContext();
        var reports = await db.ReviewReports.Where(r => r.ReviewId == reviewId).ToListAsync();
        var report = Assert.Single(reports);
        Assert.Equal(ReportReason.Spam, report.Reason);
        Assert.Equal("Advertises a shop.", report.Comment);
    }

    /// <summary>Hiding takes distinct visitors on distinct client addresses (Trust.VisitorIdentityTests has the refusals).</summary>
    [Fact]
    public async Task A_review_reported_by_several_visitors_is_hidden_and_leaves_the_counts()
    {
        var (_, posted) = await PostReviewAsync(factory.CreateClient(), SeedSlug, "Reported thrice", "2", ValidBody);
        var reviewId = ReviewId(posted, "Reported thrice");
        await using var before = factory.NewDbContext();
        var film = await before.Titles.AsNoTracking().SingleAsync(t => t.Slug == SeedSlug);

        for (var i = 0; i < ReviewReporting.HideThreshold; i++)
            await ReportAsync(factory.CreateClient($"10.20.0.{i + 1}"), reviewId, nameof(ReportReason.Offensive));

        var page = await HtmlPage.GetAsync(factory.CreateClient(), $"/title/{SeedSlug}");
        Assert.Null(page.QuerySelector($"#review-{reviewId}"));
        await using var after = factory.NewDbContext();
        var review = await after.Reviews.SingleAsync(r => r.Id == reviewId);
        Assert.Equal(ReviewStatus.PendingModeration, review.Status);
        var hidden = await after.Titles.SingleAsync(t => t.Slug == SeedSlug);
        Assert.Equal(film.ReviewCount - 1, hidden.ReviewCount);
        Assert.Equal((film.VisitorRatingCount - 1, film.VisitorRatingSum - 2), (hidden.VisitorRatingCount, hidden.VisitorRatingSum));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/reviews/{reviewId}/vote")).StatusCode);
    }
}
