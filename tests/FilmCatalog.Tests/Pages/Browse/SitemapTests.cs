using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FilmCatalog.Web.Browse;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Pages.Browse;

/// <summary>
/// What a search engine reads: the sitemaps list every title, person and list page once, in files of a
/// few addresses each here (so the ranges between files are crossed), on the public base URL, and every
/// address listed answers; an import is listed at once; robots.txt keeps crawlers out of search, forms and
/// moderation and lets them read the rest. Canonical addresses of every page type are on the public base URL.
/// </summary>
public abstract class SitemapTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    public const string PublicBase = "https://films.example.org";

    /// <summary>The settings both providers' fixtures run with: seven addresses a file, and a public base URL the requests do not use.</summary>
    public static Dictionary<string, string> SiteSettings(IReadOnlyDictionary<string, string> settings) =>
        new(settings) { ["Sitemaps:UrlsPerFile"] = "7", ["Site:PublicBaseUrl"] = PublicBase };

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private HttpClient Client => factory.CreateClient("10.77.0.1");

    [Fact]
    public async Task The_sitemaps_list_every_title_person_and_list_page_once_and_each_listed_page_answers()
    {
        await factory.ImportAsync([.. Enumerable.Range(1, 9).Select(i => new TitlePageText($"Sitemap Film {i}", 1970 + i) { Genres = ["Western"], Cast = [($"Sitemap Actor {i}", "Sheriff")] })]);
        var (files, listed) = await ReadSitemapsAsync();

        await using var db = factory.NewDbContext();
        var titles = await db.Titles.Select(t => t.Slug).ToListAsync();
        var people = await db.PersonNames.Select(n => n.Slug).Distinct().ToListAsync();
        var genres = await db.TitleListings.Where(l => l.Genre != "").Select(l => l.Genre).Distinct().ToListAsync();
        var years = await db.TitleListings.Where(l => l.Genre == "" && l.Year != 0).Select(l => l.Year).Distinct().ToListAsync();
        Assert.True(titles.Count > 7 && people.Count > 7, "the catalog fills more than one file of each kind");

        string[] expected =
        [
            .. titles.Select(slug => $"{PublicBase}/title/{slug}"),
            .. people.Select(slug => $"{PublicBase}/name/{slug}"),
            .. genres.Select(genre => $"{PublicBase}/genre/{genre}"),
            .. years.Select(year => $"{PublicBase}/year/{year}"),
            .. years.Select(year => year / 10 * 10).Distinct().Select(decade => $"{PublicBase}/decade/{decade}s"),
            $"{PublicBase}/",
            $"{PublicBase}/titles",
            $"{PublicBase}/genres",
            $"{PublicBase}/decades",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.All(files.Where(f => !f.Name.EndsWith("/lists.xml", StringComparison.Ordinal)), f => Assert.InRange(f.Urls, 0, 7));
        Assert.Contains(files, f => f.Name.StartsWith($"{PublicBase}/sitemaps/titles-2", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Name.StartsWith($"{PublicBase}/sitemaps/people-2", StringComparison.Ordinal));

        var client = Client;
        var failures = new List<string>();
        foreach (var url in listed)
        {
            var response = await client.GetAsync(url[PublicBase.Length..]);
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"{url}: {(int)response.StatusCode}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_film_imported_is_listed_at_once_with_the_day_it_changed()
    {
        await ReadSitemapsAsync(); // cached now
        await factory.ImportAsync(new TitlePageText("Sitemap Newcomer", 2019) { Genres = ["Drama"] });

        var (_, listed) = await ReadSitemapsAsync();

        Assert.Contains($"{PublicBase}/title/sitemap-newcomer-2019", listed);
        var file = await GetXmlAsync(await FileOfAsync("sitemap-newcomer-2019"));
        var entry = file.Root!.Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/sitemap-newcomer-2019", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", entry.Element(Sitemap + "lastmod")!.Value);
    }

    [Theory]
    [InlineData("/sitemaps/titles-0.xml")]
    [InlineData("/sitemaps/titles-01.xml")]
    [InlineData("/sitemaps/titles-99999.xml")]
    [InlineData("/sitemaps/people-99999.xml")]
    [InlineData("/sitemaps/titles-x.xml")]
    [InlineData("/sitemaps/other.xml")]
    public async Task A_file_the_index_does_not_name_is_not_found(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Robots_keep_crawlers_off_search_forms_and_moderation_lets_them_read_the_rest_and_name_the_sitemap()
    {
        var response = await Client.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains($"Sitemap: {PublicBase}/sitemap.xml", lines);
        Assert.Equal("User-agent: *", lines[0]);
        var disallowed = lines.Where(l => l.StartsWith("Disallow: ", StringComparison.Ordinal)).Select(l => RobotsRule(l["Disallow: ".Length..])).ToList();
        bool Blocked(string path) => disallowed.Any(rule => rule.IsMatch(path));

        Assert.All(["/search", "/search?q=hamlet", "/search/suggest?q=ham", "/title/in-the-soup-1992/review", "/reviews/12/vote", "/reviews/12/report",
            "/antiforgery/token", "/moderation", "/moderation/signin", "/Status/404", "/status/404"], path => Assert.True(Blocked(path), path));
        Assert.All(["/", "/title/in-the-soup-1992", "/title/in-the-soup-1992/reviews", "/title/in-the-soup-1992/reviews?sort=newest", "/title/in-the-soup-1992.json",
            "/name/steve-buscemi", "/genre/drama", "/year/1992", "/decade/1990s", "/titles?letter=i", "/sitemap.xml", "/sitemaps/titles-1.xml"], path => Assert.False(Blocked(path), path));
    }

    [Fact]
    public async Task Canonical_addresses_of_every_page_type_are_on_the_public_base_url_whatever_host_was_asked()
    {
        var client = Client;
        string Canonical(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        IEnumerable<string> JsonLdUrls(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("script[type='application/ld+json']")
            .SelectMany(s => Regex.Matches(s.TextContent, "\"(?:url|item|urlTemplate|target)\":\"([^\"]+)\"").Select(m => m.Groups[1].Value));

        var front = await HtmlPage.GetAsync(client, "/");
        var person = await HtmlPage.GetAsync(client, "/name/steve-buscemi");
        var genre = await HtmlPage.GetAsync(client, "/genre/drama");
        var title = await HtmlPage.GetAsync(client, "/title/in-the-soup-1992");
        var search = await HtmlPage.GetAsync(client, "/search?q=soup");
        using var data = JsonDocument.Parse(await client.GetStringAsync("/title/in-the-soup-1992.json"));

        Assert.Equal($"{PublicBase}/", Canonical(front));
        Assert.Equal($"{PublicBase}/name/steve-buscemi", Canonical(person));
        Assert.Equal($"{PublicBase}/genre/drama", Canonical(genre));
        Assert.Equal($"{PublicBase}/title/in-the-soup-1992", Canonical(title));
        Assert.Equal($"{PublicBase}/title/in-the-soup-1992", data.RootElement.GetProperty("url").GetString());
        var structured = new[] { front, person, genre, title, search }.SelectMany(JsonLdUrls).ToList();
        Assert.Contains($"{PublicBase}/title/in-the-soup-1992", structured);
        Assert.All(structured, url => Assert.StartsWith(PublicBase + "/", url));
    }

    /// <summary>Every file the index names and every address in them (absolute, as listed).</summary>
    private async Task<(List<(string Name, int Urls)> Files, List<string> Urls)> ReadSitemapsAsync()
    {
        var index = await GetXmlAsync($"{PublicBase}/sitemap.xml");
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = new List<(string, int)>();
        var urls = new List<string>();
        foreach (var loc in index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value))
        {
            var file = await GetXmlAsync(loc);
            Assert.Equal(Sitemap + "urlset", file.Root!.Name);
            var listed = file.Root.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
            files.Add((loc, listed.Count));
            urls.AddRange(listed);
        }
        return (files, urls);
    }

    private async Task<string> FileOfAsync(string slug)
    {
        await using var db = factory.NewDbContext();
        var id = await db.Titles.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
        return $"{PublicBase}/sitemaps/titles-{(id + 6) / 7}.xml";
    }

    private async Task<XDocument> GetXmlAsync(string url)
    {
        var response = await Client.GetAsync(url[PublicBase.Length..]);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A robots.txt path rule as crawlers read it (RFC 9309): a prefix, '*' any run of characters, a final '$' the end.</summary>
    private static Regex RobotsRule(string rule) => new(
        "^" + Regex.Escape(rule.TrimEnd('$')).Replace(@"\*", ".*", StringComparison.Ordinal) + (rule.EndsWith('$') ? "$" : ""),
        RegexOptions.CultureInvariant);
}

public sealed class SitemapSiteOnSqlite : CatalogFactory
{
    public SitemapSiteOnSqlite() => Settings = SitemapTests<SitemapSiteOnSqlite>.SiteSettings(Settings);
}

public sealed class SitemapSiteOnPostgres : PostgresCatalog
{
    public SitemapSiteOnPostgres() => Settings = SitemapTests<SitemapSiteOnPostgres>.SiteSettings(Settings);
}

public sealed class SitemapTestsOnSqlite(SitemapSiteOnSqlite site) : SitemapTests<SitemapSiteOnSqlite>(site);

public sealed class SitemapTestsOnPostgres(SitemapSiteOnPostgres site) : SitemapTests<SitemapSiteOnPostgres>(site);
