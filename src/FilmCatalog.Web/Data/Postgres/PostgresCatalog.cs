using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FilmCatalog.Web.Data.Postgres;

/// <summary>
/// The catalog on a PostgreSQL server (<c>Catalog:Provider=Postgres</c>), shared by any number of
/// site instances: everything the site does differently on PostgreSQL is registered here, and only here.
/// </summary>
/// <remarks>
/// Crash safety is the server's: a transaction the site saw commit is on disk (synchronous_commit
/// on, the server's default), whatever happens to the site's process. Nothing that must be shared
/// between instances is kept in the process: the write gate is the database's locking
/// (<see cref="PostgresWriteGate"/>), the Data Protection key ring is a table of the catalog.
/// </remarks>
public static class PostgresCatalog
{
    public static void Add(IServiceCollection services, CatalogSettings settings, IConfiguration configuration)
    {
        // Votes counted per address and reports weighed by address compare keyed hashes: every instance
        // on the database must hash with the same key, which a file of one instance's would not be.
        if (string.IsNullOrEmpty(configuration["Reviews:AddressHashKey"]))
            throw new SiteConfigurationException(
                "On PostgreSQL every instance must hash client addresses with one key: set Reviews:AddressHashKey " +
                "(32 random bytes in base64, e.g. from `openssl rand -base64 32`) to the same value on every instance.");

        services.AddCatalogContext<PostgresCatalogDbContext>(options => options.UseNpgsql(settings.ConnectionString).LogFaultsOnce());

        services.AddSingleton(new PostgresWriteGate(settings.WriteWait));
        services.AddSingleton<IWriteGate>(provider => provider.GetRequiredService<PostgresWriteGate>());
        services.AddSingleton<IImportDatabase, PostgresImportDatabase>();
        services.AddSingleton<ISearchIndex, PostgresSearchIndex>();
        services.AddSingleton<ICatalogSchema, PostgresSchema>();
        services.AddSingleton<ICatalogBackup, PostgresBackup>();

        // Every instance signs and reads visitor cookies and form tokens with the same keys.
        services.AddDataProtection().PersistKeysToDbContext<PostgresCatalogDbContext>();
    }

    private sealed class PostgresSchema : ICatalogSchema
    {
        public async Task MigrateAsync(CatalogDbContext db, CancellationToken cancellationToken)
        {
            // The provider finds out whether the history table exists by reading it, which logs an error on
            // every new database (npgsql/efcore.pg#3407); EF's own script makes it first, if it is missing.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
