using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.Data.Sqlite;
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
/// Votes are the site's most frequent write and every write waits its turn at the
/// <see cref="WriteGate"/>, so the time a vote holds the gate bounds how many votes a second the
/// site can take. The vote is therefore three short SQL statements on the context's connection
/// (read the review, upsert the vote, update the counters) instead of EF Core's tracked entities,
/// which held the gate about three times as long. Column formats are EF Core's: booleans and
/// enums as integers, <see cref="Guid"/> as upper-case text, <see cref="DateTime"/> as ISO text.
/// Only waiting for the gate can be cancelled; a vote that got its turn is written to the end.
/// </remarks>
public sealed class ReviewVoting(CatalogDbContext db, WriteGate gate, PageCache pages, VoteLimits limits, TimeProvider clock)
{
    public async Task<VoteOutcome> VoteAsync(int reviewId, Guid visitor, string? clientHash, bool helpful, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            VoteOutcome outcome;
            using (await gate.EnterAsync(cancellationToken))
                outcome = Write((SqliteConnection)db.Database.GetDbConnection(), reviewId, visitor, clientHash, helpful);

            if (outcome.Result is VoteResult.Recorded or VoteResult.Changed)
                await pages.EvictTitleAsync(outcome.TitleSlug, CancellationToken.None);
            return outcome;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private VoteOutcome Write(SqliteConnection connection, int reviewId, Guid visitor, string? clientHash, bool helpful)
    {
        using var transaction = connection.BeginTransaction(deferred: false);

        ReviewCounts review;
        int fromAddress;
        using (var read = Command(connection, transaction,
            "SELECT r.TitleId, t.Slug, r.AuthorVisitorId, r.SourceHelpful, r.SourceNotHelpful, r.SiteHelpful, r.SiteNotHelpful, " +
            "(SELECT v.IsHelpful FROM HelpfulVotes v WHERE v.ReviewId = r.Id AND v.VisitorId = $visitor), " +
            "(SELECT COUNT(*) FROM HelpfulVotes v WHERE v.ReviewId = r.Id AND v.ClientHash = $client) " +
            "FROM Reviews r JOIN Titles t ON t.Id = r.TitleId WHERE r.Id = $id AND r.Status = $visible",
            ("$visitor", VisitorText(visitor)), ("$client", (object?)clientHash ?? DBNull.Value), ("$id", reviewId), ("$visible", (int)ReviewStatus.Visible)))
        using (var reader = read.ExecuteReader())
        {
            if (!reader.Read())
                return new VoteOutcome(VoteResult.NotFound, 0, "", 0, 0);
            review = new ReviewCounts(reader.GetInt32(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)),
                reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetBoolean(7));
            fromAddress = reader.GetInt32(8);
        }

        if (review.Author == visitor)
            return review.Outcome(VoteResult.OwnReview);
        if (review.Previous == helpful)
            return review.Outcome(VoteResult.Unchanged);
        if (review.Previous is null && fromAddress >= limits.CountedPerAddress)
            return review.Outcome(VoteResult.NotCounted);

        var counted = review.Previous is { } previous ? review.Count(previous, -1).Count(helpful, +1) : review.Count(helpful, +1);
        using (var upsert = Command(connection, transaction,
            "INSERT INTO HelpfulVotes (ReviewId, VisitorId, ClientHash, IsHelpful, CastAt) VALUES ($id, $visitor, $client, $helpful, $castAt) " +
            "ON CONFLICT (ReviewId, VisitorId) DO UPDATE SET IsHelpful = excluded.IsHelpful, CastAt = excluded.CastAt",
            ("$id", reviewId), ("$visitor", VisitorText(visitor)), ("$client", (object?)clientHash ?? DBNull.Value), ("$helpful", helpful), ("$castAt", clock.GetUtcNow().UtcDateTime)))
            upsert.ExecuteNonQuery();
        using (var count = Command(connection, transaction,
            "UPDATE Reviews SET SiteHelpful = $siteHelpful, SiteNotHelpful = $siteNotHelpful, HelpfulScore = $score WHERE Id = $id",
            ("$siteHelpful", counted.SiteHelpful), ("$siteNotHelpful", counted.SiteNotHelpful),
            ("$score", HelpfulScore.Of(counted.Helpful, counted.Voted)), ("$id", reviewId)))
            count.ExecuteNonQuery();

        transaction.Commit();
        return counted.Outcome(review.Previous is null ? VoteResult.Recorded : VoteResult.Changed);
    }

    /// <summary>EF Core stores a <see cref="Guid"/> as upper-case text; Microsoft.Data.Sqlite alone would bind 16 bytes.</summary>
    private static string VisitorText(Guid visitor) => visitor.ToString().ToUpperInvariant();

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
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
