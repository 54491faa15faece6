using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Browse;

/// <summary>
/// A title under one of its genres, with the values the genre pages sort by, so that a page of any
/// genre in any order is a range of one index, however large the genre: derived from the catalog
/// and written with it by the importer.
/// </summary>
/// <remarks>
/// <see cref="ReviewCount"/> copies the title's count of reviews held, which visitors change: the
/// database keeps the copy (a trigger on <c>Titles</c>, created by the migration <c>AddSearch</c> for
/// each provider), so no writer of reviews, today's or a later one, can leave it behind.
/// </remarks>
public sealed class TitleGenre
{
    /// <summary>The genre's URL key, e.g. <c>sci-fi</c>.</summary>
    public required string Genre { get; set; }
    public int TitleId { get; set; }

    /// <summary>The genre as printed, e.g. "Sci-Fi".</summary>
    public required string Name { get; set; }

    public int? Year { get; set; }
    public double? Rating { get; set; }

    /// <summary>The title's own name, folded (<see cref="TextFold.Fold"/>): the A-Z order.</summary>
    public required string Folded { get; set; }

    public int ReviewCount { get; set; }

    /// <summary>The genres of a title by key, the first spelling of each, in the source's order.</summary>
    public static IEnumerable<(string Genre, string Name)> KeysOf(IEnumerable<string> genres) =>
        genres.Select(g => (Genre: Slug.ForPerson(g), Name: g.Trim()))
            .Where(g => g.Name.Length > 0)
            .DistinctBy(g => g.Genre, StringComparer.Ordinal);
}
