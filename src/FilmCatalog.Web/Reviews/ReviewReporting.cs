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
/// would let one client hide any review. Only open reports count: a moderator's decision closes
/// them, and a review a moderator kept or restored is no longer hidden by reports alone (they bring
/// it back to the moderators' queue).
/// </summary>
public sealed class ReviewReporting(CatalogDbContext db, IWriteGate gate, PageCache pages, TimeProvider clock)
{
    public const int HideThreshold = 3;

    public async Task<ReportOutcome> ReportAsync(int reviewId, Guid visitor, string? clientHash, ReportReason reason, string? comment, CancellationToken cancellationToken)
    {
        await using var turn = await gate.EnterAsync(db, cancellationToken);

        var review = await db.Reviews.Include(r => r.Title)
            .SingleOrDefaultAsync(r => r.Id == reviewId && r.Status != ReviewStatus.Removed && r.Status != ReviewStatus.Withdrawn, cancellationToken);
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
        if (review.Status == ReviewStatus.Visible && !review.KeptByModerator && review.ReportCount >= HideThreshold
            && await DistinctAddressesAsync(reviewId, clientHash, cancellationToken) >= HideThreshold)
        {
            ReviewAggregates.Hide(review, review.Title!, ReviewStatus.PendingModeration);
            db.ModerationActions.Add(new ModerationAction
            {
                ReviewId = reviewId,
                Kind = ModerationKind.HiddenByReports,
                Note = $"Reported by {review.ReportCount} visitors from {HideThreshold} or more networks.",
                At = clock.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await turn.CommitAsync(cancellationToken);
        await pages.EvictTitleAsync(review.Title!.Slug, CancellationToken.None);
        if (review.Status != ReviewStatus.Visible)
            await pages.EvictListsAsync(CancellationToken.None);
        return new ReportOutcome(ReportResult.Received, review.Title!.Slug, review.Status != ReviewStatus.Visible);
    }

    /// <summary>Client addresses the review's open reports came from, this one included (reports from before addresses were kept count none).</summary>
    private async Task<int> DistinctAddressesAsync(int reviewId, string? clientHash, CancellationToken cancellationToken)
    {
        var earlier = await db.ReviewReports.Where(r => r.ReviewId == reviewId && r.ClientHash != null && r.ClosedAt == null)
            .Select(r => r.ClientHash!).Distinct().ToListAsync(cancellationToken);
        return earlier.Append(clientHash).OfType<string>().Distinct().Count();
    }
}

/// <summary>The title's counters follow what is visible; every change of a review's visibility goes through here.</summary>
public static class ReviewAggregates
{
    /// <summary>Takes a visible review out of the page and the title's counts, into <paramref name="status"/>.</summary>
    public static void Hide(Review review, Title title, ReviewStatus status)
    {
        if (review.Status != ReviewStatus.Visible)
        {
            review.Status = status;
            return;
        }

        review.Status = status;
        title.ReviewCount--;
        if (review.Origin == ReviewOrigin.Site && review.Rating is { } rating)
            title.RemoveVisitorRating(rating);
    }

    /// <summary>Brings a review that is not visible back into the page and the title's counts.</summary>
    public static void Show(Review review, Title title)
    {
        if (review.Status == ReviewStatus.Visible)
            return;

        review.Status = ReviewStatus.Visible;
        title.ReviewCount++;
        if (review.Origin == ReviewOrigin.Site && review.Rating is { } rating)
            title.AddVisitorRating(rating);
    }
}
