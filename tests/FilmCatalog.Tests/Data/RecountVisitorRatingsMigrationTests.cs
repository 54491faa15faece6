using FilmCatalog.Tests.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FilmCatalog.Tests.Data;

/// <summary>
/// The RecountVisitorRatings migration repairs the per-score counts that a moderator's restore left one short
/// (the count and the sum were brought back, the score's count was not), from the visible ratings visitors posted.
/// </summary>
public abstract class RecountVisitorRatingsMigrationTests(TestProvider provider) : IDisposable
{
    private readonly TestDatabase _database = new(provider, migration: "AddTitleKinds");

    public void Dispose() => _database.Dispose();

    private static string Review(int titleId, int origin, int status, string rating) => $"""
        INSERT INTO "Reviews" ("TitleId", "Origin", "Headline", "Body", "BodyHtml", "WrittenAt", "SourceHelpful", "SourceNotHelpful", "SiteHelpful", "SiteNotHelpful", "HelpfulScore", "Status", "ReportCount", "ContainsSpoilers", "KeptByModerator", "Rating")
            VALUES ({titleId}, {origin}, 'A review', 'Body', '<p>Body</p>', '2026-01-02 00:00:00', 0, 0, 0, 0, 0, {status}, 0, FALSE, TRUE, {rating});
        """;

    private string Counts(params int[] counts) => _database.Provider == TestProvider.Postgres
        ? $"ARRAY[{string.Join(",", counts)}]"
        : $"'[{string.Join(",", counts)}]'";

    [Fact]
    public async Task Counts_a_restore_left_short_are_counted_again_from_the_visible_ratings()
    {
        _database.Execute($"""
            INSERT INTO "Titles" ({SlugUpgradeTests.TitleColumns}) VALUES ('restored-2001', 'Restored', 2001, FALSE, FALSE, 3, 3, 14, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO "Titles" ({SlugUpgradeTests.TitleColumns}) VALUES ('unrated-2002', 'Unrated', 2002, FALSE, FALSE, 1, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            UPDATE "Titles" SET "VisitorRatingCounts" = {Counts(0, 0, 1, 0, 0, 0, 0, 1, 0, 0)} WHERE "Slug" = 'restored-2001';
            {Review(1, 2, 0, "3")}
            {Review(1, 2, 0, "3")}
            {Review(1, 2, 0, "8")}
            {Review(1, 2, 2, "1")}
            {Review(1, 1, 0, "5")}
            {Review(2, 1, 0, "7")}
            """);

        await using (var db = _database.NewDbContext())
            await db.Database.GetService<IMigrator>().MigrateAsync();

        await using var read = _database.NewDbContext();
        var titles = await read.Titles.OrderBy(t => t.Id).Select(t => new { t.VisitorRatingCount, t.VisitorRatingSum, t.VisitorRatingCounts }).ToListAsync();
        Assert.Equal([0, 0, 2, 0, 0, 0, 0, 1, 0, 0], titles[0].VisitorRatingCounts); // the removed 1 and the imported 5 are not visitors' visible ratings
        Assert.Equal((3, 14), (titles[0].VisitorRatingCount, titles[0].VisitorRatingSum)); // kept right by the restore, left as they were
        Assert.Null(titles[1].VisitorRatingCounts);
    }
}

public sealed class RecountVisitorRatingsMigrationTestsOnSqlite() : RecountVisitorRatingsMigrationTests(TestProvider.Sqlite);

public sealed class RecountVisitorRatingsMigrationTestsOnPostgres() : RecountVisitorRatingsMigrationTests(TestProvider.Postgres);
