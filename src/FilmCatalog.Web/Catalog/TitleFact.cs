namespace FilmCatalog.Web.Catalog;

/// <summary>
/// One short, ordered fact of a title that is a plain text with an optional qualifier:
/// a genre, a tagline, a release date ("13 August 1992" / "Germany"), an also-known-as title,
/// a country, a language, a filming location, a box-office figure ("Budget" / "$1,000,000"),
/// a company credit, a certificate of another rating system ("15" / "UK").
/// </summary>
public sealed class TitleFact
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public TitleFactKind Kind { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }

    /// <summary>Country of a release date or AKA title, label of a box-office figure.</summary>
    public string? Qualifier { get; set; }
}

public enum TitleFactKind
{
    Genre = 1,
    Tagline = 2,
    ReleaseDate = 3,
    AlsoKnownAs = 4,
    Country = 5,
    Language = 6,
    FilmingLocation = 7,
    BoxOffice = 8,
    Company = 9,

    /// <summary>A leftover of a lost credit link, such as "(as Someone)": kept, not shown.</summary>
    CreditFragment = 10,

    /// <summary>A certificate of another rating system than the title's own: "15" qualified by "UK".</summary>
    Certificate = 11,

    /// <summary>A runtime beside the title's own (its first): "105 min" qualified by "director's cut" or "Argentina".</summary>
    Runtime = 12,
}
