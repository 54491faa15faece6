using System.Net;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Tests.Hosting;

/// <summary>An IPv6 client can use every address of its /64: the write budget is the network's, not one address's.</summary>
public sealed class NetworkRateLimitTests : IClassFixture<NetworkRateLimitTests.Site>
{
    private readonly Site _site;

    public NetworkRateLimitTests(Site site) => _site = site;

    public sealed class Site : HostileSite
    {
        public Site() => Settings = new Dictionary<string, string>(Settings) { ["RateLimits:VotesPerWindow"] = "2" };
    }

    [Fact]
    public async Task Addresses_of_one_ipv6_64_share_one_vote_budget_and_another_64_has_its_own()
    {
        var film = await _site.Catalog.AddFilmAsync(4);

        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync("2001:db8:16:13::1", film.ReviewIds[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync("2001:db8:16:13::2", film.ReviewIds[1])).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await VoteAsync("2001:db8:16:13:ffff:ffff:ffff:ffff", film.ReviewIds[2])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync("2001:db8:16:14::1", film.ReviewIds[3])).StatusCode);
    }

    private async Task<HttpResponseMessage> VoteAsync(string address, int review)
    {
        var client = _site.CreateClient(address);
        var page = await HtmlPage.GetAsync(client, $"/reviews/{review}/vote");
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        return await client.SubmitAsync(form, submitButton: (IHtmlElement)form.QuerySelector("button[value=yes]")!);
    }
}
