using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Tests.Hosting;

/// <summary>What the refusal pages say agrees with the headers they are sent with.</summary>
public sealed class StatusPageTests : IClassFixture<StatusPageTests.Site>
{
    private readonly Site _site;

    public StatusPageTests(Site site) => _site = site;

    public sealed class Site : HostileSite
    {
        public Site() => Settings = new Dictionary<string, string>(Settings) { ["RateLimits:VotesPerWindow"] = "1", ["RateLimits:WindowSeconds"] = "600" };
    }

    [Fact]
    public async Task The_429_page_says_when_to_try_again_as_retry_after_does()
    {
        var film = await _site.Catalog.AddFilmAsync(2);
        var client = _site.CreateClient("10.16.7.1");
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(client, film.ReviewIds[0])).StatusCode);

        var refused = await VoteAsync(client, film.ReviewIds[1]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 90, 600);
        var text = (await HtmlPage.ParseAsync(refused)).QuerySelector("main")!.TextContent;
        Assert.Contains($"in {Math.Ceiling(seconds / 60):0} minutes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a minute", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_while_sending_a_form_does_not_claim_that_nothing_was_lost()
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var form = await VotePage.OpenAsync(_site.CreateClient("10.16.7.2"), film.ReviewIds[0]);

        // A real fault: the table the vote is written to is gone.
        await _site.Catalog.ExecuteAsync("ALTER TABLE Reviews RENAME TO Reviews_gone");
        HttpResponseMessage failed;
        try
        {
            failed = await form.SubmitAsync(helpful: true);
        }
        finally
        {
            await _site.Catalog.ExecuteAsync("ALTER TABLE Reviews_gone RENAME TO Reviews");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var page = await HtmlPage.ParseAsync(failed);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.TextContent);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Nothing you entered was lost", text, StringComparison.Ordinal);
        Assert.Contains("may not have been saved", text, StringComparison.Ordinal);
    }

    /// <summary>QA: the error page opened at its own address answered 200 "Something went wrong" to GET and POST.</summary>
    [Theory]
    [InlineData("GET", "/error")]
    [InlineData("DELETE", "/error")]
    [InlineData("POST", "/error")]
    [InlineData("PUT", "/Error")]
    public async Task The_error_page_opened_at_its_own_address_is_a_404_like_any_unknown_address(string method, string path)
    {
        var client = _site.CreateClient("10.16.7.4");
        var token = (await client.GetFromJsonAsync<MethodTests.TokenAnswer>("/antiforgery/token"))!.Token;
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("RequestVerificationToken", token);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await HtmlPage.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    /// <summary>Opened at its own address, a status page is no page to index: it answers with the refusal it describes, or 404.</summary>
    [Theory]
    [InlineData("/status/404", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/status/429", HttpStatusCode.TooManyRequests, "Too many requests")]
    [InlineData("/status/200", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/status/500", HttpStatusCode.NotFound, "Page not found")]
    [InlineData("/status/503", HttpStatusCode.NotFound, "Page not found")]
    public async Task A_status_page_opened_at_its_own_address_never_answers_200(string path, HttpStatusCode status, string heading)
    {
        var response = await _site.CreateClient("10.16.7.3").GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(heading, (await HtmlPage.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, int review)
    {
        var page = await HtmlPage.GetAsync(client, $"/reviews/{review}/vote");
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        return await client.SubmitAsync(form, submitButton: (IHtmlElement)form.QuerySelector("button[value=yes]")!);
    }
}
