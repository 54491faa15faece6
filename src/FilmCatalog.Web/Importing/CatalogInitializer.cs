using FilmCatalog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Importing;

/// <summary>First start: create and migrate the database, then seed an empty catalog from <c>seeds/</c>.</summary>
public static class CatalogInitializer
{
    public static async Task MigrateCatalogAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        await scope.ServiceProvider.GetRequiredService<ICatalogSchema>().MigrateAsync(db, cancellationToken);
    }

    public static async Task InitializeCatalogAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogInitializer));
        await app.Services.MigrateCatalogAsync(cancellationToken);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        if (await db.Titles.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Catalog ready with {Titles} titles", await db.Titles.CountAsync(cancellationToken));
            return;
        }

        var seeds = Path.GetFullPath(app.Configuration["Catalog:SeedsPath"] ?? "../../seeds", app.Environment.ContentRootPath);
        if (!Directory.Exists(seeds))
        {
            logger.LogWarning("Catalog is empty and there is no seeds folder at {SeedsPath}", seeds);
            return;
        }

        var importer = scope.ServiceProvider.GetRequiredService<CatalogImporter>();
        var outcomes = await importer.ImportAllAsync([seeds], cancellationToken, outcome => LogOutcome(logger, outcome));
        logger.LogInformation(
            "Seeded the empty catalog from {SeedsPath}: {Imported} files imported, {Refused} refused, {Titles} titles",
            seeds,
            outcomes.Count(o => o.Status == ImportStatus.Imported),
            outcomes.Count(o => o.Status == ImportStatus.Refused),
            await db.Titles.CountAsync(cancellationToken));
    }

    private static void LogOutcome(ILogger logger, ImportOutcome outcome)
    {
        if (outcome.Status == ImportStatus.Refused)
            logger.LogWarning("Refused {File}:{Line}: {Reason}", outcome.File, outcome.ErrorLine, outcome.Error);
        else
            logger.LogInformation("Imported {File} as {Slug} with {Warnings} warnings", outcome.File, outcome.Slug, outcome.Warnings.Count);

        foreach (var warning in outcome.Warnings)
            logger.LogWarning("{File}:{Line}: {Warning}", outcome.File, warning.Line, warning.Message);
    }
}
