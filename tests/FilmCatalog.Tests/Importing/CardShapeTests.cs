using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>"People who liked this also liked..." cards in shapes of their own.</summary>
public class CardShapeTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    [Fact]
    public void A_card_nobody_rated_has_no_rating_and_its_plot_holds_no_widget_text()
    {
        var result = Parse("card_nobody_rated.txt");

        var card = Assert.Single(result.Title.AlsoLiked);
        Assert.Equal("Bottle Shock", card.Name);
        Assert.Null(card.Rating);
        Assert.Equal("The story of the early days of California wine making.", card.Plot);
        Assert.Equal(["Randall Miller"], card.Directors);
        Assert.Equal(["Chris Pine", "Alan Rickman"], card.Stars);
        Assert.Empty(result.Warnings);
    }
}
