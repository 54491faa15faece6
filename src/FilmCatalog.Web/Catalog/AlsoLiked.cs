namespace FilmCatalog.Web.Catalog;

/// <summary>
/// One "people who liked this also liked" card, in the source's order. The card's own facts are
/// kept here as the source printed them, so a card that lost its title line is still shown;
/// <see cref="TargetTitleId"/> links it to the catalog's title when the card named one.
/// </summary>
public sealed class AlsoLiked
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public int Position { get; set; }

    public int? TargetTitleId { get; set; }
    public Title? Target { get; set; }

    public string? Name { get; set; }
    public int? Year { get; set; }
    public List<string> Genres { get; set; } = [];
    public double? Rating { get; set; }
    public string? Plot { get; set; }
    public List<string> Directors { get; set; } = [];
    public List<string> Stars { get; set; } = [];
}

/// <summary>
/// A person a card names as its film's director or star. Kept apart from the film's own credits:
/// the card belongs to the page it is printed on (<see cref="TitleId"/>, <see cref="CardPosition"/>),
/// is replaced with that page, and its film may have lost its title line, yet the person is known.
/// </summary>
public sealed class CardCredit
{
    public int Id { get; set; }

    /// <summary>The title whose "also liked" list holds the card.</summary>
    public int TitleId { get; set; }

    /// <summary>The card's <see cref="AlsoLiked.Position"/> in that list.</summary>
    public int CardPosition { get; set; }

    public int PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary><see cref="CreditRole.Director"/> or <see cref="CreditRole.Star"/>.</summary>
    public CreditRole Role { get; set; }

    /// <summary>Order within the card's role, as printed.</summary>
    public int Position { get; set; }

    /// <summary>
    /// The card's film (its <see cref="AlsoLiked.TargetTitleId"/>, written with it; null when the card lost its title):
    /// what a film's people are found by, without reading every card that names it.
    /// </summary>
    public int? FilmId { get; set; }
}
