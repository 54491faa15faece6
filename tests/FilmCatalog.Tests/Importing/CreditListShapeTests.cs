using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// The director, writer and star lists under the title and on the cards: each name is a person of
/// its own, however the list joins them, and the link to more credits is navigation.
/// </summary>
public class CreditListShapeTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    [Fact]
    public void Names_joined_by_and_or_an_ampersand_are_people_of_their_own_under_the_title_and_on_a_card()
    {
        var result = Parse("credit_lists_joined_by_and.txt");

        Assert.Equal(["Joel Coen", "Ethan Coen"], result.Title.Directors);
        Assert.Equal(["Ethan Coen (written by)", "Joel Coen (written by)"], result.Title.Writers);
        Assert.Equal(["Frances McDormand", "William H. Macy", "Steve Buscemi"], result.Title.Stars);
        var card = Assert.Single(result.Title.AlsoLiked);
        Assert.Equal(["Joel Coen", "Ethan Coen"], card.Directors);
        Assert.Equal(["John Getz", "Frances McDormand", "Dan Hedaya"], card.Stars);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void More_credits_is_a_link_not_a_writer_and_the_last_star_after_and_is_kept()
    {
        var result = Parse("credit_lists_with_more_credits.txt");

        Assert.Equal(["Joel Coen", "Ethan Coen"], result.Title.Directors);
        Assert.Equal(["Ethan Coen (screenplay)", "Joel Coen (screenplay)"], result.Title.Writers);
        Assert.Equal(["Tommy Lee Jones", "Javier Bardem", "Kelly Macdonald"], result.Title.Stars);
        Assert.Equal([new ParsedCastMember("Tommy Lee Jones", "Ed Tom Bell", null)], result.Title.Cast);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void An_unknown_label_under_the_stars_closes_the_list_and_is_reported_and_creators_are_writers()
    {
        var result = Parse("series_creators_and_unknown_labels.txt");

        Assert.Equal(["Jenna Aniston", "Courtney Cole", "Lisa Kudlow"], result.Title.Stars);
        Assert.Equal(["Dana Crane (creator)", "Martha Kaufer (creator)"], result.Title.Writers);
        Assert.Empty(result.Title.Directors);
        Assert.Equal(["Comedy", "Romance"], result.Title.Genres);
        Assert.Equal(
            [
                "10: \"Episode Guide\" is not a heading the catalog keeps; its line is not read: \"Episode Guide: 236 Episodes\"",
                "11: \"Seasons\" is not a heading the catalog keeps; its line is not read: \"Seasons: 1 2 3 4 5 6 7 8 9 10\"",
                "12: \"Years\" is not a heading the catalog keeps; its line is not read: \"Years: 1994 1995 1996\"",
            ],
            result.Warnings.Select(w => $"{w.Line}: {w.Message}"));
        Assert.Equal(0, result.Unaccounted);
    }

    [Fact]
    public void Writers_wga_is_the_writers_heading_and_a_label_after_the_director_is_not_a_director()
    {
        var result = Parse("labels_after_the_director.txt");

        Assert.Equal(["Joel Coen"], result.Title.Directors);
        Assert.Equal(["Ethan Coen (written by)", "Joel Coen (written by)"], result.Title.Writers);
        Assert.Empty(result.Title.Stars);
        Assert.Equal(
            ["9: \"Trade Name\" is not a heading the catalog keeps; its line is not read: \"Trade Name: Brainerd\""],
            result.Warnings.Select(w => $"{w.Line}: {w.Message}"));
    }
}
