using FilmCatalog.Web.Data.Postgres;
using FilmCatalog.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
                PostgresCatalog.Add(builder.Services, settings);
                break;
            default:
                SqliteCatalog.Add(builder.Services, settings);
                break;
        }

        return builder;
    }

    /// <summary>
    /// Registers a provider's context, pooled: as itself and as <see cref="CatalogDbContext"/> per
    /// scope, and <see cref="IDbContextFactory{CatalogDbContext}"/> for contexts outside a request
    /// (tests and tools get the site's own options from it).
    /// </summary>
    internal static void AddCatalogContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> options)
        where TContext : CatalogDbContext
    {
        services.AddPooledDbContextFactory<TContext>(options);
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        services.AddScoped<CatalogDbContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton<IDbContextFactory<CatalogDbContext>>(provider => new ContextFactory<TContext>(provider.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CatalogDbContext>
        where TContext : CatalogDbContext
    {
        public CatalogDbContext CreateDbContext() => inner.CreateDbContext();
    }

    /// <summary>The folder of logs, backups and (on SQLite) keys: the catalog file's folder, or <c>Catalog:DataFolder</c>.</summary>
    public static string DataFolder(this IConfiguration configuration, string contentRoot) =>
        CatalogSettings.From(configuration, contentRoot).DataFolder;
}
