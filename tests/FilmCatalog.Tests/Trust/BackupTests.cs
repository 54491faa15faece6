using System.Net;
using FilmCatalog.Tests.Infrastructure;
using FilmCatalog.Web.Data.Sqlite;
using FilmCatalog.Web.Hosting;
using Microsoft.Data.Sqlite;

namespace FilmCatalog.Tests.Trust;

/// <summary>The backup command copies the live catalog consistently while the site takes writes.</summary>
public sealed class BackupTests : IClassFixture<BackupTests.Factory>
{
    private readonly Factory _factory;

    public BackupTests(Factory factory) => _factory = factory;

    public sealed class Factory : TrustFactory
    {
        public Factory() => Settings = new Dictionary<string, string> { ["RateLimits:VotesPerWindow"] = "100000" };
    }

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
        var film = await TrustCatalog.AddFilmAsync(_factory, reviews: 2);
        var visitors = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var client = _factory.CreateClient($"10.8.0.{i + 1}");
            var page = await HtmlPage.GetAsync(client, $"/reviews/{film.ReviewIds[i % 2]}/vote");
            return (client, form: (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!, review: film.ReviewIds[i % 2]);
        }));
        var early = visitors.Take(10).ToList();
        foreach (var (client, form, _) in early)
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form, submitButton: (AngleSharp.Html.Dom.IHtmlElement)form.QuerySelector("button[value=yes]")!)).StatusCode);

        var target = Path.Combine(_factory.DataFolder, "backups", "during-storm.db");
        var storm = Task.WhenAll(visitors.Skip(10).Select(v => v.client.SubmitAsync(v.form, submitButton: (AngleSharp.Html.Dom.IHtmlElement)v.form.QuerySelector("button[value=no]")!)));
        await SqliteBackup.WriteAsync($"Data Source={_factory.DatabasePath}", target);
        await storm;

        using (var connection = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        var ids = string.Join(",", film.ReviewIds);
        var votes = TrustCatalog.Scalar(target, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId IN ({ids})");
        Assert.InRange(votes, 10, 40);
        Assert.Equal(10, TrustCatalog.Scalar(target, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId IN ({ids}) AND IsHelpful = 1"));
        Assert.Empty(TrustCatalog.CounterMismatches(target));
        Assert.Equal(TrustCatalog.Scalar(_factory.DatabasePath, "SELECT COUNT(*) FROM Titles"), TrustCatalog.Scalar(target, "SELECT COUNT(*) FROM Titles"));
        Assert.False(File.Exists(target + ".partial"));
        await Assert.ThrowsAsync<IOException>(() => SqliteBackup.WriteAsync($"Data Source={_factory.DatabasePath}", target));
    }
}
