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
/// </remarks>
internal sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
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
