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

    /// <summary>
    /// The <see cref="Importing.TitlePageParser.Version"/> that read the file. The same bytes read
    /// by an older parser are imported again, so what a newer parser recognises reaches the catalog.
    /// </summary>
    public int ParserVersion { get; set; }

    /// <summary>Counts per kind and warnings with line numbers, as printed to the user.</summary>
    public required string Report { get; set; }
}
