using System.Net;
using FilmCatalog.Testing;
using FilmCatalog.Web.Data.Sqlite;
using FilmCatalog.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Data;

/// <summary>The backup command copies the live catalog consistently while the site takes writes.</summary>
public sealed class CatalogBackupTests : IClassFixture<CatalogFactory>
{
    private readonly CatalogFactory _factory;

    public CatalogBackupTests(CatalogFactory factory) => _factory = factory;

    [Fact]
    public void The_command_line_takes_backup_with_an_optional_path_and_keeps_the_site_arguments()
    {
        var (command, siteArgs) = SiteCommand.Parse(["backup", "--urls", "x"]);
        Assert.Equal(new SiteCommand.Backup(null), command);
        Assert.Equal(["--urls", "x"], siteArgs);
        Assert.Equal(new SiteCommand.Backup("out.db"), SiteCommand.Parse(["backup", "out.db"]).Command);
        Assert.EndsWith(Path.Combine("data", "backups", "catalog-20260102-030405.db"), SqliteBackup.DefaultPath("data", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_taken_during_a_vote_storm_opens_passes_integrity_check_and_holds_the_votes_before_it()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 2);
        var visitors = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var client = _factory.CreateClient($"10.8.0.{i + 1}");
            return await VotePage.OpenAsync(client, film.ReviewIds[i % 2]);
        }));
        foreach (var early in visitors.Take(10))
            Assert.Equal(HttpStatusCode.Redirect, (await early.SubmitAsync(helpful: true)).StatusCode);

        var target = Path.Combine(_factory.DataFolder, "backups", "during-storm.db");
        var storm = Task.WhenAll(visitors.Skip(10).Select(v => v.SubmitAsync(helpful: false)));
        await SqliteBackup.WriteAsync($"Data Source={_factory.DatabasePath}", target);
        await storm;

        using (var connection = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        var backup = TestCatalog.OfSqliteFile(target);
        var votes = await backup.ReadAsync(db => db.HelpfulVotes.CountAsync(v => film.ReviewIds.Contains(v.ReviewId)));
        Assert.InRange(votes, 10, 40);
        Assert.Equal(10, await backup.ReadAsync(db => db.HelpfulVotes.CountAsync(v => film.ReviewIds.Contains(v.ReviewId) && v.IsHelpful)));
        Assert.Empty(await backup.CounterMismatchesAsync());
        Assert.Equal(await _factory.Catalog.ReadAsync(db => db.Titles.CountAsync()), await backup.ReadAsync(db => db.Titles.CountAsync()));
        Assert.False(File.Exists(target + ".partial"));
        // It holds what the catalog holds (moderators' authenticator keys among it): its owner's alone.
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        await Assert.ThrowsAsync<IOException>(() => SqliteBackup.WriteAsync($"Data Source={_factory.DatabasePath}", target));
    }
}
