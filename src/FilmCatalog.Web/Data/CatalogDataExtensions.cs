using System.Data.Common;
using System.Runtime.CompilerServices;
using FilmCatalog.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FilmCatalog.Web.Data;

public static class CatalogDataExtensions
{
    private const string DefaultConnectionString = "Data Source=data/catalog.db";

    /// <summary>
    /// Registers the catalog database (<c>ConnectionStrings:Catalog</c>, a SQLite file under the data
    /// folder by default; a relative path is taken from the content root) and the gate its writers queue at.
    /// </summary>
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        // A write of the site waits this long at most, for its turn in this process and then for
        // SQLite's write lock (an import in another process); then the visitor gets a 503.
        var writeWait = TimeSpan.FromSeconds(builder.Configuration.GetValue("Catalog:WriteWaitSeconds", DatabaseBusy.DefaultWriteWaitSeconds));
        var connectionString = new SqliteConnectionStringBuilder(ResolveConnectionString(
            builder.Configuration.GetConnectionString("Catalog") ?? DefaultConnectionString,
            builder.Environment.ContentRootPath))
        {
            // Microsoft.Data.Sqlite retries a busy statement until this timeout, on top of SQLite's own busy_timeout.
            DefaultTimeout = (int)Math.Ceiling(writeWait.TotalSeconds),
        }.ToString();

        builder.Services.AddDbContextPool<CatalogDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas(writeWait))
            // A failed command is logged once, with its stack trace, where it ends the request
            // (Hosting/FaultLog); EF Core's own error events would log it again, every time.
            .ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug))));

        builder.Services.AddSingleton(new WriteGate(writeWait));
        return builder;
    }

    /// <summary>The catalog's connection string with its file path made absolute (from the content root).</summary>
    public static string CatalogConnectionString(this IConfiguration configuration, string contentRoot) =>
        ResolveConnectionString(configuration.GetConnectionString("Catalog") ?? DefaultConnectionString, contentRoot);

    /// <summary>The folder of the catalog file: keys, backups and logs live beside it.</summary>
    public static string DataFolder(this IConfiguration configuration, string contentRoot)
    {
        var source = new SqliteConnectionStringBuilder(
            ResolveConnectionString(configuration.GetConnectionString("Catalog") ?? DefaultConnectionString, contentRoot)).DataSource;
        return Path.GetDirectoryName(source) is { Length: > 0 } folder ? folder : contentRoot;
    }

    private static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Per-connection settings. WAL (set once at start-up, it persists in the file) lets readers run
    /// beside the writer; synchronous=NORMAL is durable under WAL against process crashes; SQLite's own
    /// busy handler retries in milliseconds, where Microsoft.Data.Sqlite's would sleep 150 ms a time.
    /// </summary>
    /// <remarks>
    /// The settings belong to the native connection, which Microsoft.Data.Sqlite's pool keeps open
    /// from one <c>Open</c> to the next, so they are applied once per native connection, not on every
    /// open: a title page opened the connection twice, and preparing and running these statements
    /// each time was a measurable part of a fresh render.
    /// </remarks>
    private sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
    {
        private readonly string _pragmas = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON;";

        /// <summary>Native connections already set up; an entry goes when its connection is closed for good.</summary>
        private readonly ConditionalWeakTable<object, object> _applied = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            var native = (connection as SqliteConnection)?.Handle;
            if (native is not null && _applied.TryGetValue(native, out _))
                return;

            using (var command = connection.CreateCommand())
            {
                command.CommandText = _pragmas;
                command.ExecuteNonQuery();
            }

            if (native is not null)
                _applied.AddOrUpdate(native, native);
        }
    }
}
