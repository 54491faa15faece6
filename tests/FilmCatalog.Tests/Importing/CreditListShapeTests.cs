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
}
