using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Pages.Browse;

/// <summary>
/// <c>/genres</c> and <c>/decades</c>: every genre and every decade the catalog holds, with the counts the catalog's own
/// titles give, after an import and after a newer capture moves a film between genres and names a film of a new year;
/// served from the page cache until an import changes them; reached from every page's header and the front page.
/// </summary>
public abstract class GenresAndDecadesTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>, IAsyncLifetime
    where TCatalog : CatalogFactory
{
    private static readonly TitlePageText[] Films =
    [
        .. Enumerable.Range(0, 12).Select(i => new TitlePageText($"Index Film {i:D2}", 1958 + (i * 3))
        {
            Rating = i % 4 == 0 ? null : 5.0 + (i % 5 * 0.5),
            Votes = 100 + i,
            Genres = i % 2 == 0 ? ["Western", "Index-Noir"] : ["Western"],
        }),
        new TitlePageText("Index Unrated Film", 1961) { Genres = ["Index-Unrated"] },
    ];

    public async Task InitializeAsync() => await factory.ImportAsync(Films);

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task Every_genre_is_listed_A_to_Z_with_its_number_of_titles_and_its_best_rated_title()
    {
        var page = await GenresPage.OpenAsync(Client);

        var expected = await ExpectedGenresAsync();
        Assert.Equal(expected.Select(g => ($"/genre/{g.Genre}", g.Titles, g.BestRated is { } best ? $"/title/{best}" : null)),
            page.Genres.Select(g => (g.Href, g.Titles, g.BestRatedHref)));
        Assert.Equal(page.Genres.Select(g => g.Name).Order(StringComparer.OrdinalIgnoreCase), page.Genres.Select(g => g.Name));
        Assert.StartsWith("Best rated: Index Film ", Assert.Single(page.Genres, g => g.Name == "Index-Noir").BestRated, StringComparison.Ordinal);
        // A genre none of whose titles has a rating names no best-rated title.
        Assert.Null(Assert.Single(page.Genres, g => g.Name == "Index-Unrated").BestRated);

        foreach (var genre in page.Genres)
        {
            var list = await BrowsePage.OpenAsync(Client, genre.Href);
            Assert.StartsWith(genre.Name, list.Heading, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_decade_is_listed_newest_first_with_its_years_that_have_titles_and_their_counts()
    {
        var page = await DecadesPage.OpenAsync(Client);

        var years = await ExpectedYearsAsync();
        var expected = years.GroupBy(y => y.Year / 10 * 10).OrderByDescending(d => d.Key)
            .Select(d => ($"/decade/{d.Key}s", d.Sum(y => y.Titles), string.Join(" ", d.OrderBy(y => y.Year).Select(y => $"/year/{y.Year}={y.Titles}"))));
        Assert.Equal(expected, page.Decades.Select(d => (d.Href, d.Titles, string.Join(" ", d.Years.Select(y => $"{y.Href}={y.Titles}")))));
        Assert.Contains(page.Decades, d => d.Name == "The 1950s");

        foreach (var link in page.Decades.Select(d => d.Href).Concat(page.Decades.SelectMany(d => d.Years.Select(y => y.Href))))
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_newer_capture_that_changes_a_films_genres_and_names_a_film_of_a_new_year_reaches_both_pages_through_the_cache()
    {
        var client = Client;
        var westerns = (await GenresPage.OpenAsync(client)).Genres.Single(g => g.Name == "Western").Titles;
        foreach (var path in new[] { "/genres", "/decades" })
        {
            await client.GetAsync(path);
            Assert.NotNull((await client.GetAsync(path)).Headers.Age); // served from the cache, which the import must empty
        }

        // Film 1 was a western only; its newer capture is a musical, and its card names a film of a year no title had.
        var newer = Films[1] with
        {
            Votes = 5000,
            Genres = ["Musical"],
            Cards = [new("Index Card Film", 1931, "Musical", 6.1, "Card Director", "Card Star")],
        };
        await factory.ImportAsync(newer);

        var genres = (await GenresPage.OpenAsync(client)).Genres;
        var expected = await ExpectedGenresAsync();
        Assert.Equal(expected.Select(g => ($"/genre/{g.Genre}", g.Titles)), genres.Select(g => (g.Href, g.Titles)));
        Assert.Equal(2, genres.Single(g => g.Name == "Musical").Titles); // the film, and the card-only film its card names
        Assert.Equal(westerns - 1, genres.Single(g => g.Name == "Western").Titles);

        var decades = (await DecadesPage.OpenAsync(client)).Decades;
        var oldest = decades[^1];
        Assert.Equal(("/decade/1930s", 1, "/year/1931"), (oldest.Href, oldest.Titles, Assert.Single(oldest.Years).Href));
    }

    [Fact]
    public async Task Every_page_links_to_both_pages_and_the_front_page_keeps_its_short_lists_with_a_link_to_each()
    {
        var title = await TitlePage.GetAsync(Client, Films[0].Slug);
        var header = title.Document.QuerySelectorAll("header.site-header a").Cast<IHtmlAnchorElement>().ToList();
        Assert.Equal("/genres", header.Single(a => a.TextContent == "Genres").PathName);
        Assert.Equal("/decades", header.Single(a => a.TextContent == "Decades").PathName);

        var front = await SitePage.GetAsync(Client, "/");
        var links = front.Main.QuerySelectorAll("a").Cast<IHtmlAnchorElement>().ToList();
        Assert.Equal("/genres", links.Single(a => SitePage.Text(a).StartsWith("All genres", StringComparison.Ordinal)).PathName);
        Assert.Equal("/decades", links.Single(a => SitePage.Text(a).StartsWith("All decades", StringComparison.Ordinal)).PathName);
        Assert.Contains(links, a => a.PathName == "/genre/western");
        Assert.Contains(links, a => a.PathName == "/decade/1950s");

        // Only decades that have titles: the seed's 2013 film once made it list the empty 2000s too, a link to a 404.
        var decades = await ExpectedYearsAsync();
        Assert.Equal(decades.Select(y => y.Year / 10 * 10).Distinct().Order().Select(d => $"/decade/{d}s"),
            links.Where(a => a.PathName.StartsWith("/decade/", StringComparison.Ordinal)).Select(a => a.PathName));
    }

    [Theory]
    [InlineData("/genres", "/genre/")]
    [InlineData("/decades", "/decade/")]
    public async Task Each_page_names_its_canonical_address_and_describes_its_lists_for_search_engines(string path, string itemPath)
    {
        var page = await HtmlPage.GetAsync(Client, path);

        Assert.EndsWith(path, page.QuerySelector<IHtmlLinkElement>("link[rel=canonical]")!.Href, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("ItemList", json.RootElement.GetProperty("@type").GetString());
        var items = json.RootElement.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(page.QuerySelectorAll("main .index-item").Length, items.Count);
        Assert.All(items, item => Assert.Contains(itemPath, item.GetProperty("url").GetString(), StringComparison.Ordinal));
    }

    /// <summary>The genres the catalog's titles have, A-Z by name, with how many titles each and its best-rated title's slug.</summary>
    private Task<List<(string Genre, int Titles, string? BestRated)>> ExpectedGenresAsync() => factory.Catalog.ReadAsync(async db =>
    {
        var titles = await db.Titles.Select(t => new
        {
            t.Id,
            t.Slug,
            t.Rating,
            Genres = t.Facts.Where(f => f.Kind == TitleFactKind.Genre).Select(f => f.Text).ToList(),
        }).ToListAsync();
        return titles
            .SelectMany(t => t.Genres.Select(g => (Key: TitleListing.KeyOf(g), Name: g.Trim(), Title: t)))
            .DistinctBy(g => (g.Key, g.Title.Id))
            .GroupBy(g => g.Key)
            .OrderBy(g => g.First().Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Count(), g.Select(x => x.Title).Where(t => t.Rating is not null)
                .OrderByDescending(t => TitleListing.TenthsOf(t.Rating)).ThenByDescending(t => t.Id).Select(t => t.Slug).FirstOrDefault()))
            .ToList();
    });

    /// <summary>The years the catalog's titles have, with how many titles each.</summary>
    private Task<List<(int Year, int Titles)>> ExpectedYearsAsync() => factory.Catalog.ReadAsync(async db =>
        (await db.Titles.Where(t => t.Year != null).Select(t => t.Year!.Value).ToListAsync())
            .GroupBy(y => y).Select(g => (g.Key, g.Count())).ToList());
}

public sealed class GenresAndDecadesTestsOnSqlite(SqliteCatalog factory) : GenresAndDecadesTests<SqliteCatalog>(factory);

public sealed class GenresAndDecadesTestsOnPostgres(PostgresCatalog factory) : GenresAndDecadesTests<PostgresCatalog>(factory);
