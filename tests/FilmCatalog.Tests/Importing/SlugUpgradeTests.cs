using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// A catalog written under the first slug rule (accents dropped: "Éloïse" was "lo-se") is upgraded
/// once: titles move to their new slugs, the old ones stay as aliases, and everything that names a
/// title by slug follows, so a re-import updates the film instead of making a second one. On each
/// provider: the upgrade and the importer's renaming write through each provider's own statements.
/// </summary>
public abstract class SlugUpgradeTests(TestProvider provider) : IDisposable
{
    private const string LegacySlug = "lo-se-s-o-paulo-2004";
    private const string NewSlug = "eloise-a-sao-paulo-2004";

    /// <summary>Columns of a title row, quoted as both providers read them (PostgreSQL's names are case-sensitive).</summary>
    internal const string TitleColumns =
        "\"Slug\", \"Name\", \"Year\", \"IsCardOnly\", \"FaqEmpty\", \"ReviewCount\", \"VisitorRatingCount\", \"VisitorRatingSum\", \"CreatedAt\", \"UpdatedAt\"";

    private readonly TestDatabase _database = new(provider, migration: "InitialCatalog");

    public void Dispose() => _database.Dispose();

    /// <summary>What the first version of the site left: the accented film, another film naming it, and its import record.</summary>
    private void ArrangeLegacyCatalog()
    {
        _database.Execute($"""
            INSERT INTO "Titles" ({TitleColumns}) VALUES ('{LegacySlug}', 'Éloïse à São Paulo', 2004, FALSE, FALSE, 1, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO "Titles" ({TitleColumns}) VALUES ('in-the-soup-1992', 'In the Soup', 1992, FALSE, FALSE, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO "Connections" ("TitleId", "Position", "Kind", "OtherName", "OtherYear", "OtherSlug") VALUES (2, 0, 'References', 'Éloïse à São Paulo', 2004, '{LegacySlug}');
            INSERT INTO "ImportRecords" ("FileName", "ContentHash", "ImportedAt", "TitleSlug", "Report") VALUES ('eloise.txt', 'abc', '2026-01-01 00:00:00', '{LegacySlug}', 'imported');
            INSERT INTO "Reviews" ("TitleId", "Origin", "Headline", "Body", "BodyHtml", "WrittenAt", "SourceHelpful", "SourceNotHelpful", "SiteHelpful", "SiteNotHelpful", "HelpfulScore", "Status", "ReportCount", "ContainsSpoilers")
                VALUES (1, 2, 'Posted here', 'Body', '<p>Body</p>', '2026-01-02 00:00:00', 0, 0, 0, 0, 0, 0, 0, FALSE);
            """);
    }

    private async Task UpgradeAsync()
    {
        await using var db = _database.NewDbContext();
        await db.Database.GetService<IMigrator>().MigrateAsync();
        await SlugUpgrade.RunAsync(db, NullLogger.Instance);
    }

    [Fact]
    public async Task Existing_titles_move_to_their_new_slugs_and_keep_the_old_ones_as_aliases()
    {
        ArrangeLegacyCatalog();

        await UpgradeAsync();

        await using var db = _database.NewDbContext();
        Assert.Equal([NewSlug, "in-the-soup-1992"], await db.Titles.OrderBy(t => t.Id).Select(t => t.Slug).ToListAsync());
        var alias = await db.SlugAliases.SingleAsync();
        Assert.Equal((LegacySlug, 1), (alias.OldSlug, alias.TitleId));
        Assert.Equal(NewSlug, (await db.Connections.SingleAsync()).OtherSlug);
        Assert.Equal(NewSlug, (await db.ImportRecords.SingleAsync()).TitleSlug);
        Assert.Empty(await db.CatalogUpgrades.ToListAsync());
    }

    [Fact]
    public async Task The_upgrade_runs_once()
    {
        ArrangeLegacyCatalog();
        await UpgradeAsync();
        var after = await _database.Catalog.DumpAsync();

        await UpgradeAsync();

        Assert.Equal(after, await _database.Catalog.DumpAsync());
    }

    [Fact]
    public async Task Reimporting_a_renamed_film_updates_it_instead_of_making_a_duplicate_and_keeps_its_site_review()
    {
        ArrangeLegacyCatalog();
        await UpgradeAsync();

        var outcome = await _database.ImportAsync("eloise.txt", File.ReadAllBytes(RepositoryPaths.Fixture("accented_title_slug.txt")));

        Assert.Equal((ImportStatus.Imported, NewSlug), (outcome.Status, outcome.Slug));
        await using var db = _database.NewDbContext();
        var film = await db.Titles.SingleAsync(t => t.Name == "Éloïse à São Paulo");
        Assert.Equal((1, NewSlug), (film.Id, film.Slug));
        Assert.Equal("Posted here", (await db.Reviews.SingleAsync(r => r.TitleId == film.Id)).Headline);
        Assert.Equal(
            ["aero-blues-2011", "lodz-noca-1999"],
            await db.Titles.Where(t => t.IsCardOnly).OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync());
        Assert.Equal("istanbulda-bir-gece-1972", (await db.Connections.SingleAsync(c => c.TitleId == film.Id)).OtherSlug);
    }

    [Fact]
    public async Task A_page_with_a_year_qualifier_adopts_the_film_imported_before_qualifiers_were_read()
    {
        await UpgradeAsync();
        _database.Execute($"INSERT INTO \"Titles\" ({TitleColumns}) VALUES ('lanterns-over-krakow-1996', 'Lanterns Over Kraków', 1996, FALSE, FALSE, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00');");

        var first = await _database.ImportAsync("i.txt", File.ReadAllBytes(RepositoryPaths.Fixture("same_name_1996_i.txt")));
        var second = await _database.ImportAsync("ii.txt", File.ReadAllBytes(RepositoryPaths.Fixture("same_name_1996_ii.txt")));

        Assert.Equal(("lanterns-over-krakow-1996-i", "lanterns-over-krakow-1996-ii"), (first.Slug, second.Slug));
        await using var db = _database.NewDbContext();
        var titles = await db.Titles.OrderBy(t => t.Id).Select(t => new { t.Id, t.Slug, t.YearQualifier, t.Summary }).ToListAsync();
        Assert.Equal(2, titles.Count);
        Assert.Equal((1, "lanterns-over-krakow-1996-i", "I"), (titles[0].Id, titles[0].Slug, titles[0].YearQualifier));
        Assert.Equal(("lanterns-over-krakow-1996-ii", "II"), (titles[1].Slug, titles[1].YearQualifier));
        Assert.StartsWith("A documentary", titles[1].Summary);
        var alias = await db.SlugAliases.SingleAsync();
        Assert.Equal(("lanterns-over-krakow-1996", 1), (alias.OldSlug, alias.TitleId));
    }
}

public sealed class SlugUpgradeTestsOnSqlite() : SlugUpgradeTests(TestProvider.Sqlite);

public sealed class SlugUpgradeTestsOnPostgres() : SlugUpgradeTests(TestProvider.Postgres);
