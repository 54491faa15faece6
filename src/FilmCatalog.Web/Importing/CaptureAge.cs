using System.Globalization;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Which of two captures of one film is the newer. The pages carry no date of capture, but the source's
/// counts only grow: the capture with more votes on its rating is the later one, or, when either shows no
/// votes, the one with more user reviews. When neither count tells them apart the page imported last is
/// taken as the newer, as it always was. An older capture never replaces the catalog's facts with what the
/// source printed before (a rating of fewer votes, a plot since rewritten); its reviews the catalog lacks are
/// still added (<c>CatalogImporter</c>).
/// </summary>
public static class CaptureAge
{
    /// <summary>Whether <paramref name="page"/> is an older capture than the one the catalog holds, whose counts are given.</summary>
    public static bool IsOlder(ParsedTitle page, int? heldVotes, int? heldUserReviews) =>
        Evidence(page, heldVotes, heldUserReviews) is { } counts && counts.Page < counts.Held;

    /// <summary>The counts that told the captures apart, for the import report: "1,200 votes on the source against 3,400".</summary>
    public static string Describe(ParsedTitle page, int? heldVotes, int? heldUserReviews) =>
        Evidence(page, heldVotes, heldUserReviews) is { } counts
            ? string.Create(CultureInfo.InvariantCulture, $"{counts.Page:N0} {counts.What} on the source against {counts.Held:N0}")
            : "";

    private static (int Page, int Held, string What)? Evidence(ParsedTitle page, int? heldVotes, int? heldUserReviews) =>
        (page.RatingVotes, heldVotes, page.SourceUserReviews, heldUserReviews) switch
        {
            ({ } votes, { } held, _, _) when votes != held => (votes, held, "votes"),
            (_, _, { } reviews, { } held) when reviews != held => (reviews, held, "user reviews"),
            _ => null,
        };
}
