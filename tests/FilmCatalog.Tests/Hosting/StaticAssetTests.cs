using System.Net;

namespace FilmCatalog.Tests.Hosting;

/// <summary>The site as `dotnet run` serves it in Production: its stylesheet and script reach a browser whole.</summary>
public sealed class StaticAssetTests : IClassFixture<StaticAssetTests.ProductionSite>
{
    private readonly ProductionSite _site;

    public StaticAssetTests(ProductionSite site) => _site = site;

    public sealed class ProductionSite : CatalogFactory
    {
        public ProductionSite() => Environment = "Production";
    }

    [Theory]
    [InlineData("link[rel=stylesheet]", "href")]
    [InlineData("script[src]", "src")]
    public async Task A_fingerprinted_asset_fetched_as_a_browser_fetches_it_is_not_empty(string selector, string attribute)
    {
        var client = _site.CreateClient();
        var home = await HtmlPage.GetAsync(client, "/");
        var url = home.QuerySelector(selector)?.GetAttribute(attribute);
        Assert.NotNull(url);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{url} came back empty");
        Assert.Matches(@"\.[a-z0-9]{10}\.(css|js)$", url); // fingerprinted; a published site serves these as immutable for a year
    }
}
