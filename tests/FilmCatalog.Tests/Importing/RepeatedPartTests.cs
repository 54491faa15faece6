using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>A capture that holds a part twice: the film's facts are there once.</summary>
public class RepeatedPartTests
{
    [Fact]
    public void A_repeated_cast_did_you_know_and_reviews_part_gives_each_row_item_and_review_once()
    {
        var result = TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("repeated_parts.txt")));

        Assert.Equal(
            [new("Ann Lee", "Margot", null), new("Bob Roe", "Henri", null), new(null, "Picker", null), new ParsedCastMember(null, "Picker", null)],
            result.Title.Cast);
        Assert.Equal([new ParsedTrivia(TriviaKind.Trivia, "The vineyard scenes were shot at Château Lafite in September 2004.")], result.Title.Trivia);
        Assert.Equal([new ParsedConnection("Featured in", "Wine Films", 2010, null)], result.Title.Connections);
        var review = Assert.Single(result.Title.Reviews);
        Assert.Equal(("A slow pour", "vinofan", 3, 4), (review.Headline, review.Author, review.Helpful, review.Voted));
        Assert.Empty(result.Warnings);
    }
}
