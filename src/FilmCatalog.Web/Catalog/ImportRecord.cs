namespace FilmCatalog.Web.Catalog;

/// <summary>What happened to one imported file: kept so a re-run can tell what it already has.</summary>
public sealed class ImportRecord
{
    public int Id { get; set; }
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes, hex.</summary>
    public required string ContentHash { get; set; }
    public DateTime ImportedAt { get; set; }
    public string? TitleSlug { get; set; }

    /// <summary>Counts per kind and warnings with line numbers, as printed to the user.</summary>
    public required string Report { get; set; }
}
