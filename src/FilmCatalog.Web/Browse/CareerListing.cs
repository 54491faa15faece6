using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Browse;

/// <summary>
/// A film in a name's career, as the people page lists it (<c>/name/{slug}</c>): one row per name and film,
/// with the roles every spelling of the name has in it (its own credits and the "also liked" cards that
/// name them for it), in the page's order, so that a page of the career is a range of one index and its
/// counts one pass over it, however many films the name has. Derived from the credits and written with
/// them (<see cref="CareerListings"/>).
/// </summary>
/// <remarks>
/// A card whose film lost its title line is a film of its own: <see cref="TitleId"/> is then the title the
/// card is printed on and <see cref="CardId"/> the card's id (0 for every other film). In the page's order,
/// films of one year and name come by <see cref="CardId"/>, then <see cref="TitleId"/>: the lost-title cards
/// in the order they were stored.
/// </remarks>
public sealed class CareerListing
{
    /// <summary>The films with a year, newest first.</summary>
    public const int DatedFilms = 0;

    /// <summary>The films without a year, after them.</summary>
    public const int UndatedFilms = 1;

    /// <summary>The lost-title cards, last: this plus their first role, so that a director's come before a star's.</summary>
    public const int LostTitleCards = 2;

    /// <summary>The name's slug (<see cref="Slug.ForName"/>): every spelling that folds alike shares its career.</summary>
    public required string Slug { get; set; }

    /// <summary>Which part of the page the film is in: <see cref="DatedFilms"/>, <see cref="UndatedFilms"/> or a lost-title card's.</summary>
    public int Group { get; set; }

    /// <summary>The film's year; 0 when it has none.</summary>
    public int Year { get; set; }

    /// <summary>The film's name, as stored on its title; "" for a lost-title card.</summary>
    public required string Name { get; set; }

    public int TitleId { get; set; }

    public int CardId { get; set; }

    /// <summary>The name's roles in the film, a bit each (<see cref="Search.PersonSummary.Bit"/>).</summary>
    public int Roles { get; set; }

    /// <summary>Those of <see cref="Roles"/> that only cards give (the film's own credits do not): the page reads the cards of these films alone.</summary>
    public int CardRoles { get; set; }
}

/// <summary>
/// How many films of a name's career fall in one year (or group, <see cref="CareerListing.Group"/>) with one set of
/// roles: the head of the people page (the counts, the homonym check, the number of pages) reads these few rows, not
/// the name's every film. Kept by <see cref="CareerListings"/> with the rows it counts.
/// </summary>
public sealed class CareerYear
{
    public required string Slug { get; set; }
    public int Group { get; set; }
    public int Year { get; set; }
    public int Roles { get; set; }
    public int Films { get; set; }
}
