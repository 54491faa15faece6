using Microsoft.EntityFrameworkCore.Storage;

namespace FilmCatalog.Web.Data;

/// <summary>
/// Begins the catalog's write transactions, each in its turn. How writers are kept from overwriting
/// each other is the database's business, so each provider has its own gate: SQLite has one writer
/// at a time and this process queues its writes in memory (<c>Data/Sqlite/SqliteWriteGate</c>);
/// PostgreSQL serves many site instances at once, so its gate is the database's own locking, which
/// every instance sees (<c>Data/Postgres/PostgresWriteGate</c>).
/// </summary>
public interface IWriteGate
{
    /// <summary>
    /// For a write that reads what it then changes across rows (posting a review, reporting one,
    /// importing): begins a transaction once no other such write is running on the catalog. Only the
    /// wait can be cancelled.
    /// </summary>
    Task<WriteTurn> EnterAsync(CatalogDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// For a write confined to one row and what hangs from it (a vote on a review): begins a
    /// transaction in which the write's first statement must update that row, which keeps other
    /// writes of the same row waiting until this one ends. Writes of other rows go on meanwhile
    /// where the database locks rows (PostgreSQL); SQLite queues them as it queues every write.
    /// </summary>
    Task<WriteTurn> EnterForRowAsync(CatalogDbContext db, CancellationToken cancellationToken);
}

/// <summary>A write transaction and its turn; disposing it without <see cref="CommitAsync"/> rolls the transaction back.</summary>
public sealed class WriteTurn(IDbContextTransaction transaction, IDisposable? slot = null) : IAsyncDisposable
{
    public IDbContextTransaction Transaction => transaction;

    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            slot?.Dispose();
        }
    }
}
