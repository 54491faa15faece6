using Microsoft.AspNetCore.OutputCaching;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// Cache policies of the pages that find titles, beside the title pages' own (<see cref="PageCaching"/>):
/// people pages, which only an import changes, and the lists (front page, genres, years, decades,
/// A-Z), which also show counts of reviews held and the latest reviews, so posting or hiding a
/// review evicts them (<see cref="PageCache.EvictListsAsync"/>). Votes do not: the front page's
/// "most helpful this week" may trail votes by the cache's lifetime (five minutes). The search page
/// is not cached: every query is another page, and each costs a bounded few queries.
/// </summary>
/// <remarks>
/// Same rules as title pages (ADR-002): GET and HEAD only, never with the visitor's TempData cookie,
/// never a response that sets a cookie or is not a 200, evicted by tag, guarded by the generation
/// (which <see cref="PageCaching.UsePageCaching"/> adds to every request that misses the cache).
/// Only the query keys the pages read vary the entry, so made-up parameters cannot fill the cache.
/// </remarks>
public static class CatalogPageCaching
{
    /// <summary>A page that only imports change: a person's.</summary>
    public const string CatalogPage = "catalog-page";

    /// <summary>A list of titles, which reviews posted and hidden change as well.</summary>
    public const string ListPage = "list-page";

    /// <summary>Tag of every list page.</summary>
    public const string ListsTag = "lists";

    private static readonly string[] QueryKeys = ["p", "sort", "after", "before", "letter", "role"];

    public static WebApplicationBuilder AddCatalogPageCaching(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Caching:Enabled", true))
        {
            builder.Services.Configure<OutputCacheOptions>(options =>
            {
                options.AddPolicy(CatalogPage, new Policy(isList: false));
                options.AddPolicy(ListPage, new Policy(isList: true));
            });
        }

        return builder;
    }

    private sealed class Policy(bool isList) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !request.Headers.ContainsKey("Authorization")
                && !request.Cookies.ContainsKey(QuietTempDataProvider.CookieName);

            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (!cacheable)
                return ValueTask.CompletedTask;

            context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
            context.CacheVaryByRules.QueryKeys = QueryKeys;
            context.Tags.Add(PageCaching.AllPagesTag);
            if (isList)
                context.Tags.Add(ListsTag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
