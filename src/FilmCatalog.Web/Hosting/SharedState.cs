using StackExchange.Redis;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// What site instances share beyond the database: with <c>ConnectionStrings:Redis</c> set, one Redis
/// connection per process serves the page cache and its eviction count (<see cref="PageCaching"/>)
/// and the write rate limits (<see cref="WriteRateLimits"/>). Without it, both are per process,
/// which is right for one instance. (The Data Protection key ring is the catalog's: see AddCatalog.)
/// </summary>
public static class SharedState
{
    public static WebApplicationBuilder AddSharedState(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } configuration)
        {
            ConfigurationOptions options;
            try
            {
                options = ConfigurationOptions.Parse(configuration);
            }
            catch (ArgumentException e)
            {
                throw new SiteConfigurationException($"ConnectionStrings:Redis: {e.Message}");
            }

            // Start, and keep serving, while Redis is away: the connection comes back by itself. Meanwhile a
            // call fails at once instead of waiting out its timeout in a backlog: pages are rendered fresh and
            // each instance counts write budgets on its own (PageCaching, WriteRateLimits), without a wait.
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            builder.Services.AddSingleton(new RedisKeys(builder.Configuration["Redis:KeyPrefix"] ?? RedisKeys.DefaultPrefix));
        }

        return builder;
    }
}

/// <summary>
/// Every key the site writes in Redis starts with <see cref="Prefix"/> (<c>Redis:KeyPrefix</c>), so
/// several sites, or several test fixtures, can share one Redis without sharing entries.
/// </summary>
public sealed record RedisKeys(string Prefix)
{
    public const string DefaultPrefix = "filmcatalog:";
}
