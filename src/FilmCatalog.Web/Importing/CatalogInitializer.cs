using FilmCatalog.Web.Data;
using FilmCatalog.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Importing;

/// <summary>At start: create and migrate the database, then import what <c>seeds/</c> holds that the catalog does not.</summary>
public static class CatalogInitializer
{
    public static async Task MigrateCatalogAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        await scope.ServiceProvider.GetRequiredService<ICatalogSchema>().MigrateAsync(db, cancellationToken);

        // Data work that migrations queued for C# (a new slug rule), and the search and browse indexes a
        // catalog imported before they existed lacks, done before anything reads the catalog.
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogInitializer));
        await SlugUpgrade.RunAsync(db, logger, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<CatalogIndexes>().UpgradeAsync(cancellationToken);
    }

    /// <summary>
    /// Migrates the catalog, then imports the files in <c>seeds/</c> that it does not hold yet. This
    /// runs at every start, not only into an empty catalog: a catalog that an <c>import</c> filled
    /// before the first start still gets the seeds, and so do files added to <c>seeds/</c> later.
    /// A file already imported is recognised by its content and left as it is.
    /// </summary>
    public static async Task InitializeCatalogAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogInitializer));
        await app.Services.MigrateCatalogAsync(cancellationToken);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var seeds = Path.GetFullPath(app.Configuration["Catalog:SeedsPath"] ?? "../../seeds", app.Environment.ContentRootPath);
        if (Directory.Exists(seeds))
        {
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImporter>();
            var outcomes = await importer.ImportAllAsync([seeds], cancellationToken, outcome => LogOutcome(logger, outcome));
            logger.LogInformation(
                "Seeded the catalog from {SeedsPath}: {Imported} files imported, {Unchanged} already imported, {Refused} refused",
                seeds,
                outcomes.Count(o => o.Status == ImportStatus.Imported),
                outcomes.Count(o => o.Status == ImportStatus.Unchanged),
                outcomes.Count(o => o.Status == ImportStatus.Refused));
        }
        else if (!await db.Titles.AnyAsync(cancellationToken))
        {
            logger.LogWarning("Catalog is empty and there is no seeds folder at {SeedsPath}", seeds);
        }

        logger.LogInformation("Catalog ready with {Titles} titles", await db.Titles.CountAsync(cancellationToken));
    }

    private static void LogOutcome(ILogger logger, ImportOutcome outcome)
    {
        if (outcome.Status == ImportStatus.Refused)
            logger.LogWarning("Refused {File}:{Line}: {Reason}", outcome.File, outcome.ErrorLine, outcome.Error);
        else if (outcome.Status == ImportStatus.Imported)
            logger.LogInformation("Imported {File} as {Slug} with {Warnings} warnings", outcome.File, outcome.Slug, outcome.Warnings.Count);

        foreach (var warning in outcome.Warnings)
            logger.LogWarning("{File}:{Line}: {Warning}", outcome.File, warning.Line, warning.Message);
    }
}
