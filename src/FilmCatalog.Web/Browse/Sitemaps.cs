using System.Globalization;
using System.Text;
using System.Xml;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Browse;

/// <summary>
/// What crawlers read: <c>/robots.txt</c>, which keeps them out of what never ends or is not theirs
/// (search results, the writing forms, moderation) and names the sitemap; and the sitemaps
/// (sitemaps.org), an index at <c>/sitemap.xml</c> of files that list every title page, every
/// person's page and the lists, so a search engine finds the whole catalog without following
/// millions of links.
/// </summary>
/// <remarks>
/// Each file of titles or people covers a range of ids (1 to <see cref="UrlsPerFile"/>, then the next
/// range, ...), read by primary key, so any file costs the same at a million titles and the index
/// needs only the largest ids. A range whose rows were all removed gives an empty file, which the
/// protocol allows. Cached as people pages are (only an import changes them).
/// </remarks>
public static class Sitemaps
{
    /// <summary>
    /// At most this many addresses a file by default (the protocol allows 50,000): about 0.5 MB, 50 KB compressed.
    /// <c>Sitemaps:UrlsPerFile</c> sets another.
    /// </summary>
    public const int UrlsPerFile = 5_000;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static void MapSitemaps(this IEndpointRouteBuilder endpoints)
    {
        var perFile = endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Sitemaps:UrlsPerFile", UrlsPerFile);
        if (perFile is < 1 or > 50_000)
            throw new SiteConfigurationException($"Sitemaps:UrlsPerFile is {perFile}; it must be from 1 to 50000, the sitemap protocol's limit");
        int Files(int? lastId) => lastId is > 0 ? (lastId.Value + perFile - 1) / perFile : 0;
        (int First, int Last) Range(int part) => (((part - 1) * perFile) + 1, part * perFile);

        endpoints.MapGetAndHead("/robots.txt", (HttpContext context, PublicUrls urls) =>
            Results.Text(Robots(context.Request.PathBase, urls.Absolute(context.Request, $"{context.Request.PathBase}/sitemap.xml")), "text/plain; charset=utf-8"));

        endpoints.MapGetAndHead("/sitemap.xml", async (HttpContext context, CatalogDbContext db, PublicUrls urls, CancellationToken cancellationToken) =>
        {
            var titleFiles = Files(await db.Titles.MaxAsync(t => (int?)t.Id, cancellationToken));
            var peopleFiles = Files(await db.PersonNames.MaxAsync(n => (int?)n.PersonId, cancellationToken));
            var files = new[] { "lists" }
                .Concat(Enumerable.Range(1, titleFiles).Select(part => $"titles-{part}"))
                .Concat(Enumerable.Range(1, peopleFiles).Select(part => $"people-{part}"));
            return Xml(writer =>
            {
                writer.WriteStartElement("sitemapindex", Namespace);
                foreach (var file in files)
                {
                    writer.WriteStartElement("sitemap");
                    writer.WriteElementString("loc", urls.Absolute(context.Request, $"{context.Request.PathBase}/sitemaps/{file}.xml"));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            });
        }).CacheOutput(CatalogPageCaching.CatalogPage);

        endpoints.MapGetAndHead("/sitemaps/titles-{part:int}.xml", async (int part, HttpContext context, CatalogDbContext db, PublicUrls urls, CancellationToken cancellationToken) =>
        {
            if (!IsPart(context, part, Files(await db.Titles.MaxAsync(t => (int?)t.Id, cancellationToken))))
                return Results.NotFound();
            var (first, last) = Range(part);
            var titles = await db.Titles.AsNoTracking()
                .Where(t => t.Id >= first && t.Id <= last)
                .OrderBy(t => t.Id)
                .Select(t => new { t.Slug, t.UpdatedAt })
                .ToListAsync(cancellationToken);
            return UrlSet(titles.Select(t => (urls.Absolute(context.Request, Pages.Shared.SitePaths.Title(context.Request, t.Slug)), (DateTime?)t.UpdatedAt)));
        }).CacheOutput(CatalogPageCaching.CatalogPage);

        endpoints.MapGetAndHead("/sitemaps/people-{part:int}.xml", async (int part, HttpContext context, CatalogDbContext db, PublicUrls urls, CancellationToken cancellationToken) =>
        {
            if (!IsPart(context, part, Files(await db.PersonNames.MaxAsync(n => (int?)n.PersonId, cancellationToken))))
                return Results.NotFound();
            var (first, last) = Range(part);
            // Names that differ only in accents or case share one page (Slug.ForName): it is listed under the first of them.
            var slugs = await db.PersonNames.AsNoTracking()
                .Where(n => n.PersonId >= first && n.PersonId <= last
                    && !db.PersonNames.Any(other => other.Slug == n.Slug && other.PersonId < n.PersonId))
                .OrderBy(n => n.PersonId)
                .Select(n => n.Slug)
                .ToListAsync(cancellationToken);
            return UrlSet(slugs.Select(slug => (urls.Absolute(context.Request, $"{context.Request.PathBase}/name/{Uri.EscapeDataString(slug)}"), (DateTime?)null)));
        }).CacheOutput(CatalogPageCaching.CatalogPage);

        endpoints.MapGetAndHead("/sitemaps/lists.xml", async (HttpContext context, TitleLists lists, PublicUrls urls, CancellationToken cancellationToken) =>
        {
            var years = await lists.YearsAsync(TitleListing.FirstListedYear, TitleListing.LastListedYear, cancellationToken);
            var genres = await lists.GenresAsync(cancellationToken);
            var paths = new[] { "/", "/titles", "/genres", "/decades" }
                .Concat(genres.Select(g => $"/genre/{Uri.EscapeDataString(g.Genre)}"))
                .Concat(years.Select(y => y / 10 * 10).Distinct().Select(d => $"/decade/{d}s"))
                .Concat(years.Select(y => $"/year/{y}"));
            return UrlSet(paths.Select(path => (urls.Absolute(context.Request, context.Request.PathBase + path), (DateTime?)null)));
        }).CacheOutput(CatalogPageCaching.CatalogPage);
    }

    /// <summary>
    /// Every page a crawler may read, except: search results (any text is another page), the review form, the
    /// vote and report endpoints, the antiforgery token, status pages and moderation.
    /// </summary>
    public static string Robots(PathString pathBase, string sitemap) => $"""
        User-agent: *
        Disallow: {pathBase}/search
        Disallow: {pathBase}/title/*/review$
        Disallow: {pathBase}/reviews/
        Disallow: {pathBase}/antiforgery/
        Disallow: {pathBase}/moderation
        Disallow: {pathBase}/status/
        Disallow: {pathBase}/Status/

        Sitemap: {sitemap}

        """;

    /// <summary>A file the index lists, under its one address (not "titles-01").</summary>
    private static bool IsPart(HttpContext context, int part, int files) =>
        part >= 1 && part <= files && context.GetRouteValue("part") as string == part.ToString(CultureInfo.InvariantCulture);

    private static IResult UrlSet(IEnumerable<(string Location, DateTime? Modified)> urls) => Xml(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        foreach (var (location, modified) in urls)
        {
            writer.WriteStartElement("url");
            writer.WriteElementString("loc", location);
            if (modified is { } day)
                writer.WriteElementString("lastmod", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    });

    private static IResult Xml(Action<XmlWriter> write)
    {
        using var body = new MemoryStream();
        using (var writer = XmlWriter.Create(body, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return Results.Bytes(body.ToArray(), "application/xml; charset=utf-8");
    }
}
