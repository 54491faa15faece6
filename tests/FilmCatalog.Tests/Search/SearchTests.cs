using System.Net;
using System.Text.Json;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Search;

/// <summary>
/// Search as a visitor uses it, on a catalog of films imported through the real importer: the
/// ranking table (accents, strokes, prefixes, word order, also-known-as titles, years, people), the
/// grouped results with why each matched, and every kind of hostile query.
/// </summary>
public abstract class SearchTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>, IAsyncLifetime
    where TCatalog : CatalogFactory
{
    /// <summary>The films every test here searches: imported once per catalog (importing again changes nothing).</summary>
    public static readonly TitlePageText[] Films =
    [
        new("Amélie", 2001) { Rating = 8.3, Votes = 500_000, Genres = ["Comedy", "Romance"], AlsoKnownAs = [("Le fabuleux destin d'Amélie Poulain", "France")], Cast = [("Audrey Tautou", "Amélie Poulain")] },
        new("Amelie Goes Home", 1999) { Rating = 6.1, Votes = 900_000, Genres = ["Comedy"] },
        new("Łódź Story", 1990) { Rating = 7.0, Votes = 1_200, Genres = ["Drama"], Cast = [("Łukasz Nowak", "Jan")] },
        new("Hamlet", 1996) { Rating = 7.7, Votes = 30_000, Genres = ["Drama"], Cast = [("Kenneth Branagh", "Hamlet")] },
        new("Hamlet", 1948) { Rating = 7.6, Votes = 20_000, Genres = ["Drama"], Cast = [("Laurence Olivier", "Hamlet")] },
        new("Hamlet Goes Business", 1987) { Rating = 6.5, Votes = 2_000_000, Genres = ["Comedy"] },
        new("Star Wars", 1977) { Rating = 8.6, Votes = 1_000_000, Genres = ["Sci-Fi"], Cast = [("Mark Hamill", "Luke Skywalker")] },
        new("The Lighthouse Keepers", 2003) { Rating = 6.8, Votes = 800, Genres = ["Drama"], AlsoKnownAs = [("Fyrvokterne", "Norway")] },
        new("Blade Runner 2049", 2017) { Rating = 8.0, Votes = 400_000, Genres = ["Sci-Fi"] },
        new("Summer 1985", 2005) { Rating = 6.0, Votes = 3_000, Genres = ["Drama"] },
        new("2001: A Space Odyssey", 1968) { Rating = 8.3, Votes = 600_000, Genres = ["Sci-Fi"] },
        new("In the Harbour", 1992)
        {
            Genres = ["Drama"],
            Cast = [("Steve Buscemi", "Joe"), ("Busby Berkeley", null)],
            // A card naming a film with no page of its own makes it a card-only title.
            Cards = [new("Hamlet", 1921, "Drama", 6.0, "Svend Gade", "Asta Nielsen"), new(null, null, "Comedy", 7.5, "Tom DiCillo", "Steve Buscemi", "Catherine Keener")],
        },
        new("Trees Lounge", 1996) { Rating = 7.2, Votes = 9_000, Genres = ["Comedy"], Directors = ["Steve Buscemi"], Cast = [("Steve Buscemi", "Tommy")] },

        // One film with three names holding the same word: read a few names, and they may all be its.
        new("Zebra Crossing", 2010) { Votes = 10, Genres = ["Drama"], AlsoKnownAs = [("Zebra Street", "UK"), ("Zebra Way", "USA")] },
        .. NightFilms(),
    ];

    /// <summary>
    /// Thirty-one films a one-word query finds: named exactly so, beginning with it, holding it; with
    /// one to six words more; full pages and a card-only film; votes that tie. Enough for pages whose
    /// boundaries fall inside groups of names that rank alike but for popularity.
    /// </summary>
    private static IEnumerable<TitlePageText> NightFilms()
    {
        yield return new("Nightfall", 1956) { Votes = 5, Genres = ["Film-Noir"], Cards = [new("Nightfall", 1931, "Drama", 5.0, "Anon Director", "Anon Star")] };
        for (var i = 0; i < 30; i++)
        {
            var more = string.Join(' ', Enumerable.Range(0, 1 + i % 6).Select(w => ((char)('a' + (i + w) % 26)).ToString() + "ox"));
            var name = (i % 3) switch { 0 => $"Nightfall {more}", 1 => $"The {more} Nightfall", _ => "Nightfall" };
            yield return new(name, 1930 + i) { Votes = (i * 7919) % 11 * 100, Genres = [i % 2 == 0 ? "Drama" : "Comedy"] };
        }
    }

    public async Task InitializeAsync() => await factory.ImportAsync(Films);

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Client => factory.CreateClient();

    [Theory]
    [InlineData("amelie", "amelie-2001")]
    [InlineData("AMÉLIE", "amelie-2001")]
    [InlineData("Amélie", "amelie-2001")]
    [InlineData("ame", "amelie-2001")]
    [InlineData("amelie goes", "amelie-goes-home-1999")]
    [InlineData("lodz", "lodz-story-1990")]
    [InlineData("Łódź", "lodz-story-1990")]
    [InlineData("story lodz", "lodz-story-1990")]
    [InlineData("hamlet", "hamlet-1996")]
    [InlineData("hamlet 1948", "hamlet-1948")]
    [InlineData("HAMLET (1948)", "hamlet-1948")]
    [InlineData("hamlet 1921", "hamlet-1921")]
    [InlineData("hamlet goes", "hamlet-goes-business-1987")]
    [InlineData("star wa", "star-wars-1977")]
    [InlineData("wars star", "star-wars-1977")]
    [InlineData("fyrvokterne", "the-lighthouse-keepers-2003")]
    [InlineData("fyrvok", "the-lighthouse-keepers-2003")]
    [InlineData("fabuleux destin", "amelie-2001")]
    [InlineData("blade runner 2049", "blade-runner-2049-2017")]
    [InlineData("summer 1985", "summer-1985-2005")]
    [InlineData("summer 2005", "summer-1985-2005")]
    [InlineData("2001", "2001-a-space-odyssey-1968")]
    [InlineData("2001 space", "2001-a-space-odyssey-1968")]
    public async Task The_first_title_found_is_the_one_a_visitor_means(string query, string firstSlug)
    {
        var page = await SearchPage.GetAsync(Client, query);

        Assert.NotEmpty(page.Titles);
        Assert.Equal(firstSlug, page.Titles[0].Slug);
        Assert.Equal(query, page.BoxValue);
    }

    [Fact]
    public async Task Exact_names_come_first_full_pages_before_card_only_films_then_names_that_begin_so()
    {
        var page = await SearchPage.GetAsync(Client, "hamlet");

        // Both full pages named exactly so (the more popular first), the card-only film, then the longer name,
        // although "Hamlet Goes Business" has the most votes of all.
        Assert.Equal(["hamlet-1996", "hamlet-1948", "hamlet-1921", "hamlet-goes-business-1987"], page.Titles.Take(4).Select(t => t.Slug));
        Assert.True(page.Titles[2].IsCardOnly);
        Assert.False(page.Titles[0].IsCardOnly);
    }

    [Fact]
    public async Task Every_page_of_results_is_its_slice_of_the_whole_ranking()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();
        var query = SearchQuery.Parse("nightfall");
        var all = await search.TitlesAsync(query, 0, 1_000, CatalogSearch.Candidates, CancellationToken.None);
        Assert.Equal(31, all.Total);
        Assert.Equal(31, all.Hits.Select(h => h.Slug).Distinct().Count());
        Assert.Equal(MatchTier.Exact, all.Hits[0].Tier);
        Assert.True(all.Hits.Select(h => h.Tier).SequenceEqual(all.Hits.Select(h => h.Tier).Order()));

        foreach (var take in (int[])[1, 4, 7, 20])
        {
            for (var skip = 0; skip < all.Total + take; skip += take)
            {
                var page = await search.TitlesAsync(query, skip, take, CatalogSearch.Candidates, CancellationToken.None);
                Assert.Equal(all.Hits.Skip(skip).Take(take).Select(h => (h.Slug, string.Join(", ", h.Genres))), page.Hits.Select(h => (h.Slug, string.Join(", ", h.Genres))));
                Assert.Equal(all.Total, page.Total);
            }
        }
    }

    /// <summary>
    /// The results are the best names read, at most <c>candidates</c> titles: the count said is what the pages hold,
    /// and a page past it is empty (the search page's "More titles" looped on its last page, the count above it).
    /// </summary>
    [Fact]
    public async Task Results_stop_where_the_names_read_do_and_say_so()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();
        var query = SearchQuery.Parse("nightfall");
        var all = await search.TitlesAsync(query, 0, 1_000, CatalogSearch.Candidates, CancellationToken.None);
        Assert.False(all.Capped);

        const int candidates = 10;
        var first = await search.TitlesAsync(query, 0, 1_000, candidates, CancellationToken.None);
        Assert.True(first.Capped);
        Assert.Equal(candidates, first.Total);
        Assert.Equal(candidates, first.Hits.Count);
        var paged = new List<string>();
        for (var skip = 0; skip < candidates; skip += 4)
            paged.AddRange((await search.TitlesAsync(query, skip, 4, candidates, CancellationToken.None)).Hits.Select(h => h.Slug));
        Assert.Equal(first.Hits.Select(h => h.Slug), paged);
        Assert.Empty((await search.TitlesAsync(query, candidates, 4, candidates, CancellationToken.None)).Hits);
    }

    /// <summary>Three names of one film match "zebra": two names read are one title, and there were more names to read.</summary>
    [Fact]
    public async Task Names_read_to_the_limit_say_there_may_be_more_though_they_are_fewer_titles()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();

        var results = await search.TitlesAsync(SearchQuery.Parse("zebra"), 0, 20, 2, CancellationToken.None);

        Assert.Equal(["zebra-crossing-2010"], results.Hits.Select(h => h.Slug));
        Assert.True(results.Capped);
        Assert.False((await search.TitlesAsync(SearchQuery.Parse("zebra"), 0, 20, CatalogSearch.Candidates, CancellationToken.None)).Capped);
    }

    [Fact]
    public async Task Both_groups_are_one_page_whatever_the_page_number_says()
    {
        var plain = await SearchPage.GetAsync(Client, "nightfall");
        var page = await SearchPage.GetAsync(Client, "nightfall", page: 3);

        Assert.Equal(plain.Titles.Select(t => t.Slug), page.Titles.Select(t => t.Slug));
        using var json = JsonDocument.Parse(page.Document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(1, json.RootElement.GetProperty("itemListElement")[0].GetProperty("position").GetInt32());
    }

    /// <summary>
    /// On PostgreSQL a statement run again on a connection is kept prepared there (and planned for each run's values):
    /// the last of twenty searches on one connection finds what the first found, and the search statement is prepared
    /// but planned for each query's values.
    /// </summary>
    [Fact]
    public async Task Searches_run_again_and_again_on_one_connection_find_the_same()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();
        await using var held = await search.HoldConnectionAsync(CancellationToken.None);
        (string ForTitle, string Title, string ForPerson, string Person)[] queries =
        [
            ("ame", "amelie-2001", "audr", "audrey-tautou"),
            ("ham", "hamlet-1996", "hami", "mark-hamill"),
            ("star w", "star-wars-1977", "bus", "steve-buscemi"),
            ("lod", "lodz-story-1990", "luk", "lukasz-nowak"),
        ];

        for (var round = 0; round < 5; round++)
        {
            foreach (var (forTitle, title, forPerson, person) in queries)
            {
                var titles = await search.TitlesAsync(SearchQuery.Parse(forTitle), 0, 20, CatalogSearch.Candidates, CancellationToken.None);
                Assert.Equal(title, titles.Hits[0].Slug);
                var people = await search.PeopleAsync(SearchQuery.Parse(forPerson), 0, 20, CatalogSearch.Candidates, CancellationToken.None);
                Assert.Equal(person, people.Hits[0].Slug);
            }
        }

        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        if (db.Database.IsNpgsql())
        {
            // Prepared, yet planned for each query's values, never once for all; and the connection's setting restored.
            var plans = await db.Database.SqlQueryRaw<PlanCounts>(
                "SELECT custom_plans AS \"Custom\", generic_plans AS \"Generic\" FROM pg_prepared_statements " +
                "WHERE statement LIKE '%FROM \"TitleNames\"%' AND statement NOT LIKE '%pg_prepared_statements%'").ToListAsync();
            Assert.NotEmpty(plans);
            Assert.All(plans, p => Assert.Equal(0, p.Generic));
            Assert.True(plans.Sum(p => p.Custom) >= queries.Length * 4, $"custom plans: {plans.Sum(p => p.Custom)}");
            Assert.Equal("auto", await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync());
        }
    }

    private sealed record PlanCounts(long Custom, long Generic);

    [Fact]
    public async Task A_title_found_by_another_of_its_names_says_which()
    {
        var page = await SearchPage.GetAsync(Client, "fyrvokterne");

        var found = Assert.Single(page.Titles);
        Assert.Equal("The Lighthouse Keepers", found.Name);
        Assert.Equal("2003", found.Year);
        Assert.Equal("Also known as Fyrvokterne (Norway)", found.Note);
        Assert.Contains("Drama", found.Meta);
        Assert.Contains("6.8/10", found.Meta);
    }

    [Fact]
    public async Task A_title_found_by_its_own_name_gives_no_other_reason()
    {
        var page = await SearchPage.GetAsync(Client, "amelie");

        Assert.Null(page.Titles[0].Note);
    }

    [Fact]
    public async Task A_year_that_matches_no_film_is_read_as_part_of_the_name_and_the_page_says_so()
    {
        var page = await SearchPage.GetAsync(Client, "summer 1985");

        Assert.Equal("summer-1985-2005", page.Titles[0].Slug);
        Assert.Contains("No title of 1985 matches", page.Note);
    }

    [Theory]
    [InlineData("bus", "steve-buscemi")]
    [InlineData("buscemi", "steve-buscemi")]
    [InlineData("buscemi steve", "steve-buscemi")]
    [InlineData("STEVE BUS", "steve-buscemi")]
    [InlineData("busby", "busby-berkeley")]
    [InlineData("lukasz", "lukasz-nowak")]
    [InlineData("dicillo", "tom-dicillo")]
    public async Task The_first_person_found_is_the_one_a_visitor_means(string query, string firstSlug)
    {
        var page = await SearchPage.GetAsync(Client, query);

        Assert.NotEmpty(page.People);
        Assert.Equal(firstSlug, page.People[0].Slug);
    }

    [Fact]
    public async Task People_with_more_films_come_first_among_equal_matches()
    {
        var page = await SearchPage.GetAsync(Client, "bus");

        // Buscemi is in three films (cast, director, a card); Berkeley in one.
        Assert.Equal(["steve-buscemi", "busby-berkeley"], page.People.Select(p => p.Slug));
        Assert.Contains("Actor", page.People[0].Meta);
        Assert.Contains("Director", page.People[0].Meta);
    }

    [Fact]
    public async Task A_query_with_no_match_says_so_and_offers_a_way_on()
    {
        var page = await SearchPage.GetAsync(Client, "zzyzx qwv");

        Assert.True(page.SaysNothingMatches);
        Assert.Empty(page.Titles);
        Assert.Empty(page.People);
        Assert.NotNull(page.Main.QuerySelector("a[href='/titles']"));
    }

    [Theory]
    [InlineData("1977", true)]
    [InlineData(" 1977 ", true)]
    [InlineData("1901", false)]
    [InlineData("star wars 1977", false)]
    public async Task A_year_typed_alone_points_to_its_list_when_the_catalog_has_titles_of_it(string query, bool pointed)
    {
        var page = await SearchPage.GetAsync(Client, query);

        var link = page.Main.QuerySelector("a[href^='/year/']");
        Assert.Equal(pointed ? "/year/1977" : null, link?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_search_of_one_group_that_finds_nothing_offers_both_groups()
    {
        var response = await Client.GetAsync("/search?q=amelie&type=people");
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal("No person matches \u201camelie\u201d", SitePage.Text(page.QuerySelector("#none-heading")));
        Assert.Equal("/search?q=amelie", page.QuerySelector(".search-none a[href^='/search']")?.GetAttribute("href"));
    }

    /// <summary>Text that would be query syntax, control characters, 1,000 characters, markup: each gives the search page, never an error.</summary>
    public static TheoryData<string> HostileQueries() => new(
        "", " ", "\"", "\"\"", "*", "**", "-", "--", ":", "^", "NEAR", "NEAR(a b)", "a NEAR b", "a OR b", "NOT a", "a AND NOT b",
        "title:hamlet", "{Folded}:x", "\"hamlet", "hamlet\"*", "(", ")", "()", "+", "a + b", "'; DROP TABLE \"Titles\"; --",
        "\u0000", "ham\u0000let", "\u0001\u0002\u001f", "\t\r\n", new string('a', 1000), string.Concat(Enumerable.Repeat("ab ", 400)),
        "<script>alert(1)</script>", "%00", "\u202e\u202d", "\ud83c\udfac", "\ufffd", "ＮＥＡＲ", "a*b", "*a", "a:b:c", "%", "_", "\\", "'");

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_query_gives_a_clean_search_page(string query)
    {
        var response = await Client.GetAsync($"/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SearchPage.GetAsync(Client, query);
        Assert.Null(page.Main.QuerySelector("script:not([type='application/ld+json'])"));
        Assert.Equal(SearchQuery.Parse(query).Text, page.BoxValue);
    }

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_query_gives_suggestions_as_json(string query)
    {
        var response = await Client.GetAsync($"/search/suggest?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("titles").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("people").ValueKind);
    }

    [Fact]
    public async Task Suggestions_list_titles_and_people_with_the_page_of_each()
    {
        var json = await Client.GetStringAsync("/search/suggest?q=bus");
        var answer = JsonSerializer.Deserialize<SearchEndpoints.Suggestions>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.Equal("bus", answer.Query);
        Assert.Equal(["Steve Buscemi", "Busby Berkeley"], answer.People.Select(p => p.Label));
        Assert.Equal("/name/steve-buscemi", answer.People[0].Url);
        Assert.True(answer.People.Count <= SearchEndpoints.SuggestedPeople);

        var titles = JsonSerializer.Deserialize<SearchEndpoints.Suggestions>(await Client.GetStringAsync("/search/suggest?q=fyrv"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var lighthouse = Assert.Single(titles.Titles);
        Assert.Equal("/title/the-lighthouse-keepers-2003", lighthouse.Url);
        Assert.Equal("also known as Fyrvokterne", lighthouse.Note);
    }

    [Fact]
    public async Task Suggestions_read_the_first_query_as_the_search_page_does_and_answer_head()
    {
        var json = await Client.GetStringAsync("/search/suggest?q=fyrv&q=bus&q=x");
        var answer = JsonSerializer.Deserialize<SearchEndpoints.Suggestions>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("fyrv", answer.Query);
        Assert.Equal("/title/the-lighthouse-keepers-2003", Assert.Single(answer.Titles).Url);

        var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/search/suggest?q=fyrv"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_search_form_in_the_header_of_every_page_works_without_script()
    {
        var home = await SitePage.GetAsync(Client, "/title/amelie-2001");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)home.Document.QuerySelector("header form[role=search]")!;
        Assert.Equal("get", form.Method);
        Assert.NotNull(form.QuerySelector("label[for=site-search-q]"));
        var results = await Client.SubmitAsync(form, new Dictionary<string, string> { ["q"] = "fyrvokterne" });

        var page = await SitePage.FromAsync(Client, results);
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Contains("The Lighthouse Keepers", SitePage.Text(page.Main.QuerySelector(".title-item-name")));
    }
}

public sealed class SearchTestsOnSqlite(SqliteCatalog factory) : SearchTests<SqliteCatalog>(factory);

public sealed class SearchTestsOnPostgres(PostgresCatalog factory) : SearchTests<PostgresCatalog>(factory);
