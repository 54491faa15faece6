namespace FilmCatalog.Tests.Pages;

public sealed class HomePageTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task A_fresh_site_seeds_itself_and_its_titles_are_in_the_index_the_home_page_links_to()
    {
        var client = factory.CreateClient();

        var home = await HtmlPage.GetAsync(client, "/");
        Assert.Single(home.QuerySelectorAll("h1"));
        Assert.NotNull(home.QuerySelector("main a[href='/titles']"));

        var index = await BrowsePage.OpenAsync(client, "/titles");
        // The films known only from the seed's "people also liked" cards are titles too.
        Assert.Equal(["In the Soup", "Little Feet", "Louis & Frank", "Trees Lounge"], index.Titles.Select(t => t.Name));
    }
}
