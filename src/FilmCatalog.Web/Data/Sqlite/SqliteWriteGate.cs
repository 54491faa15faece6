using FilmCatalog.Web.Hosting;
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
/// <remarks>
/// The wait is bounded (<c>Catalog:WriteWaitSeconds</c>): a write that cannot get its turn in time
/// fails with <see cref="DatabaseBusyException"/>, which the visitor sees as a 503 with Retry-After.
/// </remarks>
public sealed class SqliteWriteGate(TimeSpan? maxWait = null) : IWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _maxWait = maxWait ?? TimeSpan.FromSeconds(DatabaseBusy.DefaultWriteWaitSeconds);

    public async Task<WriteTurn> EnterAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(_maxWait, cancellationToken))
            throw new DatabaseBusyException($"no turn to write within {_maxWait.TotalSeconds:0} s");
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
