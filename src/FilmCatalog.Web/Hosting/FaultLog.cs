using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// What one failing request writes to the log, bounded: its request line (written by the request log)
/// and one line here. The first time a fault happens (an exception type thrown from one place) its
/// stack trace is logged; repeats within <see cref="Window"/> are one line naming that first entry.
/// A visitor who can make a request fail cannot make every request write pages of log.
/// </summary>
/// <remarks>
/// The exception handler middleware's own log event is suppressed (it would be a second stack trace),
/// and this handler returns false, so the middleware still renders the error page.
/// </remarks>
public sealed class FaultLog(ILogger<FaultLog> logger, TimeProvider clock) : IExceptionHandler
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Distinct faults remembered at once; past it the memory starts over (a trace more, never unbounded memory).</summary>
    private const int Remembered = 1_000;

    private readonly ConcurrentDictionary<string, DateTime> _logged = new();

    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var fault = FaultId(exception);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_logged.TryGetValue(fault, out var first) && now - first < Window)
        {
            logger.LogError("Fault {FaultId} again ({ExceptionType}) on {RequestMethod} {RequestPath}; its stack trace is in the log at {FirstLogged:O}",
                fault, exception.GetType().Name, context.Request.Method, context.Request.Path.Value, first);
        }
        else
        {
            if (_logged.Count >= Remembered)
                _logged.Clear();
            _logged[fault] = now;
            logger.LogError(exception, "Fault {FaultId} on {RequestMethod} {RequestPath}", fault, context.Request.Method, context.Request.Path.Value);
        }

        return ValueTask.FromResult(false);
    }

    /// <summary>The exception's type and the method that threw it, hashed short: the same bug gets the same id.</summary>
    private static string FaultId(Exception exception)
    {
        var origin = exception;
        while (origin.InnerException is not null)
            origin = origin.InnerException;
        var site = $"{exception.GetType().FullName}|{origin.GetType().FullName}|{origin.TargetSite?.DeclaringType?.FullName}.{origin.TargetSite?.Name}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(site)))[..8];
    }
}
