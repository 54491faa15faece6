namespace FilmCatalog.Web.Data;

/// <summary>
/// SQLite has one writer at a time. Queuing this process's write transactions here, asynchronously,
/// means a request never sits in SQLite's busy loop (or Microsoft.Data.Sqlite's 150 ms retry sleeps)
/// waiting for another request's write; it waits its turn without holding a thread.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
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
