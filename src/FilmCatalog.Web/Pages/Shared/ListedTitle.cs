using System.Globalization;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>
/// A title as every list shows it (search results, genre, year and decade pages, the A-Z index, a
/// person's films, the front page): <c>_TitleList.cshtml</c>. <see cref="Note"/> is a line saying why
/// the title is there, when the list has a reason to give ("also known as ...", "as Angelica").
/// </summary>
public sealed record ListedTitle(
    string Slug, string Name, int? Year, bool IsCardOnly, double? Rating, int? RatingVotes, int ReviewCount,
    IReadOnlyList<string> Genres, string? Note = null)
{
    public string DisplayName => Year is { } year ? $"{Name} ({year})" : Name;

    /// <summary>"7.2/10 from 1,204 votes", or "7.2/10" when the source gave no count.</summary>
    public string? RatingText => Rating is { } rating
        ? rating.ToString("0.0", CultureInfo.InvariantCulture) + "/10" + (RatingVotes is { } votes ? " from " + Count(votes, "vote", "votes") : "")
        : null;

    public string? ReviewsText => ReviewCount > 0 ? Count(ReviewCount, "review", "reviews") + " here" : null;

    public static string Count(long count, string one, string many) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
