using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Sqlite;

/// <summary>
/// The catalog in an embedded SQLite file (the default): everything the site does differently on
/// SQLite is registered here, and only here.
/// </summary>
/// <remarks>
/// Crash safety: WAL with synchronous=NORMAL (<see cref="SqlitePragmas"/>) keeps every committed
/// transaction through a crash of the process; a power loss can lose the last commits, never
/// consistency. Writes are queued in the process (<see cref="SqliteWriteGate"/>), so every process
/// writing the file (the site, a command-line import) waits its turn in SQLite's busy handler.
/// </remarks>
public static class SqliteCatalog
{
    public static void Add(IServiceCollection services, CatalogSettings settings)
    {
        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);

        // Microsoft.Data.Sqlite retries a busy statement until this timeout, on top of SQLite's own busy_timeout.
        var connectionString = new SqliteConnectionStringBuilder(settings.ConnectionString) { DefaultTimeout = (int)Math.Ceiling(settings.WriteWait.TotalSeconds) }.ToString();
        services.AddCatalogContext<SqliteCatalogDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas(settings.WriteWait))
            .LogFaultsOnce());

        services.AddSingleton(new SqliteWriteGate(settings.WriteWait));
        services.AddSingleton<IWriteGate>(provider => provider.GetRequiredService<SqliteWriteGate>());
        services.AddSingleton<IImportDatabase, SqliteImportDatabase>();
        services.AddSingleton<ISearchIndex, SqliteSearchIndex>();
        services.AddSingleton<ICatalogSchema, SqliteSchema>();
        services.AddSingleton<ICatalogBackup, SqliteBackup>();

        // One machine, one data folder: the key ring is files beside the catalog, shared by every process on it.
        // The keys sign visitor cookies and form tokens: the folder is the site's user's alone.
        var keys = Path.Combine(settings.DataFolder, "keys");
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Directory.CreateDirectory(keys, OwnerOnly);
            File.SetUnixFileMode(keys, OwnerOnly);
        }

        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys));
    }

    private sealed class SqliteSchema(ILogger<SqliteMigrationTurn> logger) : ICatalogSchema
    {
        /// <summary>SQLite's error for a file it cannot read as a database (SQLITE_NOTADB).</summary>
        private const int NotADatabase = 26;

        public async Task MigrateAsync(CatalogDbContext db, CancellationToken cancellationToken)
        {
            try
            {
                using var turn = await SqliteMigrationTurn.TakeAsync(db, logger, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == NotADatabase)
            {
                // An operator's mistake (a wrong path, a file of something else): said in one line, never a stack trace.
                throw new SiteConfigurationException(
                    $"ConnectionStrings:Catalog names {new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource}, which is not a SQLite database");
            }

            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }
}
