using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Postgres;

/// <summary>
/// PostgreSQL's own locking, which every site instance on the database sees; nothing is held in the
/// process. A catalog-wide write takes a transaction-scoped advisory lock, released by the commit or
/// rollback (or by the server when an instance dies mid-write), so posts, reports and import batches
/// run one at a time across all instances, as they do on SQLite. A row's write (a vote) only begins
/// the transaction: its first statement updates the row, and the row lock that takes is held to the
/// end, so votes on one review queue on that review while votes on others run beside them.
/// </summary>
public sealed class PostgresWriteGate : IWriteGate
{
    /// <summary>The advisory lock key of catalog-wide writes ("FilmCata" in ASCII, so <c>pg_locks</c> shows whose it is).</summary>
    public const long CatalogWriteLock = 0x46696C6D43617461;

    public async Task<WriteTurn> EnterAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CatalogWriteLock})", cancellationToken);
            return new WriteTurn(transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task<WriteTurn> EnterForRowAsync(CatalogDbContext db, CancellationToken cancellationToken) =>
        new(await db.Database.BeginTransactionAsync(cancellationToken));
}
