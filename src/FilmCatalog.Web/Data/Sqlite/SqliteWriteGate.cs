using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Sqlite;

/// <summary>
/// SQLite has one writer at a time. Queuing this process's write transactions here, asynchronously,
/// means a request never sits in SQLite's busy loop (or Microsoft.Data.Sqlite's 150 ms retry sleeps)
/// waiting for another request's write; it waits its turn without holding a thread. The transaction
/// then begins IMMEDIATE (Microsoft.Data.Sqlite's default), taking the file's write lock at once, so
/// another process on the same file (an import from the command line) is waited for in SQLite's
/// busy handler rather than failing half-way.
/// </summary>
public sealed class SqliteWriteGate : IWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<WriteTurn> EnterAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        var slot = new Release(_gate);
        try
        {
            return new WriteTurn(await db.Database.BeginTransactionAsync(CancellationToken.None), slot);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>One writer at a time in SQLite whatever it writes: the same queue, and no row to lock.</summary>
    public Task<WriteTurn> EnterForRowAsync(CatalogDbContext db, CancellationToken cancellationToken) => EnterAsync(db, cancellationToken);

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}
