using FilmCatalog.Tests.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FilmCatalog.Tests.Data;

/// <summary>
/// The VisitorRatingCounts migration fills the per-score counts from the reviews visitors had already
/// posted (visible, posted here, rated), so the distribution chart is right on a catalog that existed
/// before it. Hand-written SQL on each provider, so it runs on each.
/// </summary>
public abstract class VisitorRatingCountsMigrationTests(TestProvider provider) : IDisposable
{
    private readonly TestDatabase _database = new(provider, migration: "TitlePageFactsAndSlugAliases");

    public void Dispose() => _database.Dispose();

    private static string Review(int titleId, int origin, int status, string rating) => $"""
        INSERT INTO "Reviews" ("TitleId", "Origin", "Headline", "Body", "BodyHtml", "WrittenAt", "SourceHelpful", "SourceNotHelpful", "SiteHelpful", "SiteNotHelpful", "HelpfulScore", "Status", "ReportCount", "ContainsSpoilers", "Rating")
            VALUES ({titleId}, {origin}, 'A review', 'Body', '<p>Body</p>', '2026-01-02 00:00:00', 0, 0, 0, 0, 0, {status}, 0, FALSE, {rating});
        """;

    [Fact]
    public async Task Existing_visitor_ratings_are_counted_per_score_and_nothing_else_is()
    {
        _database.Execute($"""
            INSERT INTO "Titles" ({SlugUpgradeTests.TitleColumns}) VALUES ('rated-2001', 'Rated', 2001, FALSE, FALSE, 4, 3, 25, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO "Titles" ({SlugUpgradeTests.TitleColumns}) VALUES ('unrated-2002', 'Unrated', 2002, FALSE, FALSE, 1, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            {Review(1, 2, 0, "8")}
            {Review(1, 2, 0, "8")}
            {Review(1, 2, 0, "9")}
            {Review(1, 2, 0, "NULL")}
            {Review(1, 1, 0, "2")}
            {Review(1, 2, 1, "1")}
            {Review(2, 1, 0, "7")}
            """);

        await using (var db = _database.NewDbContext())
            await db.Database.GetService<IMigrator>().MigrateAsync();

        await using var read = _database.NewDbContext();
        var counts = await read.Titles.OrderBy(t => t.Id).Select(t => t.VisitorRatingCounts).ToListAsync();
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 2, 1, 0], counts[0]); // the imported 2 and the hidden 1 are not visitors' visible ratings
        Assert.Null(counts[1]);
    }
}

public sealed class VisitorRatingCountsMigrationTestsOnSqlite() : VisitorRatingCountsMigrationTests(TestProvider.Sqlite);

public sealed class VisitorRatingCountsMigrationTestsOnPostgres() : VisitorRatingCountsMigrationTests(TestProvider.Postgres);
