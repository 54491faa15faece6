namespace FilmCatalog.Web.Catalog;

/// <summary>
/// When one name may be more than one person. The source has no person ids, so two actors who share
/// a name share a page; what shows it is time: a career that would have to span more than
/// <see cref="MaxSpanYears"/> years, or go silent for more than <see cref="MaxGapYears"/> years
/// between two films, is more likely two careers. The people page then says so. (Documented in
/// docs/SEARCH.md; a name with films close together may still be two people, and the page cannot tell.)
/// </summary>
public static class HomonymRule
{
    public const int MaxSpanYears = 55;
    public const int MaxGapYears = 25;

    /// <summary>What the rule found: the years of the first and last film, and the longest silence between two films when that is what tripped it.</summary>
    public sealed record Finding(int FirstYear, int LastYear, int? GapAfter, int? GapBefore);

    public static Finding? Check(IEnumerable<int> years)
    {
        var sorted = years.Distinct().Order().ToList();
        if (sorted.Count < 2)
            return null;

        var (gapAfter, gapBefore) = (0, 0);
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i] - sorted[i - 1] > gapBefore - gapAfter)
                (gapAfter, gapBefore) = (sorted[i - 1], sorted[i]);
        }

        var longGap = gapBefore - gapAfter > MaxGapYears;
        if (sorted[^1] - sorted[0] <= MaxSpanYears && !longGap)
            return null;
        return new Finding(sorted[0], sorted[^1], longGap ? gapAfter : null, longGap ? gapBefore : null);
    }
}
