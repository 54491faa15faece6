using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// The lines between the title and the summary in the 2012 layout and older captures: the star box,
/// the rating as a sentence, the widgets' chrome. None of them is the summary, and the summary under
/// them is kept.
/// </summary>
public class HeaderShapeTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    [Fact]
    public void A_bare_rating_and_the_star_widgets_chrome_are_not_the_summary_and_the_summary_under_them_is_kept()
    {
        var result = Parse("header_star_box_and_chrome.txt");

        Assert.Equal("A retired harbour pilot is drawn back to the docks when his estranged son is accused of smuggling.", result.Title.Summary);
        Assert.Equal(7.1, result.Title.Rating);
        Assert.Equal(["Drama", "Crime"], result.Title.Genres);
        Assert.Empty(result.Warnings);
        Assert.Equal(0, result.Unaccounted);
    }

    [Fact]
    public void Users_rated_this_is_the_rating_and_its_votes_and_the_summary_under_it_is_kept()
    {
        var result = Parse("header_users_rated_this.txt");

        Assert.Equal("Two sisters inherit a failing vineyard and must decide whether to sell it.", result.Title.Summary);
        Assert.Equal(6.7, result.Title.Rating);
        Assert.Equal(94566, result.Title.RatingVotes);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_certificate_before_the_runtime_with_only_spaces_between_is_kept_with_the_runtime()
    {
        var result = Parse("info_line_certificate_before_runtime.txt");

        Assert.Equal("R", result.Title.Certificate);
        Assert.Equal(104, result.Title.RuntimeMinutes);
        Assert.Equal(["Drama", "War"], result.Title.Genres);
        Assert.Equal([new ParsedFact("14 October 1987", "USA")], result.Title.ReleaseDates);
        Assert.Empty(result.Warnings);
    }
}
