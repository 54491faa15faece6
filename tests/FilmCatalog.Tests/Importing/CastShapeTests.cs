using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>Cast rows whose actor's name has a shape of its own.</summary>
public class CastShapeTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    [Fact]
    public void Actors_whose_names_end_in_a_suffix_or_initials_keep_their_rows_in_billing_order()
    {
        var result = Parse("cast_names_ending_in_a_dot.txt");

        Assert.Equal(
            [
                new("Ann Lee", "Margot", null),
                new("Harry Connick Jr.", "Jack", null),
                new("Sammy Davis Jr.", "Himself", null),
                new("Louis C.K.", "Louie", null),
                new("Martin Luther King Jr.", "Himself", "archive footage"),
                new ParsedCastMember("Bob Roe", "Henri", null),
            ],
            result.Title.Cast);
        Assert.Empty(result.Warnings);
    }
}
