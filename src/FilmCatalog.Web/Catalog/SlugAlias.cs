namespace FilmCatalog.Web.Catalog;

/// <summary>
/// A slug a title had before (under an older slug rule, or before its year qualifier was known).
/// Its URLs keep working: they answer 301 with the title's current slug.
/// </summary>
public sealed class SlugAlias
{
    public int Id { get; set; }
    public required string OldSlug { get; set; }
    public int TitleId { get; set; }
}

/// <summary>
/// Data work a migration queued and the application does once at start, in C#, because SQL cannot:
/// recomputing every slug under a new rule, say. A row is removed in the transaction that did its work.
/// </summary>
public sealed class CatalogUpgrade
{
    public required string Name { get; set; }
}
