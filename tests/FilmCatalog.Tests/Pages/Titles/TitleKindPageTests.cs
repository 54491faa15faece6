using System.Text.Json;

namespace FilmCatalog.Tests.Pages.Titles;

/// <summary>
/// A title that is not a film says so wherever a visitor meets it: its page's header, its structured data, its
/// JSON, and the rows of the lists that name it; a film says nothing of the kind. On each provider, through the importer.
/// </summary>
public abstract class TitleKindPageTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    /// <summary>"Harbour Lights (TV Series 1994–2004)", whose cards name "Tidewater (TV Series 2005– )" and "Keeper's Log (Video Game 2008)".</summary>
    private Task ImportSeriesAsync() =>
        factory.ImportAsync("title_kind_tv_series.txt", File.ReadAllBytes(RepositoryPaths.Fixture("title_kind_tv_series.txt")));

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync(path));
        return document.RootElement.Clone();
    }

    private static JsonElement JsonLdOf(TitlePage page)
    {
        using var document = JsonDocument.Parse(page.JsonLd);
        return document.RootElement.Clone();
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString() : null;

    [Fact]
    public async Task A_series_page_shows_its_kind_and_run_in_its_header_structured_data_and_json()
    {
        await ImportSeriesAsync();
        var client = factory.CreateClient();

        var page = await TitlePage.GetAsync(client, "harbour-lights-1994");
        Assert.Equal("Harbour Lights (1994)", page.Heading);
        Assert.Equal("TV Series · 1994–2004", page.Kind);
        Assert.Equal("Lights Along the Coast (Video 2006)", Assert.Single(page.Connections).Title);

        var jsonLd = JsonLdOf(page);
        Assert.Equal(("TVSeries", "1994", "2004"), (StringOf(jsonLd, "@type"), StringOf(jsonLd, "startDate"), StringOf(jsonLd, "endDate")));

        var data = await GetJsonAsync(client, "/title/harbour-lights-1994.json");
        Assert.Equal(("TV Series", 1994, 2004), (data.GetProperty("kind").GetString(), data.GetProperty("year").GetInt32(), data.GetProperty("endYear").GetInt32()));
        Assert.False(data.TryGetProperty("openRun", out _));
        var connection = Assert.Single(data.GetProperty("didYouKnow").GetProperty("connections").EnumerateArray());
        Assert.Equal(("Featured in", "Video", 2006), (connection.GetProperty("kind").GetString(), connection.GetProperty("titleKind").GetString(), connection.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task A_series_is_labelled_with_its_kind_and_run_in_the_lists_that_name_it()
    {
        await ImportSeriesAsync();
        var client = factory.CreateClient();

        static void AssertSeriesRow(IReadOnlyList<ListedTitleItem> rows)
        {
            var row = Assert.Single(rows, r => r.Slug == "harbour-lights-1994");
            Assert.Equal("1994–2004", row.Year);
            Assert.StartsWith("TV Series · Drama, Family", row.Meta, StringComparison.Ordinal);
        }

        AssertSeriesRow((await BrowsePage.OpenAsync(client, "/genre/family")).Titles);
        AssertSeriesRow((await BrowsePage.OpenAsync(client, "/year/1994")).Titles);
        AssertSeriesRow((await BrowsePage.OpenAsync(client, "/titles?letter=h")).Titles);
        AssertSeriesRow((await SearchPage.GetAsync(client, "harbour lights")).Titles);

        var game = Assert.Single((await BrowsePage.OpenAsync(client, "/genre/adventure")).Titles, r => r.Slug == "keepers-log-2008");
        Assert.Equal(("2008", "Video Game · Adventure · 6.9/10"), (game.Year, game.Meta));

        var person = await PersonPage.GetAsync(client, "owen-pascoe");
        Assert.Equal("TV Series", person.KindOf("Harbour Lights"));
        Assert.Equal("Video Game", person.KindOf("Keeper's Log"));
    }

    [Fact]
    public async Task Lists_that_may_hold_a_series_count_and_head_it_as_titles_not_films()
    {
        await ImportSeriesAsync();
        var client = factory.CreateClient();

        Assert.Equal("Family titles", (await BrowsePage.OpenAsync(client, "/genre/family")).Heading);
        Assert.Equal("Titles of 1994", (await BrowsePage.OpenAsync(client, "/year/1994")).Heading);
        Assert.Equal("Titles of the 1990s", (await BrowsePage.OpenAsync(client, "/decade/1990s")).Heading);
        var genres = await GenresPage.OpenAsync(client);
        Assert.Contains(genres.Genres, g => g.Name == "Family");
        Assert.DoesNotContain("film", SitePage.Text(genres.Main), StringComparison.OrdinalIgnoreCase);

        var person = await PersonPage.GetAsync(client, "owen-pascoe");
        Assert.Matches(@"^\d+ titles? in the catalog: star in \d+ titles?", person.Summary);
        Assert.DoesNotContain("film", person.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Titles", person.Main.QuerySelector("#films-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suggestion_says_what_a_title_is_and_its_run_when_it_is_not_a_film()
    {
        await ImportSeriesAsync();
        await factory.ImportAsync(new TitlePageText("Harbour Lights", 1957) { Genres = ["Drama"], Votes = 10, Rating = 6.0 });
        var client = factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/search/suggest?q=harbour%20lights"));
        var titles = json.RootElement.GetProperty("titles").EnumerateArray().ToList();
        var series = titles.Single(t => t.GetProperty("url").GetString() == "/title/harbour-lights-1994");
        Assert.Equal("TV Series", series.GetProperty("kind").GetString());
        Assert.Equal("TV Series · 1994–2004 · Drama, Family", series.GetProperty("detail").GetString());

        var film = titles.Single(t => t.GetProperty("url").GetString() == "/title/harbour-lights-1957");
        Assert.Equal(JsonValueKind.Null, film.TryGetProperty("kind", out var kind) ? kind.ValueKind : JsonValueKind.Null);
        Assert.Equal("1957 · Drama", film.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_card_gives_the_title_known_only_from_it_its_kind_and_open_run()
    {
        await ImportSeriesAsync();
        var client = factory.CreateClient();

        var series = await TitlePage.GetAsync(client, "tidewater-2005");
        Assert.Equal("TV Series · 2005–", series.Kind);
        var jsonLd = JsonLdOf(series);
        Assert.Equal(("TVSeries", "2005", null), (StringOf(jsonLd, "@type"), StringOf(jsonLd, "startDate"), StringOf(jsonLd, "endDate")));
        var data = await GetJsonAsync(client, "/title/tidewater-2005.json");
        Assert.Equal(("TV Series", true), (data.GetProperty("kind").GetString(), data.GetProperty("openRun").GetBoolean()));
        Assert.False(data.TryGetProperty("endYear", out _));

        var game = await TitlePage.GetAsync(client, "keepers-log-2008");
        Assert.Equal("Video Game · 2008", game.Kind);
        Assert.Equal("VideoGame", StringOf(JsonLdOf(game), "@type"));
    }

    [Fact]
    public async Task A_film_shows_no_kind_and_its_cards_without_one_leave_the_kinds_of_the_titles_they_name()
    {
        await ImportSeriesAsync();
        var film = new TitlePageText("Quiet Harbour", 2001)
        {
            Genres = ["Drama"],
            Stars = ["Owen Pascoe"],
            Cards = [new("Harbour Lights", 1994, "Drama", 8.1, "Maren Tallis", "Owen Pascoe"), new("Tidewater", 2005, "Drama", 7.7, "Ann Lee", "Bob Roe")],
        };
        await factory.ImportAsync(film);
        var client = factory.CreateClient();

        var page = await TitlePage.GetAsync(client, film.Slug);
        Assert.Null(page.Kind);
        Assert.Equal("Movie", StringOf(JsonLdOf(page), "@type"));
        Assert.Equal("Film", (await GetJsonAsync(client, $"/title/{film.Slug}.json")).GetProperty("kind").GetString());
        var row = Assert.Single((await BrowsePage.OpenAsync(client, "/year/2001")).Titles, r => r.Slug == film.Slug);
        Assert.Equal(("2001", "Drama"), (row.Year, row.Meta));
        Assert.Null((await PersonPage.GetAsync(client, "owen-pascoe")).KindOf("Quiet Harbour"));

        // The series' own page said what it is; the card-only series keeps what an earlier card said.
        Assert.Equal("TV Series · 1994–2004", (await TitlePage.GetAsync(client, "harbour-lights-1994")).Kind);
        Assert.Equal("TV Series · 2005–", (await TitlePage.GetAsync(client, "tidewater-2005")).Kind);
    }

    [Fact]
    public async Task A_newer_capture_replaces_the_kind_and_run_and_a_title_s_own_page_outweighs_any_card()
    {
        var client = factory.CreateClient();
        var first = new TitlePageText("Lantern Bay", 2009)
        {
            Kind = "TV Series",
            Run = "– ",
            Genres = ["Drama"],
            Cards = [new("Saltmarsh", 2011, "Crime", 7.0, "Ann Lee", "Bob Roe") { Kind = "TV Mini-Series" }],
        };
        await factory.ImportAsync(first);
        Assert.Equal("TV Series · 2009–", (await TitlePage.GetAsync(client, "lantern-bay-2009")).Kind);
        Assert.Equal("TV Mini-Series · 2011", (await TitlePage.GetAsync(client, "saltmarsh-2011")).Kind);

        await factory.ImportAsync(first with
        {
            Run = "–2013",
            Summary = "A newer capture of the series, saved after its last season had been shown.",
            Cards = [new("Saltmarsh", 2011, "Crime", 7.2, "Ann Lee", "Bob Roe") { Kind = "TV Series", Run = "–2012" }],
        });
        Assert.Equal("TV Series · 2009–2013", (await TitlePage.GetAsync(client, "lantern-bay-2009")).Kind);
        var data = await GetJsonAsync(client, "/title/lantern-bay-2009.json");
        Assert.Equal(2013, data.GetProperty("endYear").GetInt32());
        Assert.False(data.TryGetProperty("openRun", out _));
        Assert.Equal("TV Series · 2011–2012", (await TitlePage.GetAsync(client, "saltmarsh-2011")).Kind);

        // Its own page says it is a film; a card naming it as a series no longer changes that.
        await factory.ImportAsync(new TitlePageText("Saltmarsh", 2011) { Genres = ["Crime"] });
        Assert.Null((await TitlePage.GetAsync(client, "saltmarsh-2011")).Kind);
        await factory.ImportAsync(first with { Summary = "A third capture of the series, whose card still calls Saltmarsh a series." });
        Assert.Null((await TitlePage.GetAsync(client, "saltmarsh-2011")).Kind);
        Assert.Equal("Movie", StringOf(JsonLdOf(await TitlePage.GetAsync(client, "saltmarsh-2011")), "@type"));
    }
}

public sealed class TitleKindPageTestsOnSqlite(SqliteCatalog factory) : TitleKindPageTests<SqliteCatalog>(factory);

public sealed class TitleKindPageTestsOnPostgres(PostgresCatalog factory) : TitleKindPageTests<PostgresCatalog>(factory);
