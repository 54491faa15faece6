using System.Text;

namespace FilmCatalog.Web.Importing;

public enum ImportStatus
{
    Imported,

    /// <summary>The same bytes were imported before: nothing was written.</summary>
    Unchanged,

    /// <summary>Not a title page, or it could not be written: the catalog was left as it was.</summary>
    Refused,
}

/// <summary>What importing one file did, in the words the command line prints.</summary>
public sealed record ImportOutcome
{
    public required string File { get; init; }
    public required ImportStatus Status { get; init; }
    public string? Slug { get; init; }
    public string? Name { get; init; }
    public int? Year { get; init; }

    /// <summary>How many of each kind the file held, named "singular|plural" ("review|reviews"), in a stable order.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Counts { get; init; } = [];
    public IReadOnlyList<ParseWarning> Warnings { get; init; } = [];

    /// <summary>Set when refused: the line where the file stopped being a title page, and why.</summary>
    public int? ErrorLine { get; init; }
    public string? Error { get; init; }

    public static ImportOutcome Refused(string file, int line, string reason) =>
        new() { File = file, Status = ImportStatus.Refused, ErrorLine = Math.Max(line, 1), Error = reason };

    /// <summary>The report as printed: a summary line, then one <c>FILE:LINE: ...</c> line per warning or error.</summary>
    public override string ToString()
    {
        var report = new StringBuilder();
        switch (Status)
        {
            case ImportStatus.Refused:
                report.Append($"{File}:{ErrorLine}: error: {Error} (file refused, catalog unchanged)");
                break;
            case ImportStatus.Unchanged:
                report.Append($"{File}: unchanged, already imported as {Slug}");
                break;
            default:
                var counts = string.Join(", ", Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key.Split('|')[c.Value == 1 ? 0 : 1]}"));
                var year = Year is { } y ? $" ({y})" : "";
                report.Append($"{File}: imported \"{Name}\"{year} as {Slug}: {(counts.Length > 0 ? counts : "no details")}");
                if (Warnings.Count > 0)
                    report.Append($"; {Warnings.Count} warning(s)");
                break;
        }

        foreach (var warning in Warnings)
            report.Append('\n').Append($"{File}:{warning.Line}: warning: {warning.Message}");
        return report.ToString();
    }
}
