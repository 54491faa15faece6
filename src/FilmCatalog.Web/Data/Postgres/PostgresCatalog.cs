using System.Data.Common;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

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

        var connectionString = WithPreparedStatements(settings.ConnectionString);
        services.AddCatalogContext<PostgresCatalogDbContext>(options => options.UseNpgsql(connectionString).LogFaultsOnce());

        services.AddSingleton(new PostgresWriteGate(settings.WriteWait));
        services.AddSingleton<IWriteGate>(provider => provider.GetRequiredService<PostgresWriteGate>());
        services.AddSingleton<IImportDatabase, PostgresImportDatabase>();
        services.AddSingleton<ISearchIndex, PostgresSearchIndex>();
        services.AddSingleton<ICatalogSchema, PostgresSchema>();
        services.AddSingleton<ICatalogBackup, PostgresBackup>();

        // Every instance signs and reads visitor cookies and form tokens with the same keys.
        services.AddDataProtection().PersistKeysToDbContext<PostgresCatalogDbContext>();
    }

    /// <summary>Statements kept prepared per connection, most recently used first, unless the connection string says otherwise.</summary>
    public const int PreparedStatements = 128;

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on where the operator's does not set it (<c>Max Auto
    /// Prepare</c>, <c>Auto Prepare Min Usages</c>): a statement run twice on a connection is kept prepared there, so
    /// PostgreSQL neither parses it again nor, once it has found one plan as good for any values, plans it again. The
    /// search statement is planned for each query all the same (<see cref="PostgresSearchIndex"/>). Behind PgBouncer
    /// older than 1.21, or without its <c>max_prepared_statements</c>, an operator sets <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains(nameof(builder.MaxAutoPrepare)))
            builder.MaxAutoPrepare = PreparedStatements;
        if (!given.Contains(nameof(builder.AutoPrepareMinUsages)))
            builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
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
