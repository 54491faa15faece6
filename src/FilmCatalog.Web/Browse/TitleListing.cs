using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Browse;

/// <summary>
/// A title in a list the browse pages read: the list of every title (<see cref="Genre"/> "") and
/// the list of each of its genres, with the values the lists sort by, so that a page of any list in
/// any order is a range of one index, however long the list: derived from the catalog and written
/// with it by the importer.
/// </summary>
/// <remarks>
/// Sort values are never null, so that keyset paging compares plain values on every provider: an
/// unknown year is 0 and an unknown rating -1, both of which sort last in the pages' descending
/// orders. <see cref="Year"/>, <see cref="RatingTenths"/> and <see cref="ReviewCount"/> copy the
/// title's, and visitors change its count of reviews held: the database keeps the copies (a trigger
/// on <c>Titles</c>, created by the migration <c>AddSearch</c> for each provider), so no writer of
/// reviews, today's or a later one, can leave them behind.
/// </remarks>
public sealed class TitleListing
{
    /// <summary>The list of every title.</summary>
    public const string AllTitles = "";

    public const int UnknownYear = 0;

    /// <summary>The years a year or decade page may be for (and the sitemaps list): any other is a 404.</summary>
    public const int FirstListedYear = 1800, LastListedYear = 2200;
    public const int UnknownRating = -1;

    /// <summary>The genre's URL key (<c>sci-fi</c>), or <see cref="AllTitles"/>.</summary>
    public required string Genre { get; set; }
    public int TitleId { get; set; }

    /// <summary>The genre as printed ("Sci-Fi"); "" in the list of every title.</summary>
    public required string GenreName { get; set; }

    public int Year { get; set; }

    /// <summary>The rating in tenths (72 for 7.2/10).</summary>
    public int RatingTenths { get; set; }

    /// <summary>The title's own name, folded (<see cref="TextFold.Fold"/>): the A-Z order.</summary>
    public required string Folded { get; set; }

    public int ReviewCount { get; set; }

    /// <summary>A genre's URL key: "Sci-Fi" is <c>sci-fi</c>.</summary>
    public static string KeyOf(string genre) => Slug.ForName(genre.Trim());

    /// <summary>The lists a title is in: every title's, then its genres', each once (by key), in the source's order.</summary>
    public static IEnumerable<(string Genre, string Name)> ListsOf(IEnumerable<string> genres) =>
        genres.Select(g => (Genre: KeyOf(g), Name: g.Trim()))
            .Where(g => g.Name.Length > 0)
            .Prepend((Genre: AllTitles, Name: ""))
            .DistinctBy(g => g.Genre, StringComparer.Ordinal);

    public static int TenthsOf(double? rating) => rating is { } r ? (int)Math.Round(r * 10) : UnknownRating;

    /// <summary>SQL of the copies, from the columns of a <c>Titles</c> row named <paramref name="row"/>: the same on every provider.</summary>
    public static string CopiedColumnsSql(string row) =>
        $"COALESCE({row}.\"Year\", {UnknownYear}), COALESCE(CAST(ROUND({row}.\"Rating\" * 10) AS INTEGER), {UnknownRating}), {row}.\"ReviewCount\"";
}
