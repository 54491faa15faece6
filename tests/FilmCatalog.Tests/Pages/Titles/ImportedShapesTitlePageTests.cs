using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Pages.Titles;

/// <summary>
/// The facts the reworked importer reads are stored and shown, not only parsed: the site seeded from
/// fixture pages of the shapes of issue 11, on each provider (the importer's statements are each provider's own).
/// </summary>
public abstract class ImportedShapesTitlePageTests<TSite>(TSite site) : IClassFixture<TSite>
    where TSite : CatalogFactory
{
    private readonly TSite _site = site;

    /// <summary>The fixture pages a site of these tests is seeded from.</summary>
    internal static string CopyFixtures(string dataFolder)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dataFolder, "seeds")).FullName;
        foreach (var name in (string[])[
            "layout_2010_ratings_and_counts.txt", "several_taglines.txt", "nameless_cast_rows.txt", "unknown_genre_and_certificates.txt",
            "same_name_1996_i.txt", "same_name_1996_ii.txt", "parenthesised_titles.txt", "credit_lists_with_more_credits.txt",
            "alternate_runtimes.txt"])
            File.Copy(RepositoryPaths.Fixture(name), Path.Combine(folder, name));
        return folder;
    }

    [Fact]
    public async Task The_2010_layout_page_shows_its_votes_metascore_source_counts_and_other_certificates()
    {
        var page = await TitlePage.GetAsync(_site.CreateClient(), "the-salt-orchard-2009");

        Assert.Equal("6.4/10 3,118 votes", page.Ratings["Original site"]);
        Assert.Equal("58/100 from 9 critics on Metacritic", page.Ratings["Metascore"]);
        Assert.Equal("The original site counted 31 user reviews, 12 critic reviews and 9 Metacritic reviews.", page.SourceReviewCounts);
        Assert.Equal("R (USA) certificate #45120", page.Details["Certificate"]);
        Assert.Equal("15A (Ireland) 15 (UK)", page.Details["Other certificates"]);
        Assert.Equal(["Drama", "Mumblecore"], page.Genres);
        Assert.Contains(page.Reviews, r => r.Meta.Contains("by Pella Orme from Colchester", StringComparison.Ordinal));
        Assert.Equal(["The bees in the film were kept by the production for two seasons before shooting began."], page.Trivia);
        Assert.Equal(["Continuity: Marian's veil is on, then off, then on again during the swarm scene."], page.Goofs);
    }

    /// <summary>"Joel Coen (screenplay)" was a person of that name, with a page apart from the director Joel Coen's.</summary>
    [Fact]
    public async Task A_writer_with_a_note_is_the_same_person_as_the_director_of_that_name_and_the_note_stays_with_the_credit()
    {
        var client = _site.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/title/no-port-for-old-pilots-2007");

        var writers = page.QuerySelectorAll(".key-credits > div").Single(d => d.QuerySelector("dt")!.TextContent == "Writers").QuerySelector("dd")!;
        Assert.Equal("Ethan Coen (screenplay), Joel Coen (screenplay)", writers.TextContent);
        Assert.Equal(["/name/ethan-coen", "/name/joel-coen"], writers.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(0, await _site.Catalog.ReadAsync(db => db.People.CountAsync(p => p.Name.Contains("(screenplay)"))));
        var person = await HtmlPage.GetAsync(client, "/name/joel-coen");
        Assert.Matches("director.*writer|writer.*director", person.QuerySelector("main")!.TextContent);
        using var data = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/title/no-port-for-old-pilots-2007.json"));
        Assert.Equal(["Ethan Coen (screenplay)", "Joel Coen (screenplay)"],
            data.RootElement.GetProperty("credits").GetProperty("writers").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Every_runtime_the_page_printed_is_shown_with_its_qualifier_and_carried_as_data()
    {
        var client = _site.CreateClient();
        var page = await TitlePage.GetAsync(client, "the-long-cut-2005");
        using var data = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/title/the-long-cut-2005.json"));
        var specs = data.RootElement.GetProperty("technicalSpecs");

        Assert.Equal("1h 38min (98 min) 105 min (director's cut)", page.TechSpecs["Runtime"]);
        Assert.Equal(98, specs.GetProperty("runtimeMinutes").GetInt32());
        Assert.Equal([("105 min", "director's cut")],
            specs.GetProperty("otherRuntimes").EnumerateArray().Select(r => (r.GetProperty("text").GetString(), r.GetProperty("qualifier").GetString())));
    }

    [Fact]
    public async Task The_2010_layout_page_as_data_carries_its_metascore_counts_other_certificates_and_reviewers_places()
    {
        using var data = System.Text.Json.JsonDocument.Parse(await _site.CreateClient().GetStringAsync("/title/the-salt-orchard-2009.json"));
        var film = data.RootElement;

        var ratings = film.GetProperty("ratings");
        Assert.Equal(58, ratings.GetProperty("metascore").GetInt32());
        Assert.Equal(6.4, ratings.GetProperty("source").GetProperty("value").GetDouble());
        Assert.Equal(9, ratings.GetProperty("sourceReviewCounts").GetProperty("metacritic").GetInt32());
        Assert.Equal(
            [("15A", "Ireland"), ("15", "UK")],
            film.GetProperty("otherCertificates").EnumerateArray().Select(c => (c.GetProperty("rating").GetString(), c.GetProperty("country").GetString())));
        Assert.Contains(film.GetProperty("reviews").GetProperty("fromSource").EnumerateArray(),
            r => r.GetProperty("author").GetString() == "Pella Orme" && r.GetProperty("authorPlace").GetString() == "Colchester");
    }

    [Fact]
    public async Task A_nameless_cast_row_is_data_without_a_name_and_a_year_qualifier_is_kept()
    {
        var client = _site.CreateClient();
        using var cast = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/title/marrow-and-frost-2007.json"));
        var rows = cast.RootElement.GetProperty("credits").GetProperty("cast").EnumerateArray().ToList();
        Assert.Contains(rows, r => !r.TryGetProperty("name", out _) && r.GetProperty("character").GetString() == "Innkeeper");

        using var qualified = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/title/lanterns-over-krakow-1996-ii.json"));
        Assert.Equal("II", qualified.RootElement.GetProperty("yearQualifier").GetString());
    }

    [Fact]
    public async Task Every_tagline_is_shown()
    {
        var page = await TitlePage.GetAsync(_site.CreateClient(), "nine-doors-on-calloway-street-2003");

        Assert.Equal("Knock first.", page.Tagline);
        Assert.Equal(["Nine doors. No secrets.", "Somebody always knows.", "Home is where the gossip is.", "The cat knows more than you do."], page.MoreTaglines);
    }

    [Fact]
    public async Task A_cast_row_whose_actor_was_lost_shows_its_character()
    {
        var page = await TitlePage.GetAsync(_site.CreateClient(), "marrow-and-frost-2007");

        Assert.Equal(
            [
                new("Agnieszka Wróbel", "Hanna"), new("Name not recorded", "Innkeeper"), new("Name not recorded", "Boy at the Well"),
                new("Tomasz Kędzierski", ""),
            ],
            page.Cast);
    }

    [Fact]
    public async Task An_unknown_genre_and_other_countries_certificates_are_shown()
    {
        var page = await TitlePage.GetAsync(_site.CreateClient(), "kettle-logic-2012");

        Assert.Equal(["Comedy", "Mumblecore", "Cringe"], page.Genres);
        Assert.Equal("12A (UK)", page.Details["Certificate"]);
        Assert.Equal("15 6 (Germany) AL (Netherlands)", page.Details["Other certificates"]);
    }

    [Fact]
    public async Task Two_films_of_one_name_and_year_have_pages_of_their_own_headed_with_their_qualifiers()
    {
        var client = _site.CreateClient();
        var first = await TitlePage.GetAsync(client, "lanterns-over-krakow-1996-i");
        var second = await TitlePage.GetAsync(client, "lanterns-over-krakow-1996-ii");

        Assert.Equal("Lanterns Over Kraków (1996/I)", first.Heading);
        Assert.Equal("Lanterns Over Kraków (1996/II)", second.Heading);
        Assert.Equal("Wiesława Dąbrowska", first.KeyCredits["Director"]);
        Assert.Equal("Piotr Gałecki", second.KeyCredits["Director"]);
    }

    [Fact]
    public async Task A_title_with_parentheses_keeps_them_on_its_page_and_in_its_card()
    {
        var page = await TitlePage.GetAsync(_site.CreateClient(), "tokyo-again-1994-i");

        Assert.Equal("Tokyo (Again) (1994/I)", page.Heading);
        Assert.Equal("Tokyo (Again) (Japan) Tōkyō futatabi (Japan, literal title) Tokyo (Encore) (France, video title)", page.Details["Also known as"]);
        var card = Assert.Single(page.Cards);
        Assert.Equal(("Osaka (Once) (1990)", "/title/osaka-once-1990"), (card.Title, card.Href));
    }

    [Fact]
    public async Task An_old_slug_answers_301_with_the_current_one_and_an_unknown_slug_is_still_404()
    {
        await _site.Catalog.ExecuteAsync("INSERT INTO \"SlugAliases\" (\"OldSlug\", \"TitleId\") SELECT 'kettle-logik-2012', \"Id\" FROM \"Titles\" WHERE \"Slug\" = 'kettle-logic-2012'");

        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync("/title/kettle-logik-2012");
        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);
        Assert.Equal("/title/kettle-logic-2012", page.Headers.Location?.OriginalString);

        var reviews = await client.GetAsync("/title/kettle-logik-2012/reviews?sort=newest");
        Assert.Equal(HttpStatusCode.MovedPermanently, reviews.StatusCode);
        Assert.Equal("/title/kettle-logic-2012/reviews?sort=newest", reviews.Headers.Location?.OriginalString);

        // Its data too, as its page (QA: /title/{old}.json was a 404).
        var data = await client.GetAsync("/title/kettle-logik-2012.json");
        Assert.Equal(HttpStatusCode.MovedPermanently, data.StatusCode);
        Assert.Equal("/title/kettle-logic-2012.json", data.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/title/kettle-logik-2013.json")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/title/kettle-logik-2013")).StatusCode);
    }
}

/// <summary>A SQLite site seeded from the shape fixtures (kept in its data folder, deleted with it).</summary>
public sealed class ShapesSiteOnSqlite : CatalogFactory
{
    public ShapesSiteOnSqlite() => SeedsPath = ImportedShapesTitlePageTests<ShapesSiteOnSqlite>.CopyFixtures(DataFolder);
}

/// <summary>A PostgreSQL and Redis site seeded from the shape fixtures.</summary>
public sealed class ShapesSiteOnPostgres : PostgresCatalog
{
    public ShapesSiteOnPostgres() => SeedsPath = ImportedShapesTitlePageTests<ShapesSiteOnPostgres>.CopyFixtures(DataFolder);
}

public sealed class ImportedShapesTitlePageTestsOnSqlite(ShapesSiteOnSqlite site) : ImportedShapesTitlePageTests<ShapesSiteOnSqlite>(site);

public sealed class ImportedShapesTitlePageTestsOnPostgres(ShapesSiteOnPostgres site) : ImportedShapesTitlePageTests<ShapesSiteOnPostgres>(site);
