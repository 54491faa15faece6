using FilmCatalog.Web.Hosting;

namespace FilmCatalog.Web.Data;

/// <summary>
/// SQLite has one writer at a time. Queuing this process's write transactions here, asynchronously,
/// means a request never sits in SQLite's busy loop (or Microsoft.Data.Sqlite's 150 ms retry sleeps)
/// waiting for another request's write; it waits its turn without holding a thread.
/// </summary>
/// <remarks>
/// The wait is bounded (<c>Catalog:WriteWaitSeconds</c>): a write that cannot get its turn in time
/// fails with <see cref="DatabaseBusyException"/>, which the visitor sees as a 503 with Retry-After.
/// </remarks>
public sealed class WriteGate(TimeSpan? maxWait = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _maxWait = maxWait ?? TimeSpan.FromSeconds(DatabaseBusy.DefaultWriteWaitSeconds);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(_maxWait, cancellationToken))
            throw new DatabaseBusyException($"no turn to write within {_maxWait.TotalSeconds:0} s");
        return new Release(_gate);
    }

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
