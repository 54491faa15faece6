namespace FilmCatalog.Web.Pages.Titles;

/// <summary>
/// How visitors' ratings spread over 1 to 10, as the title page's chart shows it: percentages that
/// add up to exactly 100 (largest remainder), the mean and the count.
/// </summary>
public sealed class RatingDistribution
{
    /// <summary>Below this many ratings a distribution says more about the few than about the film.</summary>
    public const int MinimumRatings = 5;

    private RatingDistribution(IReadOnlyList<int> counts)
    {
        Counts = counts;
        Total = counts.Sum();
        Percentages = LargestRemainder(counts, Total);
        Mean = Total == 0 ? null : (double)counts.Select((count, i) => count * (i + 1)).Sum() / Total;
    }

    /// <summary>From the stored counts ([0] counts 1/10); null or malformed counts are no ratings.</summary>
    public static RatingDistribution From(IReadOnlyList<int>? counts) =>
        new(counts is { Count: 10 } && counts.All(c => c >= 0) ? counts : new int[10]);

    /// <summary>Ratings per score: [0] counts 1/10, [9] counts 10/10.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Whole percentages per score, summing to 100 when there is any rating.</summary>
    public IReadOnlyList<int> Percentages { get; }

    public int Total { get; }

    public double? Mean { get; }

    public bool IsEnough => Total >= MinimumRatings;

    /// <summary>
    /// Hamilton's method: each share rounded down, then the points still missing from 100 go to the
    /// shares with the largest remainders (the higher score first on a tie, so the result is stable).
    /// </summary>
    public static IReadOnlyList<int> LargestRemainder(IReadOnlyList<int> counts, int total)
    {
        var result = new int[counts.Count];
        if (total <= 0)
            return result;

        var remainders = new long[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            var scaled = (long)counts[i] * 100;
            result[i] = (int)(scaled / total);
            remainders[i] = scaled % total;
        }

        var missing = 100 - result.Sum();
        foreach (var i in Enumerable.Range(0, counts.Count).OrderByDescending(i => remainders[i]).ThenByDescending(i => i).Take(missing))
            result[i]++;
        return result;
    }
}
