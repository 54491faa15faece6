using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Pages.Reviews;

public abstract class VoteTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string SeedSlug = "in-the-soup-1992";

    private Task<int> SeedReviewIdAsync() => factory.Catalog.ReadAsync(db =>
        db.Reviews.Where(r => r.Origin == ReviewOrigin.Imported && r.Title!.Slug == SeedSlug).Select(r => r.Id).SingleAsync());

    private Task<(int Helpful, int NotHelpful, int Rows)> SiteVotesAsync(int reviewId) => factory.Catalog.SiteVotesAsync(reviewId);

    /// <summary>Answers "Was this review helpful?" under a review on the title page, then on the confirmation page.</summary>
    private static async Task<TitlePage> VoteAsync(HttpClient client, int reviewId, bool helpful)
    {
        var title = await TitlePage.GetAsync(client, SeedSlug);
        var confirm = await title.ClickVoteAsync(reviewId, helpful);
        return await confirm.AnswerAsync(helpful);
    }

    [Fact]
    public async Task Voting_yes_then_no_then_yes_leaves_one_vote_that_follows_the_last_answer()
    {
        var reviewId = await SeedReviewIdAsync();
        var client = factory.CreateClient();
        var (helpful0, notHelpful0, rows0) = await SiteVotesAsync(reviewId);

        var page = await VoteAsync(client, reviewId, helpful: true);
        Assert.Contains("Thank you for your vote", page.StatusMessage);
        Assert.Equal((helpful0 + 1, notHelpful0, rows0 + 1), await SiteVotesAsync(reviewId));

        var no = await VoteAsync(client, reviewId, helpful: false);
        Assert.Contains("Your vote is changed", no.StatusMessage);
        Assert.Equal((helpful0, notHelpful0 + 1, rows0 + 1), await SiteVotesAsync(reviewId));

        var yesAgain = await VoteAsync(client, reviewId, helpful: true);
        Assert.Equal((helpful0 + 1, notHelpful0, rows0 + 1), await SiteVotesAsync(reviewId));

        // The seed's "2 of 2" plus this visitor's yes, and the page says so.
        var (helpful, _, _) = await SiteVotesAsync(reviewId);
        Assert.StartsWith($"{2 + helpful} of ", yesAgain.HelpfulLine(reviewId));
    }

    [Fact]
    public async Task Voting_the_same_way_twice_changes_nothing()
    {
        var reviewId = await SeedReviewIdAsync();
        var client = factory.CreateClient();
        await VoteAsync(client, reviewId, helpful: false);
        var before = await SiteVotesAsync(reviewId);

        var again = await VoteAsync(client, reviewId, helpful: false);

        Assert.Contains("already", again.StatusMessage);
        Assert.Equal(before, await SiteVotesAsync(reviewId));
    }

    [Fact]
    public async Task A_second_visitor_adds_a_vote_of_their_own()
    {
        var reviewId = await SeedReviewIdAsync();
        var first = factory.CreateClient();
        var second = factory.CreateClient();
        await VoteAsync(first, reviewId, helpful: true);
        var (_, _, rows) = await SiteVotesAsync(reviewId);

        await VoteAsync(second, reviewId, helpful: true);

        Assert.Equal(rows + 1, (await SiteVotesAsync(reviewId)).Rows);
    }

    [Fact]
    public async Task A_visitor_cannot_vote_on_their_own_review()
    {
        var author = factory.CreateClient();
        var form = await ReviewForm.OpenForAsync(author, SeedSlug);
        var page = await form.PostAsync(ReviewForm.Values("My own opinion", "7", ReviewForm.ValidBody));
        var reviewId = page.ReviewId("My own opinion");

        var confirm = await page.ClickVoteAsync(reviewId, helpful: true);

        Assert.Contains("your own review", confirm.Main.TextContent);
        Assert.Null(confirm.Form);
        Assert.Equal((0, 0, 0), await SiteVotesAsync(reviewId));

        // Even a hand-made POST with a valid token is refused.
        var token = await TokenAsync(author);
        var forced = await PostVoteAsync(author, reviewId, token, "yes");
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Equal((0, 0, 0), await SiteVotesAsync(reviewId));
    }

    [Fact]
    public async Task A_vote_without_an_antiforgery_token_is_a_400_and_counts_nothing()
    {
        var reviewId = await SeedReviewIdAsync();
        var client = factory.CreateClient();
        var before = await SiteVotesAsync(reviewId);

        var response = await client.PostAsync($"/reviews/{reviewId}/vote", new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SiteVotesAsync(reviewId));
    }

    [Fact]
    public async Task A_vote_on_an_unknown_review_is_a_404()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reviews/987654/vote?helpful=yes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostVoteAsync(client, 987654, await TokenAsync(client), "yes")).StatusCode);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    public async Task A_script_vote_with_an_answer_other_than_yes_or_no_is_answered_in_json_with_a_message(string answer)
    {
        var reviewId = await SeedReviewIdAsync();
        var client = factory.CreateClient();
        var before = await SiteVotesAsync(reviewId);

        var response = await PostVoteAsync(client, reviewId, await TokenAsync(client), answer);

        await AssertRefusalAsync(response, HttpStatusCode.BadRequest, "BadAnswer", "Your vote was not counted: answer Yes or No.");
        Assert.Equal(before, await SiteVotesAsync(reviewId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ReviewStatus.PendingModeration)]
    [InlineData(ReviewStatus.Removed)]
    public async Task A_script_vote_on_a_missing_hidden_or_removed_review_is_answered_in_json_with_a_message(ReviewStatus? status)
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 1);
        var reviewId = film.ReviewIds[0];
        if (status is { } hidden)
        {
            await using var db = factory.Catalog.NewDbContext();
            (await db.Reviews.SingleAsync(r => r.Id == reviewId)).Status = hidden;
            await db.SaveChangesAsync();
        }
        else
        {
            reviewId = 987_654;
        }

        var client = factory.CreateClient();
        var response = await PostVoteAsync(client, reviewId, await TokenAsync(client), "yes");

        await AssertRefusalAsync(response, HttpStatusCode.NotFound, "NotFound", "Your vote was not counted: this review is no longer shown. It may have been hidden or removed.");
        Assert.Equal((0, 0, 0), await SiteVotesAsync(film.ReviewIds[0]));
    }

    /// <summary>A refusal the script can show: JSON in the shape of the other script answers, with its status and words.</summary>
    internal static async Task AssertRefusalAsync(HttpResponseMessage response, HttpStatusCode status, string result, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(result, json.RootElement.GetProperty("result").GetString());
        Assert.Equal(message, json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Script_votes_answer_with_the_new_counts()
    {
        var reviewId = await SeedReviewIdAsync();
        var client = factory.CreateClient();

        var response = await PostVoteAsync(client, reviewId, await TokenAsync(client), "yes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var (helpful, notHelpful, _) = await SiteVotesAsync(reviewId);
        Assert.Equal(2 + helpful, json.RootElement.GetProperty("helpful").GetInt32());
        Assert.Equal(2 + helpful + notHelpful, json.RootElement.GetProperty("voted").GetInt32());
    }

    [Fact]
    public async Task Two_hundred_visitors_voting_in_parallel_add_exactly_two_hundred_votes()
    {
        var reviewId = await SeedReviewIdAsync();
        var (helpful0, notHelpful0, rows0) = await SiteVotesAsync(reviewId);
        var visitors = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            var client = factory.CreateClient();
            return (client, token: await TokenAsync(client));
        }));

        var responses = await Task.WhenAll(visitors.Select(v => PostVoteAsync(v.client, reviewId, v.token, "yes")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((helpful0 + 200, notHelpful0, rows0 + 200), await SiteVotesAsync(reviewId));
    }

    internal static async Task<string> TokenAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/antiforgery/token");
        return body.GetProperty("token").GetString()!;
    }

    internal static Task<HttpResponseMessage> PostVoteAsync(HttpClient client, int reviewId, string token, string answer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{reviewId}/vote")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = answer }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        return client.SendAsync(request);
    }
}

public sealed class VoteTestsOnSqlite(SqliteCatalog factory) : VoteTests<SqliteCatalog>(factory);

public sealed class VoteTestsOnPostgres(PostgresCatalog factory) : VoteTests<PostgresCatalog>(factory);
