
namespace FilmCatalog.Tests.Pages;

public sealed class HomePageTests : IClassFixture<CatalogFactory>
{
    private readonly CatalogFactory _factory;

    public HomePageTests(CatalogFactory factory) => _factory = factory;

    [Fact]
    public async Task A_fresh_site_seeds_itself_and_lists_the_seeded_titles_on_the_home_page()
    {
        var client = _factory.CreateClient();

        var home = await HtmlPage.GetAsync(client, "/");

        var links = home.QuerySelectorAll("main a[href^='/title/'] .catalog-name").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("In the Soup", links);
        // The films known only from the seed's "people also liked" cards are titles too.
        Assert.Contains("Trees Lounge", links);
        Assert.Single(home.QuerySelectorAll("h1"));
    }
}
