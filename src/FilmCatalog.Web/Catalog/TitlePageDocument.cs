namespace FilmCatalog.Web.Catalog;

/// <summary>
/// The title page's read model: what the source page says about a title (facts, credits with their
/// people's names, did-you-know, FAQ, cards), as one JSON document, so that a page rendered fresh
/// reads it in one row instead of a statement per table. Derived data: written by the importer in
/// the same transaction as the rows it copies (<c>Pages/Titles/TitlePageDocuments</c>), never edited
/// on its own. What depends on other titles or on visitors is read live (ADR-004).
/// </summary>
public sealed class TitlePageDocument
{
    public int TitleId { get; set; }

    /// <summary><c>Pages/Titles/TitlePageFacts</c> serialized; its shape is versioned by <see cref="Version"/>.</summary>
    public required string Json { get; set; }

    /// <summary>The document shape it was written with: a document of another shape is rebuilt at start.</summary>
    public int Version { get; set; }
}
