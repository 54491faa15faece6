using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Pages.Browse;

/// <summary>
/// The browse pages (genre, year, decade, A-Z) and the front page: keyset paging covers every title
/// exactly once in every order, forwards and back; odd query strings give a page, not an error;
/// title pages link into them; and the front page stays the same size however large the catalog.
/// </summary>
public abstract class BrowseTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>, IAsyncLifetime
    where TCatalog : CatalogFactory
{
    /// <summary>More films than three pages hold, with tied ratings and years, unknown ones, and names in several scripts.</summary>
    private static readonly TitlePageText[] Films = [.. Enumerable.Range(0, 140).Select(Film)];

    private static TitlePageText Film(int i)
    {
        string[] starts = ["Alpha", "Éclair", "Zebra", "Ørsted", "Москва", "2046", "Bravo", "Łąka", "the", "Ünter"];
        var name = $"{starts[i % starts.Length]} Browse {i:D3}";
        return new TitlePageText(name, 1950 + i % 37)
        {
            Rating = i % 11 == 0 ? null : 5.0 + i % 7 * 0.5,
            Votes = 100 + i,
            Genres = i % 3 == 0 ? ["Western", "Drama"] : ["Western"],

            // Films known from a card without a year: the lists' unknown years.
            Cards = i % 40 == 0 ? [new($"Yearless Browse {i}", null, "Western", 6.5, "Card Director", "Card Star")] : [],
        };
    }

    public async Task InitializeAsync() => await factory.ImportAsync(Films);

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Client => factory.CreateClient();

    [Theory]
    [InlineData("/genre/western")]
    [InlineData("/genre/western?sort=year")]
    [InlineData("/genre/western?sort=title")]
    [InlineData("/genre/western?sort=reviews")]
    [InlineData("/genre/drama?sort=year")]
    [InlineData("/decade/1960s")]
    [InlineData("/decade/1960s?sort=title")]
    [InlineData("/decade/1960s?sort=year")]
    [InlineData("/year/1961")]
    [InlineData("/year/1961?sort=title")]
    [InlineData("/titles")]
    [InlineData("/titles?sort=rating")]
    [InlineData("/titles?sort=year")]
    [InlineData("/titles?sort=reviews")]
    public async Task Paging_forwards_and_back_shows_every_title_of_the_list_exactly_once_in_order(string path)
    {
        var expected = await ExpectedAsync(path);

        var pages = new List<BrowsePage> { await BrowsePage.OpenAsync(Client, path) };
        while (await pages[^1].NextAsync() is { } next)
            pages.Add(next);
        var forwards = pages.SelectMany(p => p.Titles.Select(t => t.Slug)).ToList();

        var backwards = new List<string>();
        for (BrowsePage? page = pages[^1]; page is not null; page = await page.PreviousAsync())
            backwards.InsertRange(0, page.Titles.Select(t => t.Slug));

        Assert.Equal(expected, forwards);
        Assert.Equal(expected, backwards);
        Assert.All(pages, p => Assert.InRange(p.Titles.Count, 1, TitleLists.PageSize));
    }

    [Theory]
    [InlineData("/genre/western?after=no-such-title")]
    [InlineData("/genre/western?before=%00%22")]
    [InlineData("/genre/western?sort=%27%20OR%201=1")]
    [InlineData("/genre/western?after=&before=&sort=")]
    [InlineData("/titles?letter=%F0%9F%8E%AC")]
    [InlineData("/titles?letter=zz&after=x")]
    [InlineData("/decade/1960s?after=1e19_1")]
    public async Task An_odd_query_string_gives_the_first_page(string path)
    {
        var page = await BrowsePage.OpenAsync(Client, path);

        var first = await BrowsePage.OpenAsync(Client, path[..path.IndexOf('?')]);
        Assert.Equal(first.Titles.Select(t => t.Slug), page.Titles.Select(t => t.Slug));
    }

    [Theory]
    [InlineData("/genre/no-such-genre")]
    [InlineData("/year/1700")]
    [InlineData("/year/1949")]
    [InlineData("/decade/1960")]
    [InlineData("/decade/196Xs")]
    [InlineData("/decade/1963s")]
    public async Task A_list_that_cannot_hold_titles_is_not_found(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(path)).StatusCode);

    /// <summary>
    /// The films here span 1950 to 1986, every year of it (other tests' films may be in the catalog too): the
    /// lists' edges are where links could lead nowhere. Every link goes to a year with films, the nearest ones.
    /// </summary>
    [Theory]
    [InlineData(1950)]
    [InlineData(1961)]
    [InlineData(1986)]
    public async Task A_year_links_to_the_nearest_years_that_have_films(int year)
    {
        var years = await YearsAsync();
        var page = await HtmlPage.GetAsync(Client, $"/year/{year}");

        var links = page.QuerySelectorAll("nav[aria-label='Other years'] a").Cast<IHtmlAnchorElement>().Select(a => a.PathName).ToList();
        var expected = new[] { years.Where(y => y < year).Select(y => (int?)y).LastOrDefault(), years.Where(y => y > year).Select(y => (int?)y).FirstOrDefault() };
        Assert.Equal(expected.OfType<int>().Select(y => $"/year/{y}"), links);
        foreach (var link in links)
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(link)).StatusCode);
    }

    [Theory]
    [InlineData(1950)]
    [InlineData(1980)]
    public async Task A_decade_links_to_its_years_that_have_films_and_to_the_nearest_decades(int decade)
    {
        var years = await YearsAsync();
        var page = await HtmlPage.GetAsync(Client, $"/decade/{decade}s");

        var links = page.QuerySelectorAll("nav[aria-label='Years of the decade'] a").Cast<IHtmlAnchorElement>().Select(a => a.PathName).ToList();
        Assert.Equal(years.Where(y => y / 10 * 10 == decade).Select(y => $"/year/{y}"), links);

        // And to the nearest decades that have films, either side.
        var decades = page.QuerySelectorAll("nav[aria-label='Other decades'] a").Cast<IHtmlAnchorElement>().Select(a => a.PathName).ToList();
        var expected = new[] { years.Where(y => y < decade).Select(y => (int?)y).LastOrDefault(), years.Where(y => y > decade + 9).Select(y => (int?)y).FirstOrDefault() };
        Assert.Equal(expected.OfType<int>().Select(y => $"/decade/{y / 10 * 10}s"), decades);
        foreach (var link in links.Concat(decades))
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(link)).StatusCode);
    }

    /// <summary>The years that have titles, in order.</summary>
    private Task<List<int>> YearsAsync() => factory.Catalog.ReadAsync(db =>
        db.Titles.Where(t => t.Year != null).Select(t => t.Year!.Value).Distinct().OrderBy(y => y).ToListAsync());

    [Theory]
    [InlineData("/year/01961")]
    [InlineData("/year/+1961")]
    [InlineData("/year/001961?sort=title")]
    public async Task A_year_written_another_way_moves_to_its_one_address(string path)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/year/1961" + (path.Contains('?') ? path[path.IndexOf('?')..] : ""), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_letter_starts_the_index_at_its_first_title()
    {
        var page = await BrowsePage.OpenAsync(Client, "/titles?letter=z");

        Assert.StartsWith("Zebra Browse", page.Titles[0].Name);
        Assert.NotNull(await page.PreviousAsync());
        // Another script is under the letter of its Latin spelling, as search finds it.
        var m = await BrowsePage.OpenAsync(Client, "/titles?letter=m");
        Assert.StartsWith("Москва Browse", m.Titles[0].Name);
        var digits = await BrowsePage.OpenAsync(Client, "/titles?letter=0-9");
        Assert.StartsWith("2046 Browse", digits.Titles[0].Name);
    }

    [Fact]
    public async Task Every_title_in_another_order_is_the_catalogs_chart_without_letters()
    {
        var az = await HtmlPage.GetAsync(Client, "/titles");
        var chart = await HtmlPage.GetAsync(Client, "/titles?sort=rating&letter=z");

        Assert.NotNull(az.QuerySelector("nav[aria-label=Letters]"));
        Assert.Null(chart.QuerySelector("nav[aria-label=Letters]"));
        Assert.Equal("All titles, highest rated", chart.QuerySelector("h1")?.TextContent);
        Assert.Equal("Highest rated", chart.QuerySelector("nav.sort-choice a[aria-current]")?.TextContent);
        // The letter belongs to the A-Z order: the chart starts at its top, whatever the letter.
        Assert.Equal((await ExpectedAsync("/titles?sort=rating"))[0], (await BrowsePage.OpenAsync(Client, "/titles?sort=rating&letter=z")).Titles[0].Slug);
    }

    [Fact]
    public async Task A_letter_with_no_titles_says_so_and_the_list_goes_on_from_the_next()
    {
        var folded = await factory.Catalog.ReadAsync(db => db.TitleListings.Where(l => l.Genre == TitleListing.AllTitles).Select(l => l.Folded).ToListAsync());
        var empty = Enumerable.Range('a', 26).Select(c => ((char)c).ToString()).First(letter => !folded.Any(f => f.StartsWith(letter, StringComparison.Ordinal)));
        var next = folded.Where(f => string.CompareOrdinal(f, empty) > 0).Order(StringComparer.Ordinal).First();

        var page = await HtmlPage.GetAsync(Client, $"/titles?letter={empty}");

        Assert.Equal($"No title begins with {empty.ToUpperInvariant()}: the list goes on from the next letter that has one.",
            page.QuerySelector("p.list-note[role=status]")?.TextContent);
        Assert.Equal(next, TextFold.Fold((await BrowsePage.OpenAsync(Client, $"/titles?letter={empty}")).Titles[0].Name));
        Assert.Null((await HtmlPage.GetAsync(Client, "/titles?letter=z")).QuerySelector("p.list-note[role=status]"));
    }

    [Fact]
    public async Task A_title_page_links_its_genres_and_year_to_their_lists()
    {
        var film = Films[1];
        var title = await TitlePage.GetAsync(Client, film.Slug);

        var genre = title.Main.QuerySelectorAll("a").Cast<IHtmlAnchorElement>().Single(a => a.PathName == "/genre/western");
        var year = title.Main.QuerySelectorAll("a").Cast<IHtmlAnchorElement>().Single(a => a.PathName == $"/year/{film.Year}");
        Assert.Equal("Western", genre.TextContent);

        Assert.Contains(await ExpectedAsync("/genre/western"), s => s == film.Slug);
        Assert.Contains((await BrowsePage.OpenAsync(Client, year.PathName)).Titles, t => t.Slug == film.Slug);
    }

    [Fact]
    public async Task A_list_describes_its_titles_for_search_engines()
    {
        var page = await BrowsePage.OpenAsync(Client, "/genre/western");
        var script = page.Document.QuerySelector("script[type='application/ld+json']")!;

        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal("ItemList", json.RootElement.GetProperty("@type").GetString());
        var items = json.RootElement.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(page.Titles.Count, items.Count);
        Assert.EndsWith($"/title/{page.Titles[0].Slug}", items[0].GetProperty("url").GetString());
        Assert.Equal(1, items[0].GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task The_front_page_shows_bounded_lists_however_many_titles_there_are()
    {
        var page = await SitePage.GetAsync(Client, "/");

        Assert.NotNull(page.Main.QuerySelector("form[role=search] input[name=q]"));
        var titleLinks = page.Main.QuerySelectorAll("a").Cast<IHtmlAnchorElement>().Count(a => a.PathName.StartsWith("/title/", StringComparison.Ordinal));
        Assert.InRange(titleLinks, 1, 2 * Web.Pages.IndexModel.ReviewsShown + 2 * Web.Pages.IndexModel.RatedShown + 1);
        Assert.Contains(page.Main.QuerySelectorAll("a").Cast<IHtmlAnchorElement>(), a => a.PathName == "/genre/western");
        Assert.Contains(page.Main.QuerySelectorAll("a").Cast<IHtmlAnchorElement>(), a => a.PathName == "/decade/1960s");
        Assert.Contains(page.Main.QuerySelectorAll("a").Cast<IHtmlAnchorElement>(), a => a.PathName == "/titles");

        using var json = JsonDocument.Parse(page.Document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("WebSite", json.RootElement.GetProperty("@type").GetString());
        var action = json.RootElement.GetProperty("potentialAction");
        Assert.Equal("SearchAction", action.GetProperty("@type").GetString());
        Assert.EndsWith("/search?q={search_term_string}", action.GetProperty("target").GetProperty("urlTemplate").GetString());
    }

    [Fact]
    public async Task A_review_posted_here_is_on_the_front_page_at_once()
    {
        var client = Client;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // cached, then evicted by the post
        var headline = $"Front page review {Guid.NewGuid():N}"[..30];
        var form = await ReviewForm.OpenForAsync(client, Films[5].Slug);
        await form.PostAsync(ReviewForm.Values(headline, "9", string.Concat(Enumerable.Repeat("A review that says something about the film. ", 4))));

        var front = await SitePage.GetAsync(client, "/");

        var recent = front.Main.QuerySelector("#recent-heading")!.ParentElement!;
        Assert.Contains(headline, SitePage.Text(recent));
    }

    /// <summary>What the list at <paramref name="path"/> holds, in its order, read from the catalog itself.</summary>
    private Task<List<string>> ExpectedAsync(string path) => factory.Catalog.ReadAsync(async db =>
    {
        var (route, query) = path.Contains('?', StringComparison.Ordinal) ? (path[..path.IndexOf('?')], path[(path.IndexOf('?') + 1)..]) : (path, "");
        var sort = query.Split('&').Select(p => p.Split('=')).Where(p => p[0] == "sort").Select(p => p[1]).FirstOrDefault();
        var titles = await db.Titles.Select(t => new
        {
            t.Id,
            t.Slug,
            t.Name,
            t.Year,
            t.Rating,
            t.ReviewCount,
            Genres = t.Facts.Where(f => f.Kind == TitleFactKind.Genre).Select(f => f.Text).ToList(),
        }).ToListAsync();

        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var chosen = segments switch
        {
            ["genre", var genre] => titles.Where(t => t.Genres.Any(g => TitleListing.KeyOf(g) == genre)),
            ["year", var year] => titles.Where(t => t.Year == int.Parse(year, CultureInfo.InvariantCulture)),
            ["decade", var decade] => titles.Where(t => t.Year / 10 * 10 == int.Parse(decade[..4], CultureInfo.InvariantCulture)),
            _ => titles,
        };
        var rating = (double? r) => TitleListing.TenthsOf(r);
        var ordered = (segments[0], sort) switch
        {
            ("titles", null) or (_, "title") => chosen.OrderBy(t => TextFold.Fold(t.Name), StringComparer.Ordinal).ThenBy(t => t.Id),
            (_, "year") => chosen.OrderByDescending(t => t.Year ?? 0).ThenByDescending(t => rating(t.Rating)).ThenByDescending(t => t.Id),
            (_, "reviews") => chosen.OrderByDescending(t => t.ReviewCount).ThenByDescending(t => t.Id),
            _ => chosen.OrderByDescending(t => rating(t.Rating)).ThenByDescending(t => t.Id),
        };
        return ordered.Select(t => t.Slug).ToList();
    });
}

public sealed class BrowseTestsOnSqlite(SqliteCatalog factory) : BrowseTests<SqliteCatalog>(factory);

public sealed class BrowseTestsOnPostgres(PostgresCatalog factory) : BrowseTests<PostgresCatalog>(factory);
