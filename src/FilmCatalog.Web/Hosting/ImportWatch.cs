using FilmCatalog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// Without Redis the page cache is this process's memory, which an import run from the command line (another
/// process) cannot evict: its pages would be served stale until they expired (five minutes). This watches the
/// import records (one row per file written, so their largest id moves with every import) and evicts every
/// page within a couple of seconds of a new one, as the import itself does through Redis when there is one.
/// An import this process made evicted the pages itself, at its commit: the watch does not evict for it again.
/// </summary>
internal sealed class ImportWatch(IServiceScopeFactory scopes, PageCache pages, ILogger<ImportWatch> logger) : BackgroundService
{
    /// <summary>How often the largest record id is read (one seek of the primary key).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? seen = null;
        var first = true;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
                var last = await db.ImportRecords.MaxAsync(r => (int?)r.Id, stoppingToken);
                if (!first && last != seen && last > pages.EvictedThroughImportRecord)
                    await pages.EvictAllAfterImportsAsync(last ?? 0, stoppingToken);
                (seen, first) = (last, false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy or briefly unreadable catalog: the next tick looks again.
                logger.LogWarning(e, "Could not look for imports by other processes");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
