using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Pages.People;

/// <summary>
/// People pages: everyone the catalog knows has one (cast, directors and stars on pages and on
/// cards, song writers and performers), every name on a title page links to it, and the page lists
/// the films newest first with the parts, says when one name may be two people, and pages.
/// </summary>
public abstract class PersonPageTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string SeedSlug = "in-the-soup-1992";

    private HttpClient Client => factory.CreateClient();

    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    [Fact]
    public async Task A_person_named_only_on_cards_has_a_page_with_every_film_the_cards_give_them()
    {
        var page = await PersonPage.GetAsync(Client, "steve-buscemi");

        Assert.Equal("Steve Buscemi", page.Heading);
        Assert.Equal(
            [("1998", "Louis & Frank", (string?)"louis-frank-1998"), ("1996", "Trees Lounge", "trees-lounge-1996"), ("\u2014", "A film whose title the source lost", null)],
            page.Films.Select(f => (f.Year, f.Name, f.Slug)));
        Assert.Equal("director; star", page.Films[1].Parts);
        Assert.Contains("star on a card of In the Soup (1992)", page.Films[2].Parts);
        Assert.StartsWith("3 titles in the catalog", page.Summary);
        Assert.Null(page.HomonymNote);
    }

    [Fact]
    public async Task Every_person_name_on_a_title_page_leads_to_a_page_that_lists_the_film()
    {
        var title = await TitlePage.GetAsync(Client, SeedSlug);
        var links = title.Main.QuerySelectorAll("a.person-link").Cast<IHtmlAnchorElement>().ToList();

        // The cast, the cards' directors and stars, the soundtrack's writer.
        Assert.Contains(links, l => l.TextContent == "Sully Boyar");
        Assert.Contains(links, l => l.TextContent == "Tom DiCillo");
        Assert.Contains(links, l => l.TextContent == "Don Cherry");
        foreach (var link in links.DistinctBy(l => l.PathName))
        {
            var person = await PersonPage.OpenAsync(Client, link.PathName);
            Assert.Equal(link.TextContent, person.Heading);
            Assert.NotEmpty(person.Films);
        }

        // A cast member is in the film itself; a director named only on a card of a lost title is there with the card.
        Assert.Contains((await PersonPage.GetAsync(Client, "sully-boyar")).Films, f => f.Slug == SeedSlug && f.Parts == "as Old Man");
        Assert.Contains((await PersonPage.GetAsync(Client, "tom-dicillo")).Films, f => f.Slug is null && f.Parts.Contains("on a card of In the Soup (1992)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_song_writer_is_credited_with_the_song()
    {
        var page = await PersonPage.GetAsync(Client, "don-cherry");

        var film = Assert.Single(page.Films);
        Assert.Equal(SeedSlug, film.Slug);
        Assert.Equal("wrote the song \u201cRoland Alphonso\u201d", film.Parts);
    }

    [Fact]
    public async Task A_name_with_films_far_apart_is_said_to_be_possibly_two_people()
    {
        var actor = Unique("Jon Homonym");
        await factory.ImportAsync(
            new TitlePageText(Unique("Early Picture"), 1931) { Cast = [(actor, "Boy")] },
            new TitlePageText(Unique("Late Picture"), 2011) { Cast = [(actor, "Grandfather")] });

        var page = await PersonPage.GetAsync(Client, Slug.ForName(actor));

        Assert.Contains("Possibly more than one person", page.HomonymNote);
        Assert.Contains("1931 to 2011", page.HomonymNote);
        Assert.Equal(["2011", "1931"], page.Films.Select(f => f.Year));
        Assert.Equal("as Grandfather", page.Films[0].Parts);
    }

    [Fact]
    public async Task A_career_of_ordinary_length_gets_no_note()
    {
        var actor = Unique("Jan Steady");
        await factory.ImportAsync(
            new TitlePageText(Unique("Steady One"), 1990) { Cast = [(actor, "A")] },
            new TitlePageText(Unique("Steady Two"), 2010) { Cast = [(actor, "B")] });

        Assert.Null((await PersonPage.GetAsync(Client, Slug.ForName(actor))).HomonymNote);
    }

    [Fact]
    public async Task Names_spelled_with_and_without_accents_are_one_page_that_lists_the_spellings()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await factory.ImportAsync(
            new TitlePageText($"Spelling One {suffix}", 2000) { Cast = [($"Zoë Müller {suffix}", "A")] },
            new TitlePageText($"Spelling Two {suffix}", 2001) { Cast = [($"Zoe Muller {suffix}", "B")] });

        var page = await PersonPage.GetAsync(Client, $"zoe-muller-{suffix}");

        Assert.Equal(2, page.Films.Count);
        Assert.Contains($"Credited as Zoë Müller {suffix}, Zoe Muller {suffix}", page.Main.TextContent);
        var search = await SearchPage.GetAsync(Client, $"zoe muller {suffix}");
        Assert.Single(search.People);
    }

    [Fact]
    public async Task A_person_with_more_films_than_a_page_holds_pages_newest_first()
    {
        var actor = Unique("Prolific Player");
        var films = Enumerable.Range(0, Web.Pages.People.DetailsModel.FilmsPerPage + 3)
            .Select(i => new TitlePageText($"Prolific {i} {actor}", 1900 + i) { Cast = [(actor, $"Part {i}")] })
            .ToArray();
        await factory.ImportAsync(films);

        var first = await PersonPage.GetAsync(Client, Slug.ForName(actor));
        var second = await PersonPage.OpenAsync(Client, $"/name/{Slug.ForName(actor)}?p=2");

        Assert.Equal(Web.Pages.People.DetailsModel.FilmsPerPage, first.Films.Count);
        Assert.Equal("2002", first.Films[0].Year);
        Assert.Equal(["1902", "1901", "1900"], second.Films.Select(f => f.Year));
        Assert.StartsWith($"{films.Length} titles", first.Summary);
    }

    [Fact]
    public async Task A_later_page_holds_films_known_from_cards_and_the_counts_cover_every_page()
    {
        var actor = Unique("Paged Player");
        var cardFilm = Unique("Carded Picture");
        var films = Enumerable.Range(0, Web.Pages.People.DetailsModel.FilmsPerPage + 2)
            .Select(i => new TitlePageText($"Paged {i} {actor}", 1900 + i) { Cast = [(actor, $"Part {i}")] })
            .ToArray();
        films[^1] = films[^1] with
        {
            Cards =
            [
                new TitlePageText.Card(cardFilm, 1890, "Drama", 6.1, actor, "Someone Else"),
                new TitlePageText.Card(null, null, "Drama", 5.2, actor, actor),
            ],
        };
        await factory.ImportAsync(films);

        var first = await PersonPage.GetAsync(Client, Slug.ForName(actor));
        var second = await PersonPage.OpenAsync(Client, $"/name/{Slug.ForName(actor)}?p=2");

        Assert.Equal(Web.Pages.People.DetailsModel.FilmsPerPage, first.Films.Count);
        Assert.Equal(["1901", "1900", "1890", "\u2014"], second.Films.Select(f => f.Year));
        Assert.Equal("as Part 1", second.Films[0].Parts);
        Assert.Equal((cardFilm, Slug.For(cardFilm, 1890)), (second.Films[2].Name, second.Films[2].Slug));
        Assert.Equal("director", second.Films[2].Parts); // the card-only film holds the card's credits as its own
        // One lost card naming them twice is one film with both parts.
        Assert.Equal("A film whose title the source lost", second.Films[3].Name);
        Assert.Contains("director on a card of", second.Films[3].Parts);
        Assert.Contains("star on a card of", second.Films[3].Parts);
        Assert.StartsWith($"{films.Length + 2} titles in the catalog", first.Summary);
        Assert.Contains("director in 2 titles", first.Summary);
        Assert.Contains("star in 1 title", first.Summary);
    }

    [Fact]
    public async Task Each_role_of_a_name_with_several_narrows_the_films_to_it_and_pages_within_it()
    {
        var person = Unique("Versatile Maker");
        var acted = Enumerable.Range(0, Web.Pages.People.DetailsModel.FilmsPerPage + 1)
            .Select(i => new TitlePageText($"Acted {i} {person}", 1900 + i) { Cast = [(person, $"Part {i}")] });
        var directed = Enumerable.Range(0, 2).Select(i => new TitlePageText($"Directed {i} {person}", 1950 + i) { Directors = [person] });
        await factory.ImportAsync([.. acted, .. directed]);
        var slug = Slug.ForName(person);

        var all = await PersonPage.GetAsync(Client, slug);
        var roleLinks = all.Main.QuerySelectorAll(".person-summary a").Cast<IHtmlAnchorElement>().ToList();
        Assert.Equal(["actor in 101 titles", "director in 2 titles"], roleLinks.Select(a => a.TextContent));
        Assert.Equal($"{Web.Pages.People.DetailsModel.FilmsPerPage + 3} titles in the catalog: actor in 101 titles, director in 2 titles.", all.Summary);

        var directing = await PersonPage.OpenAsync(Client, roleLinks[1].PathName + roleLinks[1].Search);
        Assert.Equal(["1951", "1950"], directing.Films.Select(f => f.Year));
        Assert.All(directing.Films, f => Assert.Equal("director", f.Parts));
        Assert.Equal("Titles as director", SitePage.Text(directing.Main.QuerySelector("#films-heading")));
        Assert.Equal("true", directing.Main.QuerySelector(".person-summary a[aria-current]")?.GetAttribute("aria-current"));
        Assert.NotNull(directing.Document.QuerySelector("meta[name=robots][content='noindex, follow']"));

        // The actor's films page on their own: 101 of them, the last alone on page 2, which links back within the role.
        var acting = await PersonPage.OpenAsync(Client, roleLinks[0].PathName + roleLinks[0].Search);
        Assert.Equal(Web.Pages.People.DetailsModel.FilmsPerPage, acting.Films.Count);
        Assert.DoesNotContain(acting.Films, f => f.Parts == "director");
        var next = acting.Main.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!;
        var second = await PersonPage.OpenAsync(Client, next.PathName + next.Search);
        Assert.Equal([("1900", "as Part 0")], second.Films.Select(f => (f.Year, f.Parts)));
        Assert.Contains("role=actor", second.Main.QuerySelector<IHtmlAnchorElement>("a[rel=prev]")!.Search, StringComparison.Ordinal);

        // A role the name has no film in, or none that exists, lists every film.
        Assert.Equal(all.Films.Select(f => f.Slug), (await PersonPage.OpenAsync(Client, $"/name/{slug}?role=writer")).Films.Select(f => f.Slug));
        Assert.Equal(all.Films.Select(f => f.Slug), (await PersonPage.OpenAsync(Client, $"/name/{slug}?role=%3Cb%3E")).Films.Select(f => f.Slug));
    }

    [Fact]
    public async Task Later_pages_are_followed_not_indexed_and_lead_back_to_the_first_page_by_its_own_address()
    {
        var person = Unique("Prolific Player");
        await factory.ImportAsync([.. Enumerable.Range(0, Web.Pages.People.DetailsModel.FilmsPerPage + 1)
            .Select(i => new TitlePageText($"Played {i} {person}", 1900 + i) { Cast = [(person, $"Part {i}")] })]);
        var slug = Slug.ForName(person);

        var first = await PersonPage.GetAsync(Client, slug);
        Assert.Null(first.Document.QuerySelector("meta[name=robots]"));
        var next = first.Main.QuerySelector<IHtmlAnchorElement>("a[rel=next]")!;
        var second = await PersonPage.OpenAsync(Client, next.PathName + next.Search);

        Assert.Equal("noindex, follow", second.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal($"/name/{slug}", second.Main.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/name/nobody-at-all-here")]
    [InlineData("/name/steve-buscemi?p=-1")]
    public async Task Unknown_names_are_not_found_and_odd_pages_are_the_nearest_page(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(path.Contains("buscemi", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_describes_the_person_for_search_engines()
    {
        var page = await PersonPage.GetAsync(Client, "steve-buscemi");
        var script = page.Document.QuerySelector("script[type='application/ld+json']")!;

        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal("Person", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("Steve Buscemi", json.RootElement.GetProperty("name").GetString());
        Assert.EndsWith("/name/steve-buscemi", json.RootElement.GetProperty("url").GetString());
    }
}

public sealed class PersonPageTestsOnSqlite(SqliteCatalog factory) : PersonPageTests<SqliteCatalog>(factory);

public sealed class PersonPageTestsOnPostgres(PostgresCatalog factory) : PersonPageTests<PostgresCatalog>(factory);
