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

    /// <param name="startCounts">
    /// Whether beginning with the query ranks above holding its words elsewhere: it does for a title
    /// ("star wa"), not for a person, whose first name is no better a match than their surname
    /// ("bus" is Busby Berkeley as much as Buster Keaton).
    /// </param>
    public static NameMatch Of(string folded, IReadOnlyList<string> words, bool startCounts = true)
    {
        var phrase = string.Join(' ', words);
        var nameWords = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var extra = Math.Clamp(nameWords.Length - words.Count, 0, MaxExtraWords);
        if (folded == phrase)
            return new NameMatch(MatchTier.Exact, 0);
        if (startCounts && folded.StartsWith(phrase, StringComparison.Ordinal))
            return new NameMatch(MatchTier.Start, extra);
        return words.All(w => nameWords.Contains(w, StringComparer.Ordinal))
            ? new NameMatch(MatchTier.Words, extra)
            : new NameMatch(MatchTier.Prefixes, extra);
    }

    /// <summary>Better first: the tier, then the fewer words the name has beyond the query's.</summary>
    public int CompareTo(NameMatch other) =>
        Tier != other.Tier ? Tier.CompareTo(other.Tier) : ExtraWords.CompareTo(other.ExtraWords);
}
