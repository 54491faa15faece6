using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Moderation;

/// <summary>The history of a review: each action recorded, and every report still open answered by it.</summary>
public static class ModerationRecord
{
    /// <summary>
    /// Records <paramref name="action"/> on <paramref name="review"/> and closes the review's open reports by it (a
    /// reporter is told of it on the report page). Inside the caller's write turn; the caller commits.
    /// </summary>
    public static async Task AddClosingReportsAsync(CatalogDbContext db, Review review, ModerationAction action, CancellationToken cancellationToken)
    {
        action.ReviewId = review.Id;
        action.ReportsClosed = review.ReportCount;
        db.ModerationActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);

        await db.ReviewReports.Where(r => r.ReviewId == review.Id && r.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ClosedAt, action.At).SetProperty(r => r.ClosedByActionId, action.Id), cancellationToken);
        review.ReportCount = 0;
        await db.SaveChangesAsync(cancellationToken);
    }
}
