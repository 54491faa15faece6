using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
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

                // With Redis, one budget per client across every instance (counted in Redis); without, or while
                // Redis is away, per process (the "local:" partitions), so writes go on and are still bounded.
                if (context.RequestServices.GetService<IConnectionMultiplexer>() is { IsConnected: true } redis)
                {
                    var keys = context.RequestServices.GetRequiredService<RedisKeys>();
                    return RedisRateLimitPartition.GetFixedWindowRateLimiter(keys.Prefix + partition, _ => new RedisFixedWindowRateLimiterOptions
                    {
                        ConnectionMultiplexerFactory = () => redis,
                        PermitLimit = limits.PermitsFor(kind.Value),
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    });
                }

                return RateLimitPartition.GetFixedWindowLimiter("local:" + partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitsFor(kind.Value),
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var wait = Refuse(context, rejected.Lease);

                // A script (a vote posted in place) is told in words it can show; a page gets the status page.
                if (Pages.Reviews.VoteModel.WantsJson(context.Request))
                {
                    var kind = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedWritesAttribute>()?.Kind;
                    await context.Response.WriteAsJsonAsync(new { result = "RateLimited", message = RefusalMessage(kind, wait) }, cancellationToken);
                }
            };
        });
        builder.Services.AddSingleton<WriteBudget>();
        return builder;
    }

    /// <summary>
    /// Answers a write whose budget Redis could not count (it went away between the check and the count) with
    /// 503 and a short <c>Retry-After</c>, not a failure: by then the budget is counted per process.
    /// </summary>
    public static WebApplication UseWriteRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (RedisException) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
            }
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>What a script shows when a write is over its budget: what was not done, and when to try again.</summary>
    public static string RefusalMessage(WriteKind? kind, TimeSpan wait) => kind == WriteKind.Vote
        ? $"Your vote was not counted: you have voted too often. You can vote again {Pages.WaitWords.In(wait)}."
        : $"You are doing that too often, so it was not done. You can do it again {Pages.WaitWords.In(wait)}.";

    /// <summary>Sets <c>Retry-After</c> for a refused write and returns the wait it says, in whole seconds.</summary>
    internal static TimeSpan Refuse(HttpContext context, RateLimitLease lease)
    {
        var wait = TimeSpan.FromSeconds(Math.Ceiling(RetryAfter(lease).TotalSeconds));
        context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return wait;
    }

    /// <summary>
    /// How long the client should wait: the in-process limiter gives a TimeSpan under the framework's name,
    /// the Redis one whole seconds under its own (RateLimitMetadataName).
    /// </summary>
    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
        : lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(Math.Max(seconds, 1))
        : TimeSpan.FromSeconds(60);
}

/// <summary>
/// The write budget as a page asks for it itself, for a form that must come back as typed when refused (a review
/// lost to the status page was gone for good). Such a page carries <c>[DisableRateLimiting]</c>, so the middleware
/// lets its posts through, and asks here before it writes. The budget, its partitions and the answer's
/// <c>Retry-After</c> are the middleware's own: the same limiter is asked.
/// </summary>
public sealed class WriteBudget(IOptions<RateLimiterOptions> options)
{
    /// <summary>Spends one write of the page's kind for this client; when over budget, sets <c>Retry-After</c> and returns the wait.</summary>
    public async Task<TimeSpan?> RefusalAsync(HttpContext context, CancellationToken cancellationToken)
    {
        using var lease = await options.Value.GlobalLimiter!.AcquireAsync(context, 1, cancellationToken);
        return lease.IsAcquired ? null : WriteRateLimits.Refuse(context, lease);
    }
}
