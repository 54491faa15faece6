using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.AspNetCore.ResponseCompression;
using StackExchange.Redis;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// Title pages (and their all-reviews pages) are the same for every visitor, so they are served from
/// ASP.NET Core's output cache, already compressed, and evicted by tag when a write changes them.
/// A page opts in with <c>[OutputCache(PolicyName = PageCaching.TitlePage)]</c> (or <see cref="AllReviewsPage"/>).
/// See docs/decisions/ADR-002-caching-and-csrf.md for why this is safe beside antiforgery.
/// </summary>
/// <remarks>
/// The output cache runs before response compression, so it stores the compressed body once per
/// <c>Accept-Encoding</c> and serves it without compressing again. <c>Caching:Enabled=false</c>
/// turns the cache off (the benchmark's "rendered fresh" site); compression stays on.
/// <para>
/// With <c>ConnectionStrings:Redis</c> set, the entries and the eviction count live in Redis
/// (<see cref="RedisCacheGeneration"/>), so every instance serves the same entries and a write
/// through any instance evicts its pages for all of them. Without it they live in this process.
/// </para>
/// </remarks>
public static class PageCaching
{
    /// <summary>The policy of a film's title page: one entry per title (and encoding), whatever the query string.</summary>
    public const string TitlePage = "title-page";

    /// <summary>The policy of a film's all-reviews pages: one entry per title, sort, filter and page.</summary>
    public const string AllReviewsPage = "all-reviews-page";

    /// <summary>Tag on every cached page; evicting it empties the cache (imports do).</summary>
    public const string AllPagesTag = "pages";

    /// <summary>Cached pages are kept at most this long; writes through the site evict them at once.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static string TitleTag(string slug) => "title:" + slug.ToLowerInvariant();

    public static WebApplicationBuilder AddPageCaching(this WebApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue("Caching:Enabled", true);
        builder.Services.AddOutputCache(options =>
        {
            // Compressed title pages are 10-30 KB: this holds thousands and keeps memory bounded.
            options.SizeLimit = builder.Configuration.GetValue("Caching:SizeLimitMegabytes", 32L) * 1024 * 1024;
            options.MaximumBodySize = 1024 * 1024;
            options.DefaultExpirationTimeSpan = Lifetime;
            // The site's addresses are lowercase and its pages compare slugs as written: a cached /genre/drama
            // must not answer /genre/Drama, which is a 404 (then a redirect, OldSlugRedirects) whenever it is not cached.
            options.UseCaseSensitivePaths = true;
            if (enabled)
            {
                options.AddPolicy(TitlePage, new TitlePagePolicy(varyByQuery: false));
                options.AddPolicy(AllReviewsPage, new TitlePagePolicy(varyByQuery: true));
            }
        });
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 })
        {
            builder.Services.AddStackExchangeRedisOutputCache(_ => { });
            builder.Services.AddOptions<RedisOutputCacheOptions>().Configure<IConnectionMultiplexer, RedisKeys>((options, redis, keys) =>
            {
                options.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
                options.InstanceName = keys.Prefix;
            });
            builder.Services.AddSingleton<ICacheGeneration, RedisCacheGeneration>();
        }
        else
        {
            builder.Services.AddSingleton<ICacheGeneration, CacheGeneration>();
            if (enabled)
                builder.Services.AddHostedService<ImportWatch>();
        }

        GuardStore(builder.Services);
        builder.Services.AddSingleton<PageCache>();

        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Brotli's effort follows how often its work is reused. With the page cache, a page is compressed
        // once and served compressed many times: "Optimal" (quality 4). Without it, every response is
        // compressed anew: "Fastest" (quality 1) took 10% less CPU per title page for a br body 23%
        // larger (8.0 KB instead of 6.5 KB; bench/compare-page.sh, ADR-004).
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = enabled ? CompressionLevel.Optimal : CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>Cache first, so a hit skips compression; compression inside it, so entries are compressed.</summary>
    public static WebApplication UsePageCaching(this WebApplication app)
    {
        app.UseOutputCache();

        // A request gets here only when it was not served from the cache: note how many evictions there
        // had been before the page reads the database (see GenerationGuardedStore). Hits pay nothing for it.
        // The render gets an entity tag of its own, stored with it, so a browser or crawler that asks again
        // with If-None-Match is answered 304 from the cache while the entry lives (the output cache compares
        // them; it copies the headers at the first byte of the body, so the tag is set before the page runs).
        var generation = app.Services.GetRequiredService<ICacheGeneration>();
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true } cache)
            {
                try
                {
                    cache.Tags.Add(GenerationGuardedStore.GenerationTag(await generation.CurrentAsync(context.RequestAborted)));
                    context.Response.Headers.ETag = $"\"{Guid.NewGuid():N}\"";
                }
                catch (RedisException)
                {
                    // Redis is away: the page is served fresh and not stored (no eviction could reach it).
                    cache.AllowCacheStorage = false;
                }
            }
            await next(context);
        });

        app.UseResponseCompression();
        return app;
    }

    /// <summary>Replaces the framework's store by <see cref="GenerationGuardedStore"/> around it.</summary>
    private static void GuardStore(IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(framework);
        services.AddSingleton<IOutputCacheStore>(provider => new GenerationGuardedStore(
            provider.GetRequiredService<ICacheGeneration>(),
            provider.GetRequiredService<ILogger<GenerationGuardedStore>>(),
            framework.ImplementationFactory is { } factory
                ? (IOutputCacheStore)factory(provider)
                : (IOutputCacheStore)(framework.ImplementationInstance ?? ActivatorUtilities.CreateInstance(provider, framework.ImplementationType!))));
    }

    /// <summary>
    /// Caches GET and HEAD of a page about one title (its <c>slug</c> route value), varied by
    /// <c>Accept-Encoding</c>, tagged with the title. A request carrying a TempData cookie (the
    /// visitor's own confirmation after a write) or a moderator's cookie is neither served from nor stored in the cache, and
    /// a response that sets a cookie or is not a 200 is never stored.
    /// </summary>
    /// <param name="varyByQuery">
    /// The all-reviews page pages and sorts by query; the title page takes no query, so a made-up
    /// query string cannot push renders past the cache.
    /// </param>
    private sealed class TitlePagePolicy(bool varyByQuery) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var slug = context.HttpContext.GetRouteValue("slug") as string;
            var cacheable = slug is { Length: > 0 }
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !request.Headers.ContainsKey("Authorization")
                && !request.Cookies.ContainsKey(QuietTempDataProvider.CookieName)
                // Never sent here (its path is /moderation); should that change, a moderator still never shares a cached page.
                && !request.Cookies.ContainsKey(Moderation.ModerationExtensions.CookieName);

            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (!cacheable)
                return ValueTask.CompletedTask;

            context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
            if (varyByQuery)
                context.CacheVaryByRules.QueryKeys = "*";
            context.Tags.Add(AllPagesTag);
            context.Tags.Add(TitleTag(slug!));
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
            ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Evicts cached pages when a write changes what they show.</summary>
/// <remarks>
/// A page rendered from data read before a write, and stored after that write's eviction, would be
/// stale. Every eviction therefore first advances a generation; a page is stored only if no
/// eviction happened since its request missed the cache, and is evicted again if one raced with the
/// store (<see cref="GenerationGuardedStore"/>). With Redis the generation is Redis's, so this holds
/// across instances: a write through A stops a render on B that began before it from being stored.
/// </remarks>
public sealed class PageCache(IOutputCacheStore store, ICacheGeneration generation)
{
    /// <summary>Evicts the title's page and its all-reviews pages.</summary>
    public ValueTask EvictTitleAsync(string slug, CancellationToken cancellationToken = default) =>
        EvictAsync(PageCaching.TitleTag(slug), cancellationToken);

    /// <summary>Evicts the lists of titles (front page, browse pages), which show reviews held: after a review is posted or hidden.</summary>
    public ValueTask EvictListsAsync(CancellationToken cancellationToken = default) =>
        EvictAsync(CatalogPageCaching.ListsTag, cancellationToken);

    /// <summary>Evicts every cached page (after an import, which can change many pages' links).</summary>
    public ValueTask EvictAllAsync(CancellationToken cancellationToken = default) =>
        EvictAsync(PageCaching.AllPagesTag, cancellationToken);

    /// <summary>
    /// The largest import record an eviction of this process came after: <see cref="ImportWatch"/> evicts for imports
    /// by other processes, and leaves those this process evicted for already (a second eviction moments after the
    /// first would empty the cache of the pages visitors asked for since).
    /// </summary>
    public int EvictedThroughImportRecord => Volatile.Read(ref _evictedThroughImportRecord);

    private int _evictedThroughImportRecord;

    /// <summary>Evicts every cached page after the imports recorded up to <paramref name="importRecordId"/>, which this process made or saw.</summary>
    public async ValueTask EvictAllAfterImportsAsync(int importRecordId, CancellationToken cancellationToken = default)
    {
        await EvictAllAsync(cancellationToken);
        int known;
        do
            known = Volatile.Read(ref _evictedThroughImportRecord);
        while (importRecordId > known && Interlocked.CompareExchange(ref _evictedThroughImportRecord, importRecordId, known) != known);
    }

    private async ValueTask EvictAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await generation.AdvanceAsync(cancellationToken);
        }
        catch (RedisException)
        {
            // Redis is unreachable: no render can be stored meanwhile (the store cannot read the
            // generation either), and the eviction below says so in the log.
        }

        await store.EvictByTagAsync(tag, cancellationToken);
    }
}

/// <summary>
/// The output cache's store, storing an entry only when no eviction happened between its request's
/// cache miss (the generation in its tags) and the store. A store that fails (Redis unreachable)
/// is a miss, logged: the site serves pages fresh rather than failing them.
/// </summary>
internal sealed class GenerationGuardedStore(ICacheGeneration generation, ILogger<GenerationGuardedStore> logger, IOutputCacheStore inner) : IOutputCacheStore
{
    private const string Prefix = "generation:";

    public static string GenerationTag(long generation) => Prefix + generation.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The write itself is committed; its pages show it when their entries expire (five minutes at most).
            logger.LogError(e, "Could not evict cached pages tagged {Tag}", tag);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Page cache unavailable; rendering fresh");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        long? rendered = null;
        var kept = new List<string>(tags?.Length ?? 0);
        foreach (var tag in tags ?? [])
        {
            if (tag.StartsWith(Prefix, StringComparison.Ordinal))
                rendered = long.Parse(tag.AsSpan(Prefix.Length), provider: System.Globalization.CultureInfo.InvariantCulture);
            else
                kept.Add(tag);
        }

        try
        {
            if (rendered is not { } before || before != await generation.CurrentAsync(cancellationToken))
                return;

            await inner.SetAsync(key, value, [.. kept], validFor, cancellationToken);

            // An eviction that ran between the check above and the store may have missed this entry:
            // evict it again by its own title's tag (not the catalog-wide tag, which would empty the cache).
            if (before != await generation.CurrentAsync(cancellationToken))
            {
                foreach (var tag in kept.Where(t => t != PageCaching.AllPagesTag))
                    await inner.EvictByTagAsync(tag, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Page cache unavailable; the page was not stored");
        }
    }
}

/// <summary>Counts evictions of cached pages; see <see cref="PageCache"/>.</summary>
public interface ICacheGeneration
{
    ValueTask<long> CurrentAsync(CancellationToken cancellationToken);

    ValueTask AdvanceAsync(CancellationToken cancellationToken);
}

/// <summary>The count in this process: the cache is this process's memory.</summary>
public sealed class CacheGeneration : ICacheGeneration
{
    private long _value;

    public ValueTask<long> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Interlocked.Read(ref _value));

    public ValueTask AdvanceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _value);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The count in Redis, beside the shared entries, so every instance sees every instance's evictions.</summary>
public sealed class RedisCacheGeneration(IConnectionMultiplexer redis, RedisKeys keys) : ICacheGeneration
{
    private readonly RedisKey _key = keys.Prefix + "pages:generation";

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken) =>
        (long?)await redis.GetDatabase().StringGetAsync(_key) ?? 0;

    public async ValueTask AdvanceAsync(CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringIncrementAsync(_key);
}
