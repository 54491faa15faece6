using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Reviews;

/// <summary>Votes are exact under parallel load: one row per visitor and review, counters equal to the rows.</summary>
public abstract class VotingUnderLoadTests<TCatalog> : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private readonly TCatalog _factory;

    protected VotingUnderLoadTests(TCatalog factory) => _factory = factory;

    [Fact]
    public async Task Two_hundred_distinct_visitors_voting_in_parallel_make_exactly_two_hundred_votes()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 1);
        var review = film.ReviewIds[0];
        var forms = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var client = _factory.CreateClient($"10.2.{i / 250}.{i % 250 + 1}");
            return await VotePage.OpenAsync(client, review);
        }));

        var responses = await Task.WhenAll(forms.Select(page => page.SubmitAsync(helpful: true)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal((200, 0, 200), await _factory.Catalog.SiteVotesAsync(review));
        Assert.Empty(await _factory.Catalog.CounterMismatchesAsync());
    }

    [Fact]
    public async Task A_visitor_who_opened_the_vote_page_and_posts_it_fifty_times_at_once_has_one_vote()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 1);
        var client = _factory.CreateClient("10.3.0.2");
        var page = await VotePage.OpenAsync(client, film.ReviewIds[0]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => page.SubmitAsync(helpful: true)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, (await _factory.Catalog.SiteVotesAsync(film.ReviewIds[0])).Rows);
        Assert.Empty(await _factory.Catalog.CounterMismatchesAsync());
    }

    [Fact]
    public async Task One_visitor_voting_fifty_times_in_parallel_has_one_vote_counted_once()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 2);
        var client = _factory.CreateClient("10.3.0.1");

        // The first vote gives the visitor their identity cookie; the storm then comes from one known visitor.
        var first = await VotePage.OpenAsync(client, film.ReviewIds[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(helpful: true)).StatusCode);

        var page = await VotePage.OpenAsync(client, film.ReviewIds[1]);
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => page.SubmitAsync(helpful: i % 2 == 0)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (helpful, notHelpful, rows) = await _factory.Catalog.SiteVotesAsync(film.ReviewIds[1]);
        Assert.Equal(1, rows);
        Assert.Equal(1, helpful + notHelpful);
        Assert.Equal(1, await _factory.Catalog.ReadAsync(db => db.HelpfulVotes.Where(v => film.ReviewIds.Contains(v.ReviewId)).Select(v => v.VisitorId).Distinct().CountAsync()));
        Assert.Empty(await _factory.Catalog.CounterMismatchesAsync());
    }

    [Fact]
    public async Task A_storm_of_mixed_and_changed_votes_on_several_reviews_leaves_every_counter_equal_to_its_rows()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 3);
        var visitors = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var client = _factory.CreateClient($"10.4.0.{i + 1}");
            var page = await VotePage.OpenAsync(client, film.ReviewIds[0]);
            return (client, token: page.Form!.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value);
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
        Assert.Empty(await _factory.Catalog.CounterMismatchesAsync());
        var rows = await _factory.Catalog.ReadAsync(db => db.HelpfulVotes.CountAsync(v => film.ReviewIds.Contains(v.ReviewId)));
        // Each visitor voted on each of the three reviews (some twice, some changing their mind): 90 votes.
        Assert.Equal(90, rows);
    }
}

public sealed class VotingUnderLoadTestsOnSqlite(SqliteCatalog factory) : VotingUnderLoadTests<SqliteCatalog>(factory);

public sealed class VotingUnderLoadTestsOnPostgres(PostgresCatalog factory) : VotingUnderLoadTests<PostgresCatalog>(factory);
