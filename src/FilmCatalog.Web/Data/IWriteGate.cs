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
    /// For a small, frequent write confined to one row and what hangs from it (a vote on a review):
    /// begins a transaction in which the writer, if <see cref="WriteTurn.MustLockRow"/>, first updates
    /// that row to itself, which makes it the row's only writer until the transaction ends while
    /// writes of other rows go on (PostgreSQL). SQLite's queue already excludes every other writer.
    /// </summary>
    Task<WriteTurn> EnterForRowAsync(CatalogDbContext db, CancellationToken cancellationToken);
}

/// <summary>A write transaction and its turn; disposing it without <see cref="CommitAsync"/> rolls the transaction back.</summary>
public sealed class WriteTurn(IDbContextTransaction transaction, IDisposable? slot = null, bool mustLockRow = false) : IAsyncDisposable
{
    public IDbContextTransaction Transaction => transaction;

    /// <summary>The writer of a row's turn must lock its row itself (see <see cref="IWriteGate.EnterForRowAsync"/>).</summary>
    public bool MustLockRow => mustLockRow;

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
