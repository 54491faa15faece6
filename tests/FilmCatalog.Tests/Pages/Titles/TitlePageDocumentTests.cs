using System.Text.RegularExpressions;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Moderation;
using FilmCatalog.Web.Pages.Titles;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FilmCatalog.Tests.Pages.Titles;

/// <summary>
/// The title page's read model (ADR-004) never drifts from the tables it copies: after every kind of
/// write, every title's document equals the one built from its rows, and every title page renders
/// byte for byte as it does when read from the tables (the query the page used before documents).
/// </summary>
public abstract partial class TitlePageDocumentTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    [Fact]
    public async Task Every_page_renders_from_its_document_as_from_the_tables_after_every_kind_of_write()
    {
        // Import: every fixture (the seed film is in already), each a title and the card-only titles its cards name.
        foreach (var fixture in Directory.GetFiles(Path.GetDirectoryName(RepositoryPaths.Fixture("x"))!, "*.txt").Order(StringComparer.Ordinal))
            await factory.ImportAsync(Path.GetFileName(fixture), await File.ReadAllBytesAsync(fixture));
        await AssertDocumentsMatchTablesAsync("after importing the fixtures");

        // A film whose cards name films that have no page yet, then those films' own pages, then a newer capture of the first.
        var first = new TitlePageText("Drift Test Original", 2001)
        {
            Genres = ["Drama"],
            Directors = ["Ada Director"],
            Cast = [("Ben Actor", "Himself"), ("Cy Actor", null)],
            Cards = [new("Drift Test Card One", 1999, "Comedy", 6.5, "Dee Director", "Ben Actor"), new("Drift Test Card Two", 2003, "Drama", 7.1, "Ada Director", "Eve Star")],
        };
        await factory.ImportAsync(first);
        await AssertDocumentsMatchTablesAsync("after a film whose cards name films without pages");

        await factory.ImportAsync(new TitlePageText("Drift Test Card One", 1999)
        {
            Genres = ["Comedy", "Romance"],
            Directors = ["Dee Director"],
            Cards = [new("Drift Test Original", 2001, "Drama", 7.0, "Ada Director", "Ben Actor")],
        });
        await AssertDocumentsMatchTablesAsync("after the page of a film known only from a card");

        await factory.ImportAsync(first with
        {
            Summary = "A newer capture of the film, whose summary and cast changed since the first one.",
            Cast = [("Cy Actor", "Someone else"), ("Fay Actor", "Herself")],
            Cards = [new("Drift Test Card Two", 2003, "Drama", 7.2, "Ada Director", "Eve Star"), new("Drift Test Card Three", null, "Horror", 5.0, "Gus Director")],
        });
        await AssertDocumentsMatchTablesAsync("after a newer capture");

        // A series whose cards give a card-only title a kind and run, and name the first film and a series' page without one.
        await factory.ImportAsync(new TitlePageText("Drift Test Series", 1998)
        {
            Kind = "TV Series",
            Run = "–2003",
            Cards =
            [
                new("Drift Test Game", 2004, "Adventure", 6.0, "Hal Director") { Kind = "Video Game" },
                new("Drift Test Original", 2001, "Drama", 7.0, "Ada Director"),
                new("Harbour Lights", 1994, "Drama", 8.0, "Maren Tallis"),
            ],
        });
        await AssertDocumentsMatchTablesAsync("after cards of other kinds");

        // Visitors' writes: a review, a vote, reports that hide it, a moderator's restore and hide.
        var review = await factory.InScopeAsync(services => services.GetRequiredService<ReviewPosting>()
            .PostAsync(first.Slug, new NewReview("Held up well", 8, "A review long enough to be a review of the film.", "A visitor", false), Guid.NewGuid(), default));
        Assert.NotNull(review);
        await AssertDocumentsMatchTablesAsync("after a review");

        await factory.InScopeAsync(services => services.GetRequiredService<ReviewVoting>().VoteAsync(review.Id, Guid.NewGuid(), "voter", helpful: true, default));
        await AssertDocumentsMatchTablesAsync("after a vote");

        for (var i = 0; i < ReviewReporting.HideThreshold; i++)
        {
            var reporter = i;
            await factory.InScopeAsync(services => services.GetRequiredService<ReviewReporting>()
                .ReportAsync(review.Id, Guid.NewGuid(), $"network-{reporter}", ReportReason.Offensive, null, default));
        }
        Assert.Equal(ReviewStatus.PendingModeration, await factory.Catalog.ReadAsync(db => db.Reviews.Where(r => r.Id == review.Id).Select(r => r.Status).SingleAsync()));
        await AssertDocumentsMatchTablesAsync("after reports hid a review");

        await factory.AddModeratorAsync("drift-moderator@example.org", "A long enough moderator password 1!");
        var moderatorId = await factory.Catalog.ReadAsync(db => db.Users.Where(u => u.Email == "drift-moderator@example.org").Select(u => u.Id).SingleAsync());
        var moderator = new Moderator(moderatorId, "drift-moderator@example.org");
        foreach (var decision in new[] { ModerationDecision.Restore, ModerationDecision.Hide })
        {
            await factory.InScopeAsync(services => services.GetRequiredService<ReviewModeration>().DecideAsync(review.Id, decision, moderator, "Checked.", default));
            await AssertDocumentsMatchTablesAsync($"after a moderator's {decision}");
        }
    }

    [Fact]
    public async Task A_catalog_imported_before_documents_existed_gets_them_after_start_and_renders_as_it_did()
    {
        var film = new TitlePageText("Upgrade Test Film", 1987) { Genres = ["Drama"], Stars = ["Ann Star"], Cards = [new("Upgrade Test Card", 1988, "Drama", 6.0, "Bo Director")] };
        await factory.ImportAsync(film);
        var before = await RenderAsync(film.Slug);

        // A catalog as an older version left it: no documents at all. Its pages read the tables meanwhile.
        await factory.Catalog.ExecuteAsync("DELETE FROM \"TitlePageDocuments\"");
        Assert.Equal(before, await RenderAsync(film.Slug));

        // The site's background upgrade, as it runs after a start.
        var upgrade = factory.Services.GetServices<IHostedService>().OfType<TitlePageDocumentUpgrade>().Single();
        await upgrade.RunAsync(CancellationToken.None);
        Assert.Equal(await factory.Catalog.ScalarAsync("SELECT COUNT(*) FROM \"Titles\""), await factory.Catalog.ScalarAsync("SELECT COUNT(*) FROM \"TitlePageDocuments\""));
        await AssertDocumentsMatchTablesAsync("after the upgrade");
        Assert.Equal(before, await RenderAsync(film.Slug));
    }

    [Fact]
    public async Task Documents_of_an_older_shape_are_rebuilt_after_start_with_what_the_newer_shape_keeps()
    {
        // A series whose connection names a video: the kind of a connection's title came in with document version 2.
        await factory.ImportAsync("title_kind_tv_series.txt", await File.ReadAllBytesAsync(RepositoryPaths.Fixture("title_kind_tv_series.txt")));
        var before = await RenderAsync("harbour-lights-1994");
        Assert.Contains("Lights Along the Coast (Video 2006)", before, StringComparison.Ordinal);

        await factory.Catalog.ExecuteAsync($"UPDATE \"TitlePageDocuments\" SET \"Version\" = {TitlePageFacts.Version - 1}");
        Assert.Equal(before, await RenderAsync("harbour-lights-1994"));

        var upgrade = factory.Services.GetServices<IHostedService>().OfType<TitlePageDocumentUpgrade>().Single();
        await upgrade.RunAsync(CancellationToken.None);
        await AssertDocumentsMatchTablesAsync("after the upgrade of older documents");
        Assert.Equal(before, await RenderAsync("harbour-lights-1994"));
    }

    /// <summary>
    /// Every title has a document of the current shape equal to the one its rows make, and every page
    /// renders the same from the documents as from the tables (documents set aside, then put back).
    /// </summary>
    private async Task AssertDocumentsMatchTablesAsync(string when)
    {
        var documents = await factory.Catalog.ReadAsync(db => db.TitlePageDocuments.AsNoTracking().ToDictionaryAsync(d => d.TitleId));
        var titles = await factory.Catalog.ReadAsync(db => db.Titles.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Slug }).ToListAsync());
        Assert.Equal(titles.Select(t => t.Id), documents.Keys.Order());
        Assert.All(documents.Values, d => Assert.Equal(TitlePageFacts.Version, d.Version));

        var fromTables = await factory.Catalog.ReadAsync(db => TitlePageDocuments.FromTablesAsync(db, [.. titles.Select(t => t.Id)]));
        foreach (var title in titles)
            Assert.True(fromTables[title.Id].ToJson() == documents[title.Id].Json, $"{when}: the document of {title.Slug} differs from its rows");

        var fromDocuments = new Dictionary<string, string>();
        foreach (var title in titles)
            fromDocuments[title.Slug] = await RenderAsync(title.Slug);

        await factory.Catalog.ExecuteAsync("DELETE FROM \"TitlePageDocuments\"");
        try
        {
            foreach (var title in titles)
                Assert.True(fromDocuments[title.Slug] == await RenderAsync(title.Slug), $"{when}: /title/{title.Slug} renders differently from its document");
        }
        finally
        {
            await factory.Catalog.ReadAsync(async db =>
            {
                db.TitlePageDocuments.AddRange(documents.Values);
                return await db.SaveChangesAsync();
            });
        }
    }

    /// <summary>The page's HTML, with what differs between any two requests (the antiforgery token) blanked.</summary>
    private async Task<string> RenderAsync(string slug)
    {
        var response = await factory.CreateClient().GetAsync($"/title/{slug}");
        response.EnsureSuccessStatusCode();
        return PerRequest().Replace(await response.Content.ReadAsStringAsync(), "$1");
    }

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]*")]
    private static partial Regex PerRequest();
}

/// <summary>Pages rendered fresh at every request: the comparison reads the database, never the page cache.</summary>
public sealed class UncachedSqliteCatalog : CatalogFactory
{
    public UncachedSqliteCatalog() => Settings = new Dictionary<string, string> { ["Caching:Enabled"] = "false" };
}

public sealed class UncachedPostgresCatalog : PostgresCatalog
{
    public UncachedPostgresCatalog() => Settings = new Dictionary<string, string> { ["Caching:Enabled"] = "false" };
}

public sealed class TitlePageDocumentTestsOnSqlite(UncachedSqliteCatalog factory) : TitlePageDocumentTests<UncachedSqliteCatalog>(factory);

public sealed class TitlePageDocumentTestsOnPostgres(UncachedPostgresCatalog factory) : TitlePageDocumentTests<UncachedPostgresCatalog>(factory);
