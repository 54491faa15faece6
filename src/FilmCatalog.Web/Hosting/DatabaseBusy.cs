using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// A write that could not get the database in time (an import holds SQLite's write lock, the site's
/// own writes queue too long, or a PostgreSQL lock is not granted within the wait) is answered 503 with <c>Retry-After</c> and the status page,
/// which says that nothing was changed; never a 500, in every environment.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>What <c>Retry-After</c> says: long enough for an import batch to commit.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>How long a write of the site waits for the database by default (<c>Catalog:WriteWaitSeconds</c>).</summary>
    public const int DefaultWriteWaitSeconds = 5;

    /// <summary>True when <paramref name="error"/> (or what it wraps) says the database was busy.</summary>
    public static bool Is(Exception? error) => error switch
    {
        null => false,
        DatabaseBusyException => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.LockNotAvailable } => true, // lock_timeout reached
        _ => Is(error.InnerException),
    };

    /// <summary>Turns a busy database into 503 + Retry-After; the status-code pages then render the explanation.</summary>
    public static IApplicationBuilder UseDatabaseBusyAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Is(e) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseBusy))
                .LogWarning("The database was busy: {RequestMethod} {RequestPath} answered 503", context.Request.Method, context.Request.Path.Value);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    });
}

/// <summary>Thrown when a write waited its longest for its turn at the write gate (<see cref="Data.IWriteGate"/>).</summary>
public sealed class DatabaseBusyException(string message) : TimeoutException(message);
