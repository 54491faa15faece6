using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FilmCatalog.Web.Data.Sqlite;

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
/// <para>
/// Each pooled connection keeps a page cache of its own (2 MB by default), and a site under load holds
/// one connection per request in flight: 32 connections filled 64 MB with copies of the same pages,
/// which the operating system's file cache holds anyway. At 512 KB the hot interior pages still stay
/// (measured: a fresh site on the 10,000-title catalog under 32 connections, 253 MB resident with
/// the default, 215 MB at 256 KB, requests per second unchanged within the machine's noise).
/// </para>
/// </remarks>
internal sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    /// <summary>Each connection's page cache, in KiB (a negative cache_size is KiB, a positive one pages).</summary>
    private const int CacheKibibytes = 512;

    private readonly string _pragmas = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA cache_size = -{CacheKibibytes};";

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
