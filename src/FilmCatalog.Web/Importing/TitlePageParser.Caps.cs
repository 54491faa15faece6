namespace FilmCatalog.Web.Importing;

/// <summary>
/// Caps on the parts of one page. A title page of this family holds a dozen cards and at most a few
/// thousand credits; far more means a broken or hostile file, and every part becomes rows that one
/// write transaction holds the database for. A file past a cap is refused at the line that crossed it.
/// </summary>
public sealed partial class TitlePageParser
{
    /// <summary>"People also liked" cards: a page shows six to twelve.</summary>
    public const int MaxCards = 1_000;

    /// <summary>Cast lines: the longest full casts run to a few thousand.</summary>
    public const int MaxCast = 10_000;

    /// <summary>User reviews: the benchmark's film carries 100,000 on one page, the most the catalog is measured with.</summary>
    public const int MaxReviews = 100_000;

    /// <summary>Every other list (trivia, connections, soundtrack, FAQ, facts of one kind, names of one role).</summary>
    public const int MaxOtherItems = 10_000;

    /// <summary>Called after every placed line: counting is cheap, naming the part only happens on refusal.</summary>
    private void CheckCaps(PageLine line)
    {
        if (cards.Count <= MaxCards && title.Cast.Count <= MaxCast && reviews.Count <= MaxReviews && LongestOtherList() <= MaxOtherItems)
            return;

        var (part, count, cap) =
            cards.Count > MaxCards ? ("also-liked cards", cards.Count, MaxCards)
            : title.Cast.Count > MaxCast ? ("cast lines", title.Cast.Count, MaxCast)
            : reviews.Count > MaxReviews ? ("reviews", reviews.Count, MaxReviews)
            : OtherLists().MaxBy(l => l.Count) is var (name, other) ? (name, other, MaxOtherItems) : default;
        throw new TitlePageFormatException(line.Number, $"more than {cap:N0} {part} ({count:N0} by this line): not a title page this importer takes");
    }

    private int LongestOtherList() => Math.Max(
        Math.Max(Math.Max(Math.Max(title.Trivia.Count, title.Connections.Count), Math.Max(soundtrack.Count, faqs.Count)),
            Math.Max(Math.Max(title.Genres.Count, title.Taglines.Count), Math.Max(title.ReleaseDates.Count, title.AlsoKnownAs.Count))),
        Math.Max(Math.Max(Math.Max(title.Countries.Count, title.Languages.Count), Math.Max(title.FilmingLocations.Count, title.BoxOffice.Count)),
            Math.Max(Math.Max(title.Companies.Count, title.CreditFragments.Count), Math.Max(title.Directors.Count, Math.Max(title.Writers.Count, title.Stars.Count)))));

    private IEnumerable<(string Name, int Count)> OtherLists()
    {
        yield return ("trivia items", title.Trivia.Count);
        yield return ("connections", title.Connections.Count);
        yield return ("soundtrack entries", soundtrack.Count);
        yield return ("FAQ entries", faqs.Count);
        yield return ("genres", title.Genres.Count);
        yield return ("taglines", title.Taglines.Count);
        yield return ("release dates", title.ReleaseDates.Count);
        yield return ("also-known-as titles", title.AlsoKnownAs.Count);
        yield return ("countries", title.Countries.Count);
        yield return ("languages", title.Languages.Count);
        yield return ("filming locations", title.FilmingLocations.Count);
        yield return ("box-office figures", title.BoxOffice.Count);
        yield return ("companies", title.Companies.Count);
        yield return ("credit fragments", title.CreditFragments.Count);
        yield return ("directors", title.Directors.Count);
        yield return ("writers", title.Writers.Count);
        yield return ("stars", title.Stars.Count);
    }
}
