namespace FilmCatalog.Web.Catalog;

/// <summary>
/// Ranks reviews by helpfulness so that a handful of votes cannot game the order: the lower bound of
/// the Wilson score interval (95%) of the share of helpful votes. 1 of 1 ranks below 90 of 100.
/// </summary>
public static class HelpfulScore
{
    private const double Z = 1.959964;

    public static double Of(int helpful, int voted)
    {
        if (voted <= 0)
            return 0;

        double n = voted;
        var p = Math.Clamp(helpful / n, 0, 1);
        var z2 = Z * Z;
        return (p + z2 / (2 * n) - Z * Math.Sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
    }

    public static double Of(Review review) => Of(review.Helpful, review.Voted);
}
