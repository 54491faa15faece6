using FilmCatalog.Web.Data.Postgres;
using FilmCatalog.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FilmCatalog.Web.Data;

public static class CatalogDataExtensions
{
    /// <summary>
    /// Registers the catalog database of the configured provider (<c>Catalog:Provider</c>: Sqlite,
    /// the default, or Postgres; <c>ConnectionStrings:Catalog</c>) with everything that differs
    /// between providers, and the importer. This is the one place that asks which provider it is:
    /// everything else takes <see cref="CatalogDbContext"/> and the interfaces registered here.
    /// </summary>
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        var settings = CatalogSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(settings.DataFolder);
        builder.Services.AddSingleton(settings);
        switch (settings.Provider)
        {
            case CatalogProvider.Postgres:
                PostgresCatalog.Add(builder.Services, settings, builder.Configuration);
                break;
            default:
                SqliteCatalog.Add(builder.Services, settings);
                break;
        }

        builder.Services.AddHostedService<Pages.Titles.TitlePageDocumentUpgrade>();
        return builder;
    }

    /// <summary>
    /// Registers a provider's context with EF Core's context pool: one lease per scope, which every
    /// consumer of the scope shares (as <see cref="CatalogDbContext"/> or as itself) and which goes back
    /// to the pool once, when the scope ends. <see cref="IDbContextFactory{CatalogDbContext}"/> makes
    /// contexts outside a request with the site's own options (tests, tools); they are not pooled.
    /// </summary>
    internal static void AddCatalogContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> options)
        where TContext : CatalogDbContext
    {
        services.AddDbContextPool<CatalogDbContext, TContext>(builder => options(builder.UseCheckedMigrations()));

        // The scope's leased context again, for what asks for the provider's type (the Data Protection key store).
        // Disposing a leased context does nothing: its lease returns it.
        services.AddScoped(provider => (TContext)provider.GetRequiredService<CatalogDbContext>());
        services.AddSingleton<IDbContextFactory<CatalogDbContext>>(provider => new ContextFactory<TContext>(provider.GetRequiredService<DbContextOptions<TContext>>()));
    }

    private sealed class ContextFactory<TContext>(DbContextOptions<TContext> options) : IDbContextFactory<CatalogDbContext>
        where TContext : CatalogDbContext
    {
        public CatalogDbContext CreateDbContext() => (CatalogDbContext)Activator.CreateInstance(typeof(TContext), options)!;
    }

    /// <summary>
    /// A failed command is logged once, with its stack trace, where it ends the request
    /// (Hosting/FaultLog); EF Core's own error events would log it again, every time.
    /// </summary>
    internal static DbContextOptionsBuilder LogFaultsOnce(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>
    /// Before it migrates, EF Core checks that no change to the model lacks a migration, by building
    /// the model from <c>OnModelCreating</c> again: half a second of every start, which the compiled
    /// models (<c>Data/Sqlite/CompiledModel</c>, <c>Data/Postgres/CompiledModel</c>) exist to save.
    /// <c>ProviderModelTests</c> makes that check, and checks the compiled models, on every test run.
    /// </summary>
    private static DbContextOptionsBuilder UseCheckedMigrations(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>The folder of logs, backups and (on SQLite) keys: the catalog file's folder, or <c>Catalog:DataFolder</c>.</summary>
    public static string DataFolder(this IConfiguration configuration, string contentRoot) =>
        CatalogSettings.From(configuration, contentRoot).DataFolder;
}
