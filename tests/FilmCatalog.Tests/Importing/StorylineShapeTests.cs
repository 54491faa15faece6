using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>The storyline part: its tagline marker in the forms the site printed.</summary>
public class StorylineShapeTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    [Fact]
    public void Plot_summary_and_plot_synopsis_is_the_tagline_marker_of_a_film_that_has_a_synopsis()
    {
        var result = Parse("plot_synopsis_marker.txt");

        Assert.Equal(["Blood is thicker than wine."], result.Title.Taglines);
        Assert.Empty(result.Title.Trivia);
        Assert.Equal("Margot and Henri argue about the vineyard all summer while the grapes rot on the vine.", result.Title.Storyline);
        Assert.Equal(["Drama", "Comedy"], result.Title.Genres);
        Assert.Equal("PG-13", result.Title.Certificate);
        Assert.Empty(result.Warnings);
    }
}
