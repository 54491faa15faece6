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
/// <remarks>
/// The vote's first statement updates the review's row (to itself), which makes the transaction
/// the only writer of that review until it commits (<see cref="IWriteGate.EnterForRowAsync"/>):
/// on PostgreSQL the row lock queues the other votes on this review, from every site instance,
/// while votes on other reviews run beside it; on SQLite the gate has queued every write already.
/// What is read after it (the counters, this visitor's earlier answer) therefore stays true until
/// the commit, and the counters are written from it. Everything goes through EF Core (a projection,
/// <c>ExecuteUpdateAsync</c>, one tracked insert), so every value is bound as the model maps it.
/// Only waiting for the turn can be cancelled; a vote that got its turn is written to the end.
/// </remarks>
public sealed class ReviewVoting(CatalogDbContext db, IWriteGate gate, PageCache pages, TimeProvider clock)
{
    public async Task<VoteOutcome> VoteAsync(int reviewId, Guid visitor, bool helpful, CancellationToken cancellationToken)
    {
        VoteOutcome outcome;
        await using (var turn = await gate.EnterForRowAsync(db, cancellationToken))
        {
            outcome = await WriteAsync(reviewId, visitor, helpful);
            await turn.CommitAsync(CancellationToken.None);
        }

        if (outcome.Result is VoteResult.Recorded or VoteResult.Changed)
            await pages.EvictTitleAsync(outcome.TitleSlug, CancellationToken.None);
        return outcome;
    }

    private async Task<VoteOutcome> WriteAsync(int reviewId, Guid visitor, bool helpful)
    {
        var visible = db.Reviews.Where(r => r.Id == reviewId && r.Status == ReviewStatus.Visible);
        if (await visible.ExecuteUpdateAsync(set => set.SetProperty(r => r.SiteHelpful, r => r.SiteHelpful)) == 0)
            return new VoteOutcome(VoteResult.NotFound, 0, "", 0, 0);

        var review = await visible
            .Select(r => new ReviewCounts(r.TitleId, r.Title!.Slug, r.AuthorVisitorId, r.SourceHelpful, r.SourceNotHelpful, r.SiteHelpful, r.SiteNotHelpful,
                r.Votes.Where(v => v.VisitorId == visitor).Select(v => (bool?)v.IsHelpful).FirstOrDefault()))
            .SingleAsync();

        if (review.Author == visitor)
            return review.Outcome(VoteResult.OwnReview);
        if (review.Previous == helpful)
            return review.Outcome(VoteResult.Unchanged);

        var now = clock.GetUtcNow().UtcDateTime;
        if (review.Previous is null)
        {
            db.HelpfulVotes.Add(new HelpfulVote { ReviewId = reviewId, VisitorId = visitor, IsHelpful = helpful, CastAt = now });
            await db.SaveChangesAsync();
        }
        else
        {
            await db.HelpfulVotes.Where(v => v.ReviewId == reviewId && v.VisitorId == visitor)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.IsHelpful, helpful).SetProperty(v => v.CastAt, now));
        }

        var counted = review.Previous is { } previous ? review.Count(previous, -1).Count(helpful, +1) : review.Count(helpful, +1);
        var score = HelpfulScore.Of(counted.Helpful, counted.Voted);
        await db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.SiteHelpful, counted.SiteHelpful)
            .SetProperty(r => r.SiteNotHelpful, counted.SiteNotHelpful)
            .SetProperty(r => r.HelpfulScore, score));
        return counted.Outcome(review.Previous is null ? VoteResult.Recorded : VoteResult.Changed);
    }

    /// <summary>The review's counters as read in the vote's transaction, and this visitor's earlier answer if any.</summary>
    private sealed record ReviewCounts(int TitleId, string Slug, Guid? Author, int SourceHelpful, int SourceNotHelpful, int SiteHelpful, int SiteNotHelpful, bool? Previous)
    {
        public int Helpful => SourceHelpful + SiteHelpful;
        public int Voted => SourceHelpful + SourceNotHelpful + SiteHelpful + SiteNotHelpful;

        public ReviewCounts Count(bool helpful, int delta) =>
            helpful ? this with { SiteHelpful = SiteHelpful + delta } : this with { SiteNotHelpful = SiteNotHelpful + delta };

        public VoteOutcome Outcome(VoteResult result) => new(result, TitleId, Slug, Helpful, Voted);
    }
}
