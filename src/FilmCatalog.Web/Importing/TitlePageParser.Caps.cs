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

    /// <summary>Called after every content line: counting is cheap, naming the part only happens on refusal.</summary>
    private void CheckCaps(int index)
    {
        if (cards.Count <= MaxCards && Title.Cast.Count <= MaxCast && reviews.Count <= MaxReviews && LongestOtherList() <= MaxOtherItems)
            return;

        var (part, count, cap) =
            cards.Count > MaxCards ? ("also-liked cards", cards.Count, MaxCards)
            : Title.Cast.Count > MaxCast ? ("cast lines", Title.Cast.Count, MaxCast)
            : reviews.Count > MaxReviews ? ("reviews", reviews.Count, MaxReviews)
            : OtherLists().MaxBy(l => l.Count) is var (name, other) ? (name, other, MaxOtherItems) : default;
        throw new TitlePageFormatException(index + 1, $"more than {cap:N0} {part} ({count:N0} by this line): not a title page this importer takes");
    }

    /// <summary>The same lists as <see cref="OtherLists"/>, without an enumerator: this runs on every line.</summary>
    private int LongestOtherList()
    {
        var t = Title;
        ReadOnlySpan<int> counts =
        [
            didYouKnow.PendingItems + t.Trivia.Count, t.Connections.Count, didYouKnow.SoundtrackCount, faq.Count, t.Genres.Count, t.Taglines.Count,
            t.ReleaseDates.Count, t.AlsoKnownAs.Count, t.Countries.Count, t.Languages.Count, t.FilmingLocations.Count, t.BoxOffice.Count,
            t.Companies.Count, t.CreditFragments.Count, t.Directors.Count, t.Writers.Count, t.Stars.Count, t.OtherCertificates.Count,
        ];
        var longest = 0;
        foreach (var count in counts)
            longest = Math.Max(longest, count);
        return longest;
    }

    private IEnumerable<(string Name, int Count)> OtherLists()
    {
        yield return ("trivia items", didYouKnow.PendingItems + Title.Trivia.Count);
        yield return ("connections", Title.Connections.Count);
        yield return ("soundtrack entries", didYouKnow.SoundtrackCount);
        yield return ("FAQ entries", faq.Count);
        yield return ("genres", Title.Genres.Count);
        yield return ("taglines", Title.Taglines.Count);
        yield return ("release dates", Title.ReleaseDates.Count);
        yield return ("also-known-as titles", Title.AlsoKnownAs.Count);
        yield return ("countries", Title.Countries.Count);
        yield return ("languages", Title.Languages.Count);
        yield return ("filming locations", Title.FilmingLocations.Count);
        yield return ("box-office figures", Title.BoxOffice.Count);
        yield return ("companies", Title.Companies.Count);
        yield return ("credit fragments", Title.CreditFragments.Count);
        yield return ("directors", Title.Directors.Count);
        yield return ("writers", Title.Writers.Count);
        yield return ("stars", Title.Stars.Count);
        yield return ("other certificates", Title.OtherCertificates.Count);
    }
}
