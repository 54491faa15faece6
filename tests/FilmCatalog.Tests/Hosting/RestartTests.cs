using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Hosting;

/// <summary>Data Protection keys live with the data: forms and visitor identities outlive a restart.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-restart-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task A_form_opened_before_a_restart_posts_after_it_and_the_visitor_cannot_vote_again()
    {
        var browser = new CookieContainer();
        TestCatalog.Film film;
        VotePage openedBeforeRestart;
        await using (var before = new CatalogFactory { DataFolder = _dataFolder })
        {
            film = await before.Catalog.AddFilmAsync(reviews: 2);
            var client = before.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(browser));
            Assert.Equal(HttpStatusCode.Redirect, (await (await VotePage.OpenAsync(client, film.ReviewIds[0])).SubmitAsync(helpful: true)).StatusCode);
            openedBeforeRestart = await VotePage.OpenAsync(client, film.ReviewIds[1]);
        }

        await using var after = new CatalogFactory { DataFolder = _dataFolder };
        var sameBrowser = after.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(browser));

        var posted = await sameBrowser.SubmitAsync(openedBeforeRestart.Form!, submitButton: openedBeforeRestart.Button(helpful: true));
        var again = await (await VotePage.OpenAsync(sameBrowser, film.ReviewIds[0])).SubmitAsync(helpful: true);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var catalog = after.Catalog;
        Assert.Equal(1, (await catalog.SiteVotesAsync(film.ReviewIds[0])).Rows);
        Assert.Equal(1, (await catalog.SiteVotesAsync(film.ReviewIds[1])).Rows);
        Assert.Equal(1, await catalog.ReadAsync(db => db.HelpfulVotes.Select(v => v.VisitorId).Distinct().CountAsync()));
        Assert.Empty(await catalog.CounterMismatchesAsync());
    }
}
