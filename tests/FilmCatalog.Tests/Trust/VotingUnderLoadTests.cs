using System.Net;
using AngleSharp.Html.Dom;
using FilmCatalog.Tests.Infrastructure;

namespace FilmCatalog.Tests.Trust;

/// <summary>Votes are exact under parallel load: one row per visitor and review, counters equal to the rows.</summary>
public sealed class VotingUnderLoadTests : IClassFixture<VotingUnderLoadTests.Factory>
{
    private readonly Factory _factory;

    public VotingUnderLoadTests(Factory factory) => _factory = factory;

    public sealed class Factory : TrustFactory
    {
        public Factory() => Settings = new Dictionary<string, string> { ["RateLimits:VotesPerWindow"] = "100000" };
    }

    [Fact]
    public async Task Two_hundred_distinct_visitors_voting_in_parallel_make_exactly_two_hundred_votes()
    {
        var film = await TrustCatalog.AddFilmAsync(_factory, reviews: 1);
        var review = film.ReviewIds[0];
        var forms = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var client = _factory.CreateClient($"10.2.{i / 250}.{i % 250 + 1}");
            var page = await HtmlPage.GetAsync(client, $"/reviews/{review}/vote");
            return (client, form: (IHtmlFormElement)page.QuerySelector("main form[method=post]")!);
        }));

        var responses = await Task.WhenAll(forms.Select(f => f.client.SubmitAsync(f.form, submitButton: (IHtmlElement)f.form.QuerySelector("button[value=yes]")!)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(200, TrustCatalog.Scalar(_factory.DatabasePath, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId = {review}"));
        Assert.Equal(200, TrustCatalog.Scalar(_factory.DatabasePath, $"SELECT SiteHelpful FROM Reviews WHERE Id = {review}"));
        Assert.Empty(TrustCatalog.CounterMismatches(_factory.DatabasePath));
    }

    [Fact]
    public async Task A_visitor_who_opened_the_vote_page_and_posts_it_fifty_times_at_once_has_one_vote()
    {
        var film = await TrustCatalog.AddFilmAsync(_factory, reviews: 1);
        var client = _factory.CreateClient("10.3.0.2");
        var page = await HtmlPage.GetAsync(client, $"/reviews/{film.ReviewIds[0]}/vote");
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var yes = (IHtmlElement)form.QuerySelector("button[value=yes]")!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.SubmitAsync(form, submitButton: yes)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, TrustCatalog.Scalar(_factory.DatabasePath, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId = {film.ReviewIds[0]}"));
        Assert.Empty(TrustCatalog.CounterMismatches(_factory.DatabasePath));
    }

    [Fact]
    public async Task One_visitor_voting_fifty_times_in_parallel_has_one_vote_counted_once()
    {
        var film = await TrustCatalog.AddFilmAsync(_factory, reviews: 2);
        var client = _factory.CreateClient("10.3.0.1");

        // The first vote gives the visitor their identity cookie; the storm then comes from one known visitor.
        var first = await HtmlPage.GetAsync(client, $"/reviews/{film.ReviewIds[0]}/vote");
        var firstForm = (IHtmlFormElement)first.QuerySelector("main form[method=post]")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(firstForm, submitButton: (IHtmlElement)firstForm.QuerySelector("button[value=yes]")!)).StatusCode);

        var page = await HtmlPage.GetAsync(client, $"/reviews/{film.ReviewIds[1]}/vote");
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var yes = (IHtmlElement)form.QuerySelector("button[value=yes]")!;
        var no = (IHtmlElement)form.QuerySelector("button[value=no]")!;
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.SubmitAsync(form, submitButton: i % 2 == 0 ? yes : no)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, TrustCatalog.Scalar(_factory.DatabasePath, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId = {film.ReviewIds[1]}"));
        Assert.Equal(1, TrustCatalog.Scalar(_factory.DatabasePath, $"SELECT SiteHelpful + SiteNotHelpful FROM Reviews WHERE Id = {film.ReviewIds[1]}"));
        Assert.Equal(1, TrustCatalog.Scalar(_factory.DatabasePath, "SELECT COUNT(DISTINCT VisitorId) FROM HelpfulVotes WHERE ReviewId IN " + $"({film.ReviewIds[0]}, {film.ReviewIds[1]})"));
        Assert.Empty(TrustCatalog.CounterMismatches(_factory.DatabasePath));
    }

    [Fact]
    public async Task A_storm_of_mixed_and_changed_votes_on_several_reviews_leaves_every_counter_equal_to_its_rows()
    {
        var film = await TrustCatalog.AddFilmAsync(_factory, reviews: 3);
        var visitors = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var client = _factory.CreateClient($"10.4.0.{i + 1}");
            var page = await HtmlPage.GetAsync(client, $"/reviews/{film.ReviewIds[0]}/vote");
            return (client, token: ((IHtmlInputElement)page.QuerySelector($"input[name={TrustPages.TokenField}]")!).Value);
        }));

        var votes = visitors.SelectMany((v, i) => Enumerable.Range(0, 6).Select(j => (v.client, v.token, review: film.ReviewIds[(i + j) % 3], helpful: (i * j) % 2 == 0)));
        var responses = await Task.WhenAll(votes.Select(v =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{v.review}/vote")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = v.helpful ? "yes" : "no" }),
            };
            request.Headers.Add("RequestVerificationToken", v.token);
            request.Headers.Accept.ParseAdd("application/json");
            return v.client.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Empty(TrustCatalog.CounterMismatches(_factory.DatabasePath));
        var rows = TrustCatalog.Scalar(_factory.DatabasePath, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId IN ({string.Join(",", film.ReviewIds)})");
        // Each visitor voted on each of the three reviews (some twice, some changing their mind): 90 votes.
        Assert.Equal(90, rows);
    }
}
