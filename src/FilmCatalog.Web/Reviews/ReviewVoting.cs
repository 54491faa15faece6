using System.Data.Common;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FilmCatalog.Web.Reviews;

public enum VoteResult
{
    Recorded,
    Changed,

    /// <summary>The visitor had already voted the same way.</summary>
    Unchanged,

    /// <summary>Visitors may not vote on their own review.</summary>
    OwnReview,

    /// <summary>The review has as many votes from the visitor's client address as are counted from one (<see cref="VoteLimits"/>).</summary>
    NotCounted,
    NotFound,
}

/// <summary>
/// How many new votes on one review are counted from one client address (an IPv6 /64): visitor
/// cookies cost nothing to mint, so one client could otherwise vote as many visitors as it likes.
/// </summary>
public sealed record VoteLimits(int CountedPerAddress)
{
    public const int DefaultCountedPerAddress = 5;
}

/// <summary>The vote's result and the review's counts right after it, for an in-place update.</summary>
public sealed record VoteOutcome(VoteResult Result, int TitleId, string TitleSlug, int Helpful, int Voted);

/// <summary>
/// One vote per visitor per review, counted exactly: the vote row and the review's counters change
/// in one write transaction, and the unique (review, visitor) index backs the rule in the database.
/// </summary>
/// <remarks>
/// Votes are the site's most frequent write, and every vote on a review waits for the one before it,
/// so the time a vote holds its review bounds the votes a second one review can take. A vote is
/// therefore two trips to the database, each a batch on PostgreSQL: make this vote the review's
/// only writer and read its counters and this visitor's earlier answer, then write the vote and the
/// counters; the commit follows. (EF Core's own API, a query, an insert and
/// <c>ExecuteUpdateAsync</c>, took five trips while holding the review and about half the votes a
/// second on SQLite: see docs/decisions/ADR-003.) The statements are derived from the model
/// (<see cref="ModelSql"/>), every value bound by name through its column's own type mapping, so
/// a Guid or a date is stored as EF Core stores it on each provider.
/// <para>
/// The review's row is locked where the database locks rows (<see cref="WriteTurn.MustLockRow"/>,
/// PostgreSQL): its lock queues the other votes on this review, from every site instance, while
/// votes on other reviews run beside it. SQLite's gate queues every write already. What is read
/// after the lock stays true until the commit, and the counters are written from it.
/// Only waiting for the turn can be cancelled; a vote that got its turn is written to the end.
/// </para>
/// </remarks>
public sealed class ReviewVoting(CatalogDbContext db, IWriteGate gate, PageCache pages, VoteLimits limits, TimeProvider clock)
{
    public async Task<VoteOutcome> VoteAsync(int reviewId, Guid visitor, string? clientHash, bool helpful, CancellationToken cancellationToken)
    {
        VoteOutcome outcome;
        await using (var turn = await gate.EnterForRowAsync(db, cancellationToken))
        {
            outcome = await WriteAsync(turn, reviewId, visitor, clientHash, helpful);
            await turn.CommitAsync(CancellationToken.None);
        }

        if (outcome.Result is VoteResult.Recorded or VoteResult.Changed)
            await pages.EvictTitleAsync(outcome.TitleSlug, CancellationToken.None);
        return outcome;
    }

    private async Task<VoteOutcome> WriteAsync(WriteTurn turn, int reviewId, Guid visitor, string? clientHash, bool helpful)
    {
        var sql = ModelSql.Of(db);
        var reviews = sql.Of<Review>();
        var votes = sql.Of<HelpfulVote>();
        var titles = sql.Of<Title>();
        var connection = db.Database.GetDbConnection();
        var transaction = turn.Transaction.GetDbTransaction();
        await using var factory = connection.CreateCommand();
        DbParameter Bind(ModelSql.Table table, string property, string name, object? value) => table[property].Parameter(factory, sql.ParameterName(name), value);
        string R(string property) => reviews[property].Name;
        string V(string property) => votes[property].Name;
        var id = sql.Placeholder("id");
        var visible = sql.Placeholder("visible");

        var read = new List<Statement>();
        if (turn.MustLockRow)
        {
            read.Add(new Statement(
                $"UPDATE {reviews.Name} SET {R(nameof(Review.SiteHelpful))} = {R(nameof(Review.SiteHelpful))} WHERE {reviews.Key.Name} = {id} AND {R(nameof(Review.Status))} = {visible}",
                [Bind(reviews, nameof(Review.Id), "id", reviewId), Bind(reviews, nameof(Review.Status), "visible", ReviewStatus.Visible)]));
        }

        read.Add(new Statement(
            $"SELECT r.{R(nameof(Review.TitleId))}, t.{titles[nameof(Title.Slug)].Name}, r.{R(nameof(Review.AuthorVisitorId))} = {sql.Placeholder("author")}, " +
            $"r.{R(nameof(Review.SourceHelpful))}, r.{R(nameof(Review.SourceNotHelpful))}, r.{R(nameof(Review.SiteHelpful))}, r.{R(nameof(Review.SiteNotHelpful))}, " +
            $"(SELECT v.{V(nameof(HelpfulVote.IsHelpful))} FROM {votes.Name} v WHERE v.{V(nameof(HelpfulVote.ReviewId))} = r.{reviews.Key.Name} AND v.{V(nameof(HelpfulVote.VisitorId))} = {sql.Placeholder("visitor")}), " +
            $"(SELECT COUNT(*) FROM {votes.Name} v WHERE v.{V(nameof(HelpfulVote.ReviewId))} = r.{reviews.Key.Name} AND v.{V(nameof(HelpfulVote.ClientHash))} = {sql.Placeholder("client")}) " +
            $"FROM {reviews.Name} r JOIN {titles.Name} t ON t.{titles.Key.Name} = r.{R(nameof(Review.TitleId))} " +
            $"WHERE r.{reviews.Key.Name} = {id} AND r.{R(nameof(Review.Status))} = {visible}",
            [Bind(reviews, nameof(Review.AuthorVisitorId), "author", visitor), Bind(votes, nameof(HelpfulVote.VisitorId), "visitor", visitor),
                Bind(votes, nameof(HelpfulVote.ClientHash), "client", clientHash),
                Bind(reviews, nameof(Review.Id), "id", reviewId), Bind(reviews, nameof(Review.Status), "visible", ReviewStatus.Visible)]));

        var found = await StatementBatch.RunAsync(connection, transaction, read, reader => new ReviewCounts(
            reader.GetInt32(0), reader.GetString(1), !reader.IsDBNull(2) && reader.GetBoolean(2),
            reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetBoolean(7),
            Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture)));
        if (found is not [var review])
            return new VoteOutcome(VoteResult.NotFound, 0, "", 0, 0);
        if (review.IsAuthor)
            return review.Outcome(VoteResult.OwnReview);
        if (review.Previous == helpful)
            return review.Outcome(VoteResult.Unchanged);
        if (review.Previous is null && review.FromAddress >= limits.CountedPerAddress)
            return review.Outcome(VoteResult.NotCounted);

        var counted = review.Previous is { } previous ? review.Count(previous, -1).Count(helpful, +1) : review.Count(helpful, +1);
        await StatementBatch.RunAsync(connection, transaction,
        [
            new Statement(
                $"INSERT INTO {votes.Name} ({V(nameof(HelpfulVote.ReviewId))}, {V(nameof(HelpfulVote.VisitorId))}, {V(nameof(HelpfulVote.ClientHash))}, {V(nameof(HelpfulVote.IsHelpful))}, {V(nameof(HelpfulVote.CastAt))}) " +
                $"VALUES ({sql.Placeholder("review")}, {sql.Placeholder("visitor")}, {sql.Placeholder("client")}, {sql.Placeholder("helpful")}, {sql.Placeholder("castAt")}) " +
                $"ON CONFLICT ({V(nameof(HelpfulVote.ReviewId))}, {V(nameof(HelpfulVote.VisitorId))}) " +
                $"DO UPDATE SET {V(nameof(HelpfulVote.IsHelpful))} = excluded.{V(nameof(HelpfulVote.IsHelpful))}, {V(nameof(HelpfulVote.CastAt))} = excluded.{V(nameof(HelpfulVote.CastAt))}",
                [Bind(votes, nameof(HelpfulVote.ReviewId), "review", reviewId), Bind(votes, nameof(HelpfulVote.VisitorId), "visitor", visitor),
                    Bind(votes, nameof(HelpfulVote.ClientHash), "client", clientHash), Bind(votes, nameof(HelpfulVote.IsHelpful), "helpful", helpful), Bind(votes, nameof(HelpfulVote.CastAt), "castAt", clock.GetUtcNow().UtcDateTime)]),
            new Statement(
                $"UPDATE {reviews.Name} SET {R(nameof(Review.SiteHelpful))} = {sql.Placeholder("siteHelpful")}, {R(nameof(Review.SiteNotHelpful))} = {sql.Placeholder("siteNotHelpful")}, " +
                $"{R(nameof(Review.HelpfulScore))} = {sql.Placeholder("score")} WHERE {reviews.Key.Name} = {id}",
                [Bind(reviews, nameof(Review.SiteHelpful), "siteHelpful", counted.SiteHelpful), Bind(reviews, nameof(Review.SiteNotHelpful), "siteNotHelpful", counted.SiteNotHelpful),
                    Bind(reviews, nameof(Review.HelpfulScore), "score", HelpfulScore.Of(counted.Helpful, counted.Voted)), Bind(reviews, nameof(Review.Id), "id", reviewId)]),
        ]);
        return counted.Outcome(review.Previous is null ? VoteResult.Recorded : VoteResult.Changed);
    }

    /// <summary>The review's counters as read in the vote's transaction, this visitor's earlier answer if any, and the votes from this visitor's address.</summary>
    private sealed record ReviewCounts(int TitleId, string Slug, bool IsAuthor, int SourceHelpful, int SourceNotHelpful, int SiteHelpful, int SiteNotHelpful, bool? Previous, int FromAddress)
    {
        public int Helpful => SourceHelpful + SiteHelpful;
        public int Voted => SourceHelpful + SourceNotHelpful + SiteHelpful + SiteNotHelpful;

        public ReviewCounts Count(bool helpful, int delta) =>
            helpful ? this with { SiteHelpful = SiteHelpful + delta } : this with { SiteNotHelpful = SiteNotHelpful + delta };

        public VoteOutcome Outcome(VoteResult result) => new(result, TitleId, Slug, Helpful, Voted);
    }
}
