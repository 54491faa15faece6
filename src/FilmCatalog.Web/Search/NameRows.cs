namespace FilmCatalog.Web.Search;

/// <summary>
/// One name a title is known by, folded for matching and sorting: its own name
/// (<see cref="Variant"/> 0) or one of its also-known-as titles. Derived from the catalog and
/// written in the same transaction as what it derives from (see <see cref="NameIndexWriter"/>).
/// </summary>
/// <remarks>
/// <see cref="Key"/> orders the rows most popular first (<see cref="NameKeys"/>), so a query that
/// matches thousands of names reads the best few hundred in key order and stops: a search costs
/// the same with ten thousand titles as with a million.
/// </remarks>
public sealed class TitleName
{
    public long Key { get; set; }
    public int TitleId { get; set; }

    /// <summary>0 for the title's own name; 1 + the position of an also-known-as title.</summary>
    public int Variant { get; set; }

    /// <summary>The name as printed.</summary>
    public required string Name { get; set; }

    /// <summary>Where an also-known-as title is used ("Norway"), when the source says.</summary>
    public string? Qualifier { get; set; }

    /// <summary><see cref="Catalog.TextFold.Fold"/> of <see cref="Name"/>.</summary>
    public required string Folded { get; set; }

    /// <summary>The title's year, so a year in the query narrows inside the index.</summary>
    public int? Year { get; set; }
}

/// <summary>A person's name folded for matching, and the page key (<see cref="Catalog.Slug.ForName"/>) it is shown under.</summary>
/// <remarks><see cref="Key"/> orders people by how many films name them, most first (<see cref="NameKeys"/>).</remarks>
public sealed class PersonName
{
    public long Key { get; set; }
    public int PersonId { get; set; }
    public required string Folded { get; set; }
    public required string Slug { get; set; }

    /// <summary>A bit for each role their credits give them (<see cref="PersonSummary.Bit"/>); derived, see <see cref="PersonSummary"/>.</summary>
    public int Roles { get; set; }

    /// <summary>The film they are best known for; derived, see <see cref="PersonSummary"/>.</summary>
    public int? KnownForTitleId { get; set; }
}
