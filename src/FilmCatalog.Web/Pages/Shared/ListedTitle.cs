using System.Globalization;
using FilmCatalog.Web.Catalog;

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
    /// <summary>What the title is when the catalog knows; a film's and an unknown kind are left unsaid in the row.</summary>
    public TitleKind? Kind { get; init; }
    public int? EndYear { get; init; }
    public bool IsOpenRun { get; init; }

    public string DisplayName => Year is { } year ? $"{Name} ({year})" : Name;

    /// <summary>The years the row shows: "1994", a series' run "1994–2004", an open one "2005–".</summary>
    public string? YearsText => TitleKinds.Years(Year, EndYear, IsOpenRun);

    /// <summary>"TV Series", "Video Game"; null for a film.</summary>
    public string? KindLabel => TitleKinds.Label(Kind);

    /// <summary>"7.2/10 from 1,204 votes", or "7.2/10" when the source gave no count.</summary>
    public string? RatingText => Rating is { } rating
        ? rating.ToString("0.0", CultureInfo.InvariantCulture) + "/10" + (RatingVotes is { } votes ? " from " + Count(votes, "vote", "votes") : "")
        : null;

    public string? ReviewsText => ReviewCount > 0 ? Count(ReviewCount, "user review", "user reviews") : null;

    public static string Count(long count, string one, string many) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
