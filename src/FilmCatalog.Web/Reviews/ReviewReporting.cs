using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Reviews;

public enum ReportResult
{
    Received,

    /// <summary>This visitor had reported the review before; one report each.</summary>
    AlreadyReported,
    NotFound,
}

public sealed record ReportOutcome(ReportResult Result, string TitleSlug, bool Hidden);

/// <summary>
/// Takes reports, one per visitor per review. A review reported by <see cref="HideThreshold"/>
/// distinct visitors from as many distinct client addresses waits for moderation: it leaves the
/// pages, the counts and the aggregates. Visitor cookies cost nothing to mint, so visitors alone
/// would let one client hide any review.
/// </summary>
public sealed class ReviewReporting(CatalogDbContext db, IWriteGate gate, PageCache pages, TimeProvider clock)
{
    public const int HideThreshold = 3;

    public async Task<ReportOutcome> ReportAsync(int reviewId, Guid visitor, string? clientHash, ReportReason reason, string? comment, CancellationToken cancellationToken)
    {
        await using var turn = await gate.EnterAsync(db, cancellationToken);

        var review = await db.Reviews.Include(r => r.Title)
            .SingleOrDefaultAsync(r => r.Id == reviewId && r.Status != ReviewStatus.Removed, cancellationToken);
        if (review is null)
            return new ReportOutcome(ReportResult.NotFound, "", false);

        if (await db.ReviewReports.AnyAsync(r => r.ReviewId == reviewId && r.VisitorId == visitor, cancellationToken))
            return new ReportOutcome(ReportResult.AlreadyReported, review.Title!.Slug, review.Status != ReviewStatus.Visible);

        db.ReviewReports.Add(new ReviewReport
        {
            ReviewId = reviewId,
            VisitorId = visitor,
            ClientHash = clientHash,
            Reason = reason,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            ReportedAt = clock.GetUtcNow().UtcDateTime,
        });
        review.ReportCount++;
        if (review.Status == ReviewStatus.Visible && review.ReportCount >= HideThreshold
            && await DistinctAddressesAsync(reviewId, clientHash, cancellationToken) >= HideThreshold)
            ReviewAggregates.Hide(review, review.Title!);

        await db.SaveChangesAsync(cancellationToken);
        await turn.CommitAsync(cancellationToken);
        await pages.EvictTitleAsync(review.Title!.Slug, CancellationToken.None);
        if (review.Status != ReviewStatus.Visible)
            await pages.EvictListsAsync(CancellationToken.None);
        return new ReportOutcome(ReportResult.Received, review.Title!.Slug, review.Status != ReviewStatus.Visible);
    }

    /// <summary>Client addresses the review's reports came from, this one included (reports from before addresses were kept count none).</summary>
    private async Task<int> DistinctAddressesAsync(int reviewId, string? clientHash, CancellationToken cancellationToken)
    {
        var earlier = await db.ReviewReports.Where(r => r.ReviewId == reviewId && r.ClientHash != null)
            .Select(r => r.ClientHash!).Distinct().ToListAsync(cancellationToken);
        return earlier.Append(clientHash).OfType<string>().Distinct().Count();
    }
}

/// <summary>The title's counters follow what is visible; hiding a review goes through here.</summary>
public static class ReviewAggregates
{
    public static void Hide(Review review, Title title)
    {
        review.Status = ReviewStatus.PendingModeration;
        title.ReviewCount--;
        if (review.Origin == ReviewOrigin.Site && review.Rating is { } rating)
            title.RemoveVisitorRating(rating);
    }
}
