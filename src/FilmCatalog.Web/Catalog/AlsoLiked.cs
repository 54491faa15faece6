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
