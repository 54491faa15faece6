using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FilmCatalog.Tests.Trust;

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
        TrustCatalog.Film film;
        IHtmlFormElement openedBeforeRestart;
        await using (var before = new TrustFactory { DataFolder = _dataFolder })
        {
            film = await TrustCatalog.AddFilmAsync(before, reviews: 2);
            var client = before.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(browser));
            Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(client, film.ReviewIds[0])).StatusCode);
            openedBeforeRestart = await VoteFormAsync(client, film.ReviewIds[1]);
        }

        await using var after = new TrustFactory { DataFolder = _dataFolder };
        var sameBrowser = after.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(browser));

        var posted = await sameBrowser.SubmitAsync(openedBeforeRestart, submitButton: (IHtmlElement)openedBeforeRestart.QuerySelector("button[value=yes]")!);
        var again = await VoteAsync(sameBrowser, film.ReviewIds[0]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var db = Path.Combine(_dataFolder, "catalog.db");
        Assert.Equal(1, TrustCatalog.Scalar(db, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId = {film.ReviewIds[0]}"));
        Assert.Equal(1, TrustCatalog.Scalar(db, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId = {film.ReviewIds[1]}"));
        Assert.Equal(1, TrustCatalog.Scalar(db, "SELECT COUNT(DISTINCT VisitorId) FROM HelpfulVotes"));
        Assert.Empty(TrustCatalog.CounterMismatches(db));
    }

    private static async Task<IHtmlFormElement> VoteFormAsync(HttpClient client, int review)
    {
        var page = await HtmlPage.GetAsync(client, $"/reviews/{review}/vote");
        return (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
    }

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, int review)
    {
        var form = await VoteFormAsync(client, review);
        return await client.SubmitAsync(form, submitButton: (IHtmlElement)form.QuerySelector("button[value=yes]")!);
    }
}
