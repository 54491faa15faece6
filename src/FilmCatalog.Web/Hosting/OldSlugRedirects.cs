using System.Text.RegularExpressions;
using FilmCatalog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// A title's old slug (see <see cref="Catalog.SlugAlias"/>) keeps working: a request for
/// <c>/title/{old}...</c> that found nothing answers 301 to the same page under the current slug
/// (308 for other methods, so a form posted from a page opened before the rename still lands).
/// An address typed or linked with capitals (<c>/genre/Drama</c>), which found nothing because every
/// slug is lowercase, answers 301 to its lowercase spelling, when it is spelled as the site's addresses
/// are (ASCII segments): <c>//Evil.example/</c> lowercased is an address on another site, which a
/// browser would follow. Only requests that were about to be a 404 pay for either.
/// </summary>
public static partial class OldSlugRedirects
{
    public static WebApplication UseOldSlugRedirects(this WebApplication app)
    {
        app.Use(RedirectAsync);
        return app;
    }

    private static async Task RedirectAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted)
            return;

        if (await NewAddressAsync(context) is { } moved)
        {
            var method = context.Request.Method;
            context.Response.StatusCode = HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                ? StatusCodes.Status301MovedPermanently
                : StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = moved;
        }
    }

    /// <summary>
    /// Where a request that found nothing has moved: its lowercase spelling (GET and HEAD), or the same address under
    /// the title's current slug; null when neither. For an endpoint that answers its own 404 with a body (the title's
    /// JSON), which this middleware can no longer turn into a redirect.
    /// </summary>
    public static async Task<string?> NewAddressAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var lower = path.ToLowerInvariant();
            if (lower != path && SitePath().IsMatch(path))
                return context.Request.PathBase.Add(new PathString(lower)).ToUriComponent() + context.Request.QueryString;
        }

        var match = TitlePath().Match(path);
        if (!match.Success)
            return null;

        var db = context.RequestServices.GetRequiredService<CatalogDbContext>();
        var old = match.Groups["slug"].Value;
        var current = await db.SlugAliases.AsNoTracking()
            .Where(a => a.OldSlug == old)
            .Join(db.Titles, a => a.TitleId, t => t.Id, (_, t) => t.Slug)
            .FirstOrDefaultAsync(context.RequestAborted);
        if (current is null || current == old)
            return null;

        return context.Request.PathBase
            .Add(new PathString($"/title/{current}{match.Groups["rest"].Value}")).ToUriComponent() + context.Request.QueryString;
    }

    /// <summary>A title's page, a page under it, or its JSON (<c>/title/{slug}.json</c>).</summary>
    [GeneratedRegex(@"^/title/(?<slug>[a-z0-9-]{1,200})(?<rest>/.*|\.json)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TitlePath();

    /// <summary>A path of one or more segments of ASCII letters, digits and <c>-._~</c>, as every address of the site is: never <c>//host</c>.</summary>
    [GeneratedRegex(@"^(?:/[A-Za-z0-9._~-]+)+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex SitePath();
}
