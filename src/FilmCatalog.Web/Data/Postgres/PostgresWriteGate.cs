using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Postgres;

/// <summary>
/// PostgreSQL's own locking, which every site instance on the database sees; nothing is held in the
/// process. A catalog-wide write takes a transaction-scoped advisory lock, released by the commit or
/// rollback (or by the server when an instance dies mid-write), so posts, reports and import batches
/// run one at a time across all instances, as they do on SQLite. A row's write (a vote) locks only
/// its row, held to the end, so votes on one review queue on that review while votes on others run
/// beside them.
/// </summary>
/// <remarks>
/// A write waits for a lock at most <c>Catalog:WriteWaitSeconds</c> (the transaction's
/// <c>lock_timeout</c>); then PostgreSQL refuses it (lock_not_available), which the visitor sees as a
/// 503 with Retry-After, as on SQLite.
/// </remarks>
public sealed class PostgresWriteGate(TimeSpan? maxWait = null) : IWriteGate
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(Hosting.DatabaseBusy.DefaultWriteWaitSeconds);
    private readonly string _lockTimeout = $"SET LOCAL lock_timeout = {(long)(maxWait ?? DefaultWait).TotalMilliseconds}";
    private readonly string _rowWriteSettings = $"SET LOCAL synchronous_commit TO OFF; SET LOCAL lock_timeout = {(long)(maxWait ?? DefaultWait).TotalMilliseconds}";

    /// <summary>The advisory lock key of catalog-wide writes ("FilmCata" in ASCII, so <c>pg_locks</c> shows whose it is).</summary>
    public const long CatalogWriteLock = 0x46696C6D43617461;

    public async Task<WriteTurn> EnterAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(_lockTimeout, cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CatalogWriteLock})", cancellationToken);
            return new WriteTurn(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <remarks>
    /// A row's write commits without waiting for its log record to reach the disk
    /// (<c>synchronous_commit = off</c>, for this transaction only), so the row lock is held for the
    /// statements and not for a disk flush: votes on a popular review queue for microseconds, not a
    /// flush each. The write survives any crash of the site, like every commit; a crash of the
    /// database server or the machine can lose the last fraction of a second of such writes, never
    /// consistency: the durability SQLite's synchronous=NORMAL gives every write. Reviews, reports
    /// and imports (<see cref="EnterAsync"/>) wait for the disk.
    /// </remarks>
    public async Task<WriteTurn> EnterForRowAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(_rowWriteSettings, cancellationToken);
            return new WriteTurn(transaction, mustLockRow: true);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
