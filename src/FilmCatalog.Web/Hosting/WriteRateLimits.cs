using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace FilmCatalog.Web.Hosting;

/// <summary>The kinds of write a visitor makes; each has its own budget per client.</summary>
public enum WriteKind
{
    Review,
    Vote,
    Report,

    /// <summary>A moderator's password or two-factor code: guesses are bounded per network as well as per account (lockout).</summary>
    SignIn,

    /// <summary>A moderator's decision or account change: generous for a moderator clearing a brigade, a bound on a stolen session.</summary>
    Moderation,
}

/// <summary>Marks a page whose POST handlers spend the client's budget for <paramref name="kind"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RateLimitedWritesAttribute(WriteKind kind) : Attribute
{
    public WriteKind Kind { get; } = kind;
}

/// <summary>Budgets per client address and window, from the <c>RateLimits</c> section.</summary>
public sealed class WriteRateLimitOptions
{
    public int ReviewsPerWindow { get; set; } = 5;
    public int VotesPerWindow { get; set; } = 120;
    public int ReportsPerWindow { get; set; } = 20;
    public int SignInsPerWindow { get; set; } = 10;
    public int ModerationActionsPerWindow { get; set; } = 300;
    public int WindowSeconds { get; set; } = 600;

    public int PermitsFor(WriteKind kind) => kind switch
    {
        WriteKind.Review => ReviewsPerWindow,
        WriteKind.Vote => VotesPerWindow,
        WriteKind.SignIn => SignInsPerWindow,
        WriteKind.Moderation => ModerationActionsPerWindow,
        _ => ReportsPerWindow,
    };
}

public static class WriteRateLimits
{
    /// <summary>
    /// Rate limits on writes only (GETs are never limited), per client address (an IPv6 /64), answered with 429,
    /// <c>Retry-After</c> and the readable status page rather than the framework's bare 503.
    /// </summary>
    public static WebApplicationBuilder AddWriteRateLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits").Get<WriteRateLimitOptions>() ?? new();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var kind = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedWritesAttribute>()?.Kind;
                if (kind is null || !HttpMethods.IsPost(context.Request.Method))
                    return RateLimitPartition.GetNoLimiter("reads");

                // An IPv6 client picks any address of its /64 at will: the budget is the network's.
                var client = Reviews.ClientAddress.NetworkText(context.Connection.RemoteIpAddress);
                var partition = $"{kind}:{client}";

                // With Redis, one budget per client across every instance (counted in Redis); without, per process.
                if (context.RequestServices.GetService<IConnectionMultiplexer>() is { } redis)
                {
                    var keys = context.RequestServices.GetRequiredService<RedisKeys>();
                    return RedisRateLimitPartition.GetFixedWindowRateLimiter(keys.Prefix + partition, _ => new RedisFixedWindowRateLimiterOptions
                    {
                        ConnectionMultiplexerFactory = () => redis,
                        PermitLimit = limits.PermitsFor(kind.Value),
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    });
                }

                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitsFor(kind.Value),
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(RetryAfter(rejected.Lease).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>How long the client should wait: the in-process limiter gives a TimeSpan, the Redis one whole seconds.</summary>
    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var wait) switch
        {
            true when wait is TimeSpan span => span,
            true when wait is int seconds => TimeSpan.FromSeconds(Math.Max(seconds, 1)),
            _ => TimeSpan.FromSeconds(60),
        };
}
