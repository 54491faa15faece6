using FilmCatalog.Web.Search;

namespace FilmCatalog.Tests.Search;

/// <summary>How one folded name answers a query: the tier and the words beyond the query's that rank results before popularity.</summary>
public sealed class NameMatchTests
{
    [Theory]
    [InlineData("star wars", "star wars", true, MatchTier.Exact, 0)]
    [InlineData("star wars episode iv", "star wars", true, MatchTier.Start, 2)]
    [InlineData("star wars", "star wa", true, MatchTier.Start, 0)]
    [InlineData("star wars", "wars star", true, MatchTier.Words, 0)]
    [InlineData("the star wars", "wars", true, MatchTier.Words, 2)]
    [InlineData("star wars", "star wa", false, MatchTier.Prefixes, 0)] // a person's name: beginning with the query is no better
    [InlineData("anna buscemi", "buscemi anna", false, MatchTier.Words, 0)]
    [InlineData("anna buscemi", "bus", false, MatchTier.Prefixes, 1)]
    [InlineData("starwars", "star", true, MatchTier.Start, 0)] // begins with the text, though not with the word
    [InlineData("superstar wars", "star wars", true, MatchTier.Prefixes, 0)] // "star" is inside a word, not one
    [InlineData("wars of the stars", "star wars", true, MatchTier.Prefixes, 2)]
    [InlineData("a b c d e f g h", "a", false, MatchTier.Words, 4)] // extra words beyond four rank alike
    [InlineData("hamlet hamlet", "hamlet", true, MatchTier.Start, 1)]
    [InlineData("hamlets hamlet", "hamlet", false, MatchTier.Words, 1)] // the first "hamlet" found is the start of a longer word; the second is a word
    public void A_name_matches_a_query_by_tier_and_extra_words(string folded, string query, bool startCounts, MatchTier tier, int extraWords)
    {
        var words = query.Split(' ');

        Assert.Equal(new NameMatch(tier, extraWords), NameMatch.Of(folded, query, words, startCounts));
    }

    [Fact]
    public void Better_matches_compare_first()
    {
        Assert.True(new NameMatch(MatchTier.Exact, 0).CompareTo(new NameMatch(MatchTier.Start, 0)) < 0);
        Assert.True(new NameMatch(MatchTier.Words, 1).CompareTo(new NameMatch(MatchTier.Words, 2)) < 0);
        Assert.True(new NameMatch(MatchTier.Prefixes, 0).CompareTo(new NameMatch(MatchTier.Words, 4)) > 0);
    }
}
