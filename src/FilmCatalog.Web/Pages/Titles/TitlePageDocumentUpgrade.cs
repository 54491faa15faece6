using FilmCatalog.Web.Data;

namespace FilmCatalog.Web.Pages.Titles;

/// <summary>
/// Builds the title page documents a catalog lacks (one imported before they existed, or with
/// documents of an older shape) in the background once the site has started, so that an upgrade
/// does not keep the site down for as long as it takes (about 30 s per 10,000 titles). Meanwhile a
/// title without its document renders from the tables, identically (ADR-004). Commands such as
/// <c>import</c> do not start it: the importer writes the documents of the titles it writes.
/// </summary>
public sealed class TitlePageDocumentUpgrade(IServiceScopeFactory scopes, ILogger<TitlePageDocumentUpgrade> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    /// <summary>One pass over the catalog; also what a test drives.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await TitlePageDocuments.UpgradeAsync(scope.ServiceProvider.GetRequiredService<CatalogDbContext>(),
                scope.ServiceProvider.GetRequiredService<IWriteGate>(), logger, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the site: the titles left are done at the next start.
        }
        catch (Exception e)
        {
            // A background service's exception would stop the whole site; the titles left still render from the tables.
            logger.LogError(e, "Building the title page documents the catalog lacks failed; the titles left render from the tables and are built at the next start");
        }
    }
}
