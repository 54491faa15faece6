using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Moderation;

/// <summary>What a moderator may do to a review.</summary>
public enum ModerationDecision
{
    /// <summary>Out of the page and the counts until restored.</summary>
    Hide,

    /// <summary>Back on the page (or kept there), its open reports closed.</summary>
    Restore,

    /// <summary>Gone for good from every page; the row stays for the history.</summary>
    RemoveAsSpam,
}

public enum ModerationResult
{
    Done,

    /// <summary>The review is already where the decision would put it: nothing was written.</summary>
    Unchanged,
    NotFound,
}

public sealed record ModerationOutcome(ModerationResult Result, ModerationKind? Kind = null, string TitleSlug = "", string Headline = "");

/// <summary>Who acts: the signed-in moderator's account id and email.</summary>
public sealed record Moderator(string Id, string Email);

/// <summary>
/// A moderator's decisions on reviews. Each is one write transaction that changes the review's
/// status, the title's counts and rating aggregate (<see cref="ReviewAggregates"/>), closes the
/// review's open reports and records the action (who, when, what, why); then the title's cached pages
/// are evicted, on every instance that shares the cache, like any other write.
/// </summary>
public sealed class ReviewModeration(CatalogDbContext db, IWriteGate gate, PageCache pages, TimeProvider clock)
{
    public async Task<ModerationOutcome> DecideAsync(int reviewId, ModerationDecision decision, Moderator moderator, string note, CancellationToken cancellationToken)
    {
        ModerationKind kind;
        string slug, headline;
        {
            // Its turn among the catalog's writers, and its transaction: an early return rolls back.
            await using var turn = await gate.EnterAsync(db, cancellationToken);
            var review = await db.Reviews.Include(r => r.Title).SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
            if (review is null || review.Status is ReviewStatus.Removed or ReviewStatus.Withdrawn)
                return new ModerationOutcome(ModerationResult.NotFound);

            (slug, headline) = (review.Title!.Slug, review.Headline);
            switch (decision)
            {
                case ModerationDecision.Hide when review.Status == ReviewStatus.Hidden && review.ReportCount == 0:
                case ModerationDecision.Restore when review.Status == ReviewStatus.Visible && review.ReportCount == 0 && review.KeptByModerator:
                    return new ModerationOutcome(ModerationResult.Unchanged, TitleSlug: slug, Headline: headline);
                case ModerationDecision.Hide:
                    kind = ModerationKind.Hidden;
                    ReviewAggregates.Hide(review, review.Title, ReviewStatus.Hidden);
                    break;
                case ModerationDecision.Restore:
                    kind = review.Status == ReviewStatus.Visible ? ModerationKind.Kept : ModerationKind.Restored;
                    ReviewAggregates.Show(review, review.Title);
                    review.KeptByModerator = true;
                    break;
                default:
                    kind = ModerationKind.RemovedAsSpam;
                    ReviewAggregates.Hide(review, review.Title, ReviewStatus.Removed);
                    break;
            }

            // Every open report is answered by this decision.
            await ModerationRecord.AddClosingReportsAsync(db, review, new ModerationAction
            {
                Kind = kind,
                ModeratorId = moderator.Id,
                ModeratorEmail = moderator.Email,
                Note = note.Trim(),
                At = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
            await turn.CommitAsync(cancellationToken);
        }

        await pages.EvictTitleAsync(slug, CancellationToken.None);
        return new ModerationOutcome(ModerationResult.Done, kind, slug, headline);
    }
}
