namespace FilmCatalog.Web.Search;

/// <summary>How well a name answers a query: the order results are shown in, before popularity.</summary>
public enum MatchTier
{
    /// <summary>The name is the query ("amelie" for "Amélie").</summary>
    Exact = 0,

    /// <summary>The name begins with the query, its last word begun ("star wa" for "Star Wars").</summary>
    Start = 1,

    /// <summary>Every word of the query is a whole word of the name, in any order ("wars star").</summary>
    Words = 2,

    /// <summary>Every word of the query begins a word of the name ("hitch" for "Alfred Hitchcock").</summary>
    Prefixes = 3,
}

/// <summary>The match of one folded name for one query, and how results compare.</summary>
public readonly record struct NameMatch(MatchTier Tier, int ExtraWords) : IComparable<NameMatch>
{
    /// <summary>Extra words beyond this count rank alike: "relevance" here is how much of the name the query covers.</summary>
    private const int MaxExtraWords = 4;

    /// <param name="phrase">The query's words joined by single spaces, as the names are folded.</param>
    /// <param name="startCounts">
    /// Whether beginning with the query ranks above holding its words elsewhere: it does for a title
    /// ("star wa"), not for a person, whose first name is no better a match than their surname
    /// ("bus" is Busby Berkeley as much as Buster Keaton).
    /// </param>
    /// <remarks>Run for each of a few hundred candidates a search: it reads the name in place rather than splitting it.</remarks>
    public static NameMatch Of(string folded, string phrase, IReadOnlyList<string> words, bool startCounts = true)
    {
        var extra = Math.Clamp(WordCount(folded) - words.Count, 0, MaxExtraWords);
        if (folded == phrase)
            return new NameMatch(MatchTier.Exact, 0);
        if (startCounts && folded.StartsWith(phrase, StringComparison.Ordinal))
            return new NameMatch(MatchTier.Start, extra);
        foreach (var word in words)
        {
            if (!HasWord(folded, word))
                return new NameMatch(MatchTier.Prefixes, extra);
        }

        return new NameMatch(MatchTier.Words, extra);
    }

    private static int WordCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
                count++;
        }

        return count;
    }

    /// <summary>Whether <paramref name="word"/> is one of the space-separated words of <paramref name="text"/>.</summary>
    private static bool HasWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || text[at - 1] == ' ') && (end == text.Length || text[end] == ' '))
                return true;
        }

        return false;
    }

    /// <summary>Better first: the tier, then the fewer words the name has beyond the query's.</summary>
    public int CompareTo(NameMatch other) =>
        Tier != other.Tier ? Tier.CompareTo(other.Tier) : ExtraWords.CompareTo(other.ExtraWords);
}
