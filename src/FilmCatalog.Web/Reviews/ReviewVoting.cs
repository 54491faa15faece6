using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Reviews;

public enum VoteResult
{
    Recorded,
    Changed,

    /// <summary>The visitor had already voted the same way.</summary>
    Unchanged,

    /// <summary>Visitors may not vote on their own review.</summary>
    OwnReview,
    NotFound,
}

/// <summary>The vote's result and the review's counts right after it, for an in-place update.</summary>
public sealed record VoteOutcome(VoteResult Result, int TitleId, string TitleSlug, int Helpful, int Voted);

/// <summary>
/// One vote per visitor per review, counted exactly: the vote row and the review's counters change
/// in one write transaction, and the unique (review, visitor) index backs the rule in the database.
/// </summary>
public sealed class ReviewVoting(CatalogDbContext db, WriteGate gate, PageCache pages, TimeProvider clock)
{
    public async Task<VoteOutcome> VoteAsync(int reviewId, Guid visitor, bool helpful, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var review = await db.Reviews
            .Where(r => r.Id == reviewId && r.Status == ReviewStatus.Visible)
            .Include(r => r.Title)
            .SingleOrDefaultAsync(cancellationToken);
        if (review is null)
            return new VoteOutcome(VoteResult.NotFound, 0, "", 0, 0);
        if (review.AuthorVisitorId == visitor)
            return Outcome(VoteResult.OwnReview, review);

        var vote = await db.HelpfulVotes.SingleOrDefaultAsync(v => v.ReviewId == reviewId && v.VisitorId == visitor, cancellationToken);
        VoteResult result;
        if (vote is null)
        {
            db.HelpfulVotes.Add(new HelpfulVote { ReviewId = reviewId, VisitorId = visitor, IsHelpful = helpful, CastAt = clock.GetUtcNow().UtcDateTime });
            Count(review, helpful, +1);
            result = VoteResult.Recorded;
        }
        else if (vote.IsHelpful != helpful)
        {
            Count(review, vote.IsHelpful, -1);
            Count(review, helpful, +1);
            vote.IsHelpful = helpful;
            vote.CastAt = clock.GetUtcNow().UtcDateTime;
            result = VoteResult.Changed;
        }
        else
        {
            return Outcome(VoteResult.Unchanged, review);
        }

        review.HelpfulScore = HelpfulScore.Of(review);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await pages.EvictTitleAsync(review.Title!.Slug, CancellationToken.None);
        return Outcome(result, review);
    }

    private static void Count(Review review, bool helpful, int delta)
    {
        if (helpful)
            review.SiteHelpful += delta;
        else
            review.SiteNotHelpful += delta;
    }

    private static VoteOutcome Outcome(VoteResult result, Review review) =>
        new(result, review.TitleId, review.Title!.Slug, review.Helpful, review.Voted);
}
