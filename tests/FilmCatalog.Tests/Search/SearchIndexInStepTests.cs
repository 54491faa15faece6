using System.Text;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Search;

/// <summary>
/// The search index and the browse lists never drift from the catalog: after an import, a newer
/// capture, a refused file, a file that fails while it is written, a review posted and a review
/// hidden, they hold exactly what a rebuild from the catalog derives, and searching finds what the
/// catalog holds now and nothing it held before.
/// </summary>
public abstract class SearchIndexInStepTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private HttpClient Client => factory.CreateClient();

    /// <summary>Each test names its films after itself, so tests sharing the catalog never find each other's.</summary>
    private static string Unique(string name) => $"{name} {Guid.NewGuid():N}"[..(name.Length + 9)];

    [Fact]
    public async Task After_an_import_the_index_is_what_a_rebuild_from_the_catalog_derives()
    {
        var film = new TitlePageText(Unique("Tidewater"), 1994)
        {
            Rating = 7.1,
            Votes = 4_000,
            Genres = ["Drama", "Mystery"],
            AlsoKnownAs = [(Unique("Marea"), "Spain")],
            Cast = [(Unique("Ingrid Holm"), "Vera")],
            Cards = [new(Unique("Undertow"), 1999, "Drama", 6.5, Unique("Pia Lund"), Unique("Ola Berg"))],
            Soundtrack = [("Tide Song", [$"Written by {Unique("Anna Sol")}"])],
        };
        await factory.ImportAsync(film);

        var imported = await IndexDumpAsync();
        await factory.InScopeAsync(async services =>
        {
            await services.GetRequiredService<CatalogIndexes>().RebuildAsync(backfillCredits: false, CancellationToken.None);
            return 0;
        });

        Assert.Equal(imported, await IndexDumpAsync());
        await AssertFullTextIndexIntactAsync();
    }

    [Fact]
    public async Task A_newer_capture_replaces_what_search_finds_and_who_is_credited()
    {
        var oldAka = Unique("Gamlenavn");
        var newAka = Unique("Nyttnavn");
        var oldActor = Unique("Dropped Actor");
        var keptActor = Unique("Kept Actor");
        var name = Unique("Recaptured");
        var first = new TitlePageText(name, 1980) { Genres = ["Drama"], AlsoKnownAs = [(oldAka, "Norway")], Cast = [(oldActor, "A"), (keptActor, "B")] };
        await factory.ImportAsync(first);
        Assert.Equal(first.Slug, (await SearchPage.GetAsync(Client, oldAka)).Titles.Single().Slug);

        var newer = first with { Genres = ["Comedy"], AlsoKnownAs = [(newAka, "Norway")], Cast = [(keptActor, "B")], Summary = "A newer capture of the page, with a longer summary than before." };
        await factory.ImportAsync(newer);

        Assert.Empty((await SearchPage.GetAsync(Client, oldAka)).Titles);
        Assert.Equal(first.Slug, (await SearchPage.GetAsync(Client, newAka)).Titles.Single().Slug);
        Assert.Empty((await SearchPage.GetAsync(Client, oldActor)).People);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Client.GetAsync($"/name/{Slug.ForName(oldActor)}")).StatusCode);
        Assert.Contains((await PersonPage.GetAsync(Client, Slug.ForName(keptActor))).Films, f => f.Slug == first.Slug);

        var comedy = await ReadAsync(db => db.TitleListings.Where(l => l.Folded == TextFold.Fold(name)).Select(l => l.Genre).OrderBy(g => g).ToListAsync());
        Assert.Equal([TitleListing.AllTitles, "comedy"], comedy);
        await AssertIndexIsRebuildableAsync();
    }

    /// <summary>
    /// A person's result line (their roles, the film they are best known for) is kept on their name row
    /// (<see cref="PersonSummary"/>): it must follow every change of their credits and of their films'
    /// votes, and say what a rebuild from the catalog says.
    /// </summary>
    [Fact]
    public async Task A_persons_result_line_follows_their_credits_through_newer_captures_and_a_refused_file()
    {
        var person = Unique("Marta Sundqvist");
        var big = new TitlePageText(Unique("Bigger Film"), 1990) { Rating = 7.0, Votes = 9_000, Genres = ["Drama"], Directors = [person], Stars = [person] };
        var small = new TitlePageText(Unique("Smaller Film"), 1995) { Rating = 6.0, Votes = 300, Genres = ["Drama"], Cast = [(person, "Ruth")] };
        await factory.ImportAsync(big);
        await factory.ImportAsync(small);
        Assert.Equal($"Actor, Director, Star \u00b7 known for {big.Name} (1990)", await ResultLineAsync(person));

        // A newer capture of the other film, which has since drawn far more votes: it is now the better known.
        var moreVotes = small with { Votes = 30_000, Summary = "A newer capture of the page, in which the film has far more votes than before." };
        await factory.ImportAsync(moreVotes);
        Assert.Equal($"Actor, Director, Star \u00b7 known for {small.Name} (1995)", await ResultLineAsync(person));

        // More votes still, in a capture that no longer names them as director: the role goes, the film stays theirs as star.
        var starOnly = big with { Votes = 40_000, Directors = [], Summary = "A newer capture again, naming someone else as the director of the film." };
        await factory.ImportAsync(starOnly);
        Assert.Equal($"Actor, Star \u00b7 known for {big.Name} (1990)", await ResultLineAsync(person));
        await AssertIndexIsRebuildableAsync();

        // Dropped from it altogether: only the other film is left.
        var dropped = starOnly with { Stars = [], Summary = "The newest capture of the page, which names neither the director nor the star any more." };
        await factory.ImportAsync(dropped);
        Assert.Equal($"Actor \u00b7 known for {small.Name} (1995)", await ResultLineAsync(person));

        var outcome = await factory.InScopeAsync(services =>
            services.GetRequiredService<CatalogImporter>().ImportAsync("refused.txt", [0, 1, 2, 0xFF, 0xFE, 0, 0, 0, 7]));
        Assert.Equal(ImportStatus.Refused, outcome.Status);
        Assert.Equal($"Actor \u00b7 known for {small.Name} (1995)", await ResultLineAsync(person));
        await AssertIndexIsRebuildableAsync();
    }

    [Fact]
    public async Task A_persons_best_known_film_is_kept_when_a_batch_credits_them_on_lesser_films_or_takes_a_credit_back()
    {
        var person = Unique("Ilse Brandauer");
        var known = new TitlePageText(Unique("Known Film"), 1980) { Rating = 7.5, Votes = 5_000, Cast = [(person, "Vera")] };
        await factory.ImportAsync(known);

        // One batch: a lesser film, and a better one whose newer capture, later in the same batch, drops them.
        var lesser = new TitlePageText(Unique("Lesser Film"), 1984) { Rating = 5.0, Votes = 40, Cast = [(person, "Nurse")] };
        var better = new TitlePageText(Unique("Better Film"), 1986) { Rating = 8.0, Votes = 50_000, Cast = [(person, "Lotte")] };
        var betterWithout = better with { Cast = [("Someone Else Entirely", "Lotte")], Summary = "A newer capture of the better film, which no longer names her in its cast." };
        await factory.InScopeAsync(services =>
        {
            var importer = services.GetRequiredService<CatalogImporter>();
            return importer.WriteBatchAsync([.. new[] { lesser, better, betterWithout }.Select((page, i) => importer.Prepare($"{i}-{page.Slug}.txt", page.Bytes))]);
        });
        Assert.Equal($"Actor \u00b7 known for {known.Name} (1980)", await ResultLineAsync(person));

        // A later batch that credits them on a better film moves it there.
        await factory.ImportAsync(better with { Summary = "The newest capture of the better film, naming her in its cast again." });
        Assert.Equal($"Actor \u00b7 known for {better.Name} (1986)", await ResultLineAsync(person));
        await AssertIndexIsRebuildableAsync();
    }

    private async Task<string> ResultLineAsync(string person) =>
        (await SearchPage.GetAsync(Client, person)).People.Single(p => p.Slug == Slug.ForName(person)).Meta;

    /// <summary>
    /// A card that names people for a film with a page of its own adds to their careers without the film being
    /// derived again; a newer capture of the card's page that drops the card takes it back.
    /// </summary>
    [Fact]
    public async Task A_card_adds_roles_to_a_films_people_and_a_newer_capture_that_drops_it_takes_them_back()
    {
        var (actor, director) = (Unique("Harbour Actor"), Unique("Card Director"));
        var film = new TitlePageText(Unique("Harbour Lights"), 1988) { Genres = ["Drama"], Cast = [(actor, "Sam")] };
        await factory.ImportAsync(film);
        var host = new TitlePageText(Unique("Host Film"), 1990) { Genres = ["Drama"], Cards = [new(film.Name, 1988, "Drama", 7.0, director, actor)] };
        await factory.ImportAsync(host);

        var actorsFilm = Assert.Single((await PersonPage.GetAsync(Client, Slug.ForName(actor))).Films, f => f.Slug == film.Slug);
        Assert.Contains("as Sam", actorsFilm.Parts);
        Assert.Contains("star", actorsFilm.Parts);
        Assert.Contains(host.Name, actorsFilm.Parts);
        Assert.Equal(film.Slug, Assert.Single((await PersonPage.GetAsync(Client, Slug.ForName(director))).Films).Slug);
        await AssertIndexIsRebuildableAsync();

        await factory.ImportAsync(host with { Cards = [], Summary = "A newer capture of the page, without its card." });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Client.GetAsync($"/name/{Slug.ForName(director)}")).StatusCode);
        actorsFilm = Assert.Single((await PersonPage.GetAsync(Client, Slug.ForName(actor))).Films, f => f.Slug == film.Slug);
        Assert.Contains("as Sam", actorsFilm.Parts);
        Assert.DoesNotContain(host.Name, actorsFilm.Parts);
        await AssertIndexIsRebuildableAsync();
    }

    /// <summary>A film known only from cards takes its credits from the last card that named it: the careers follow each refill.</summary>
    [Fact]
    public async Task A_card_only_film_refilled_by_another_card_keeps_every_named_person_in_step()
    {
        var (first, second) = (Unique("First Card Director"), Unique("Second Card Director"));
        var film = Unique("Only On Cards");
        var early = new TitlePageText(Unique("Early Host"), 1991) { Genres = ["Drama"], Cards = [new(film, 1970, "Drama", 6.0, first)] };
        var late = new TitlePageText(Unique("Late Host"), 1992) { Genres = ["Drama"], Cards = [new(film, 1970, "Drama", 6.0, second)] };
        await factory.ImportAsync(early);
        await factory.ImportAsync(late);

        Assert.Single((await PersonPage.GetAsync(Client, Slug.ForName(first))).Films);
        Assert.Single((await PersonPage.GetAsync(Client, Slug.ForName(second))).Films);
        await AssertIndexIsRebuildableAsync();

        await factory.ImportAsync(early with { Cards = [], Summary = "A newer capture of the page, without its card." });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Client.GetAsync($"/name/{Slug.ForName(first)}")).StatusCode);
        await AssertIndexIsRebuildableAsync();

        await factory.ImportAsync(late with { Summary = "A newer capture of the page, its card the same." });
        Assert.Single((await PersonPage.GetAsync(Client, Slug.ForName(second))).Films);
        await AssertIndexIsRebuildableAsync();
    }

    [Fact]
    public async Task A_refused_file_leaves_the_catalog_and_its_index_as_they_were()
    {
        await factory.ImportAsync(new TitlePageText(Unique("Before Refusal"), 2001) { Genres = ["Drama"] });
        var before = await factory.Catalog.DumpAsync();

        var outcome = await factory.InScopeAsync(services =>
            services.GetRequiredService<CatalogImporter>().ImportAsync("binary.txt", [0, 1, 2, 0xFF, 0xFE, 0, 0, 0, 7]));

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        Assert.Equal(before, await factory.Catalog.DumpAsync());
        await AssertFullTextIndexIntactAsync();
    }

    [Fact]
    public async Task A_file_that_fails_while_it_is_written_leaves_no_name_behind()
    {
        var name = Unique("Doomed Film");
        var film = new TitlePageText(name, 2002) { Genres = ["Drama"], AlsoKnownAs = [(Unique("Doomed Aka"), null)], Cast = [(Unique("Doomed Actor"), "X")] };
        await factory.Catalog.ExecuteAsync(FailWritesOfFaqQuestionSql("Doomed?"));
        var before = await factory.Catalog.DumpAsync();

        // The FAQ is written after the title, its names, cast and people: the savepoint must take them all back.
        var text = film.Text.Replace("User Reviews", "Frequently Asked Questions\n\nDoomed?\nYes.\n\nUser Reviews", StringComparison.Ordinal);
        var outcome = await factory.InScopeAsync(services =>
            services.GetRequiredService<CatalogImporter>().ImportAsync("doomed.txt", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        Assert.Equal(before, await factory.Catalog.DumpAsync());
        Assert.Empty((await SearchPage.GetAsync(Client, name)).Titles);
        await AssertFullTextIndexIntactAsync();
    }

    [Fact]
    public async Task Reviews_posted_and_hidden_keep_the_lists_counts_in_step()
    {
        var film = new TitlePageText(Unique("Counted Film"), 2004) { Genres = ["Western"] };
        await factory.ImportAsync(film);
        var client = Client;

        var form = await (await TitlePage.GetAsync(client, film.Slug)).ClickReviewThisTitleAsync();
        var posted = await form.PostAsync(ReviewForm.Values("Counted and listed", "8", string.Concat(Enumerable.Repeat("A review that says something about the film. ", 4))));
        Assert.Equal(1, await ListedReviewCountAsync(film.Slug));
        var western = await BrowsePage.OpenAsync(client, "/genre/western?sort=reviews");
        Assert.Equal(film.Slug, western.Titles[0].Slug);
        Assert.Contains("1 user review", western.Titles[0].Meta);

        var reviewId = posted.ReviewId("Counted and listed");
        for (var visitor = 0; visitor < Web.Reviews.ReviewReporting.HideThreshold; visitor++)
        {
            var report = await (await TitlePage.GetAsync(factory.CreateClient($"10.30.0.{visitor + 1}"), film.Slug)).ClickReportAsync(reviewId);
            await report.SendAsync(nameof(ReportReason.Spam));
        }

        Assert.Equal(0, await ListedReviewCountAsync(film.Slug));
        Assert.DoesNotContain("user review", (await BrowsePage.OpenAsync(client, "/genre/western?sort=reviews")).Titles.Single(t => t.Slug == film.Slug).Meta);
        await AssertIndexIsRebuildableAsync();
    }

    [Fact]
    public async Task A_catalog_imported_before_search_existed_gets_its_index_and_its_card_and_song_credits_at_start()
    {
        var film = new TitlePageText(Unique("Old Catalog Film"), 1975)
        {
            Genres = ["Drama"],
            AlsoKnownAs = [(Unique("Vieux Film"), "France")],
            Cast = [(Unique("Old Actor"), "Y")],
            Cards = [new(null, null, "Drama", 7.0, Unique("Card Director"), Unique("Card Star"))],
            Soundtrack = [("Old Song", [$"Performed by {Unique("Old Singer")}"])],
        };
        await factory.ImportAsync(film);
        var built = await IndexDumpAsync();
        var credits = await CreditsDumpAsync();

        // What a catalog of the previous version holds: no index, no card credits, no song credits.
        await ReadAsync(async db =>
        {
            await db.TitleNames.ExecuteDeleteAsync();
            await db.TitleListings.ExecuteDeleteAsync();
            await db.PersonNames.ExecuteDeleteAsync();
            await db.CareerListings.ExecuteDeleteAsync();
            await db.CareerYears.ExecuteDeleteAsync();
            await db.CardCredits.ExecuteDeleteAsync();
            return await db.Credits.Where(c => c.Role == CreditRole.SongWriter || c.Role == CreditRole.SongPerformer).ExecuteDeleteAsync();
        });

        await factory.InScopeAsync(async services =>
        {
            await services.GetRequiredService<CatalogIndexes>().UpgradeAsync(CancellationToken.None);
            return 0;
        });

        Assert.Equal(built, await IndexDumpAsync());
        Assert.Equal(credits, await CreditsDumpAsync());
        await AssertFullTextIndexIntactAsync();
    }

    /// <summary>The index, the browse lists and the careers, row by row, in a stable order.</summary>
    private Task<string> IndexDumpAsync() => ReadAsync(async db =>
    {
        var dump = new StringBuilder();
        foreach (var n in await db.TitleNames.OrderBy(n => n.Key).ToListAsync())
            dump.AppendLine($"T {n.Key} {n.TitleId} {n.Variant} {n.Name} {n.Qualifier} {n.Folded} {n.Year}");
        foreach (var n in await db.PersonNames.OrderBy(n => n.Key).ToListAsync())
            dump.AppendLine($"P {n.Key} {n.PersonId} {n.Folded} {n.Slug} {n.Roles} {n.KnownForTitleId}");
        foreach (var l in await db.TitleListings.OrderBy(l => l.Genre).ThenBy(l => l.TitleId).ToListAsync())
            dump.AppendLine($"L {l.Genre} {l.TitleId} {l.GenreName} {l.Year} {l.RatingTenths} {l.Folded} {l.ReviewCount}");
        foreach (var c in await db.CareerListings.OrderBy(c => c.Slug).ThenBy(c => c.TitleId).ThenBy(c => c.CardId).ToListAsync())
            dump.AppendLine($"C {c.Slug} {c.Group} {c.Year} {c.Name} {c.TitleId} {c.CardId} {c.Roles} {c.CardRoles}");
        foreach (var y in await db.CareerYears.OrderBy(y => y.Slug).ThenBy(y => y.Group).ThenBy(y => y.Year).ThenBy(y => y.Roles).ToListAsync())
            dump.AppendLine($"Y {y.Slug} {y.Group} {y.Year} {y.Roles} {y.Films}");
        return dump.ToString();
    });

    /// <summary>Card and song credits without their ids (which a backfill draws anew).</summary>
    private Task<string> CreditsDumpAsync() => ReadAsync(async db =>
    {
        var cards = await db.CardCredits.OrderBy(c => c.TitleId).ThenBy(c => c.CardPosition).ThenBy(c => c.Role).ThenBy(c => c.Position)
            .Select(c => $"C {c.TitleId} {c.CardPosition} {c.Role} {c.Position} {c.Person!.Name}").ToListAsync();
        var songs = await db.Credits.Where(c => c.Role == CreditRole.SongWriter || c.Role == CreditRole.SongPerformer)
            .OrderBy(c => c.TitleId).ThenBy(c => c.Role).ThenBy(c => c.Position)
            .Select(c => $"S {c.TitleId} {c.Role} {c.Position} {c.Character} {c.Person!.Name}").ToListAsync();
        return string.Join("\n", cards.Concat(songs));
    });

    private async Task AssertIndexIsRebuildableAsync()
    {
        var before = await IndexDumpAsync();
        await factory.InScopeAsync(async services =>
        {
            await services.GetRequiredService<CatalogIndexes>().RebuildAsync(backfillCredits: false, CancellationToken.None);
            return 0;
        });
        Assert.Equal(before, await IndexDumpAsync());
        await AssertFullTextIndexIntactAsync();
    }

    private Task<int> ListedReviewCountAsync(string slug) => ReadAsync(async db =>
    {
        var title = await db.Titles.SingleAsync(t => t.Slug == slug);
        var counts = await db.TitleListings.Where(l => l.TitleId == title.Id).Select(l => l.ReviewCount).Distinct().ToListAsync();
        Assert.Equal(title.ReviewCount, Assert.Single(counts));
        return title.ReviewCount;
    });

    private Task<T> ReadAsync<T>(Func<Web.Data.CatalogDbContext, Task<T>> query) => factory.Catalog.ReadAsync(query);

    /// <summary>The provider's own check that its full-text structures match their tables (nothing to check where there are none).</summary>
    protected abstract Task AssertFullTextIndexIntactAsync();

    /// <summary>SQL that makes any write of a FAQ entry with this question fail, as a full disk would.</summary>
    protected abstract string FailWritesOfFaqQuestionSql(string question);
}

public sealed class SearchIndexInStepTestsOnSqlite(SqliteCatalog factory) : SearchIndexInStepTests<SqliteCatalog>(factory)
{
    private readonly SqliteCatalog _factory = factory;

    /// <summary>FTS5's integrity check compares the index with its content table and fails on any difference.</summary>
    protected override async Task AssertFullTextIndexIntactAsync()
    {
        await _factory.Catalog.ExecuteAsync("""INSERT INTO "TitleNamesFts"("TitleNamesFts", rank) VALUES ('integrity-check', 1)""");
        await _factory.Catalog.ExecuteAsync("""INSERT INTO "PersonNamesFts"("PersonNamesFts", rank) VALUES ('integrity-check', 1)""");
    }

    /// <summary>
    /// A writer that refreshes a title's index rows re-keys its people with this statement: it must find them by index. A filter that
    /// compared each person's old key read every person in the catalog per file, which made a 100,000-title
    /// import quadratic (found by measuring it); the plan is the fence, since no test may time an import.
    /// </summary>
    [Fact]
    public async Task Re_keying_a_titles_people_reads_them_by_index_not_every_person_in_the_catalog()
    {
        _ = _factory.Services; // the catalog, migrated
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_factory.DatabasePath}");
        await connection.OpenAsync();
        foreach (var excludingTitle in (bool[])[false, true])
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + Web.Search.NameKeys.PersonRekeySql("@title", excludingTitle);
            command.Parameters.AddWithValue("@title", 1);
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    plan.Add(reader.GetString(3));
            }

            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN PersonNames", StringComparison.Ordinal));
            // What a result line keeps (PersonSummary) is found by index too, never by reading every credit or title.
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN Credits", StringComparison.Ordinal) || step.StartsWith("SCAN CardCredits", StringComparison.Ordinal) || step.StartsWith("SCAN Titles", StringComparison.Ordinal));
            Assert.Contains(plan, step => step.StartsWith("SEARCH PersonNames", StringComparison.Ordinal));
        }
    }

    protected override string FailWritesOfFaqQuestionSql(string question) =>
        $"""CREATE TRIGGER IF NOT EXISTS "fail_{question.TrimEnd('?')}" BEFORE INSERT ON "Faq" WHEN new."Question" = '{question}' BEGIN SELECT RAISE(ABORT, 'disk full'); END""";
}

public sealed class SearchIndexInStepTestsOnPostgres(PostgresCatalog factory) : SearchIndexInStepTests<PostgresCatalog>(factory)
{
    /// <summary>
    /// PostgreSQL's full-text index is a GIN index over the name tables' own column: the database keeps
    /// it with every write of the row, so there is no separate structure to drift (the dumps compared
    /// in each test are the check).
    /// </summary>
    protected override Task AssertFullTextIndexIntactAsync() => Task.CompletedTask;

    protected override string FailWritesOfFaqQuestionSql(string question)
    {
        var name = "fail_" + question.TrimEnd('?');
        return $"""
            CREATE OR REPLACE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW."Question" = '{question}' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END; $$;
            DROP TRIGGER IF EXISTS "{name}" ON "Faq";
            CREATE TRIGGER "{name}" BEFORE INSERT ON "Faq" FOR EACH ROW EXECUTE FUNCTION "{name}"();
            """;
    }
}
