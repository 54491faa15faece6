namespace FilmCatalog.Web.Importing;

public static class ImportRun
{
    /// <summary>Expands each path (a file, or a folder of <c>.txt</c> files in name order) and imports every file.</summary>
    public static async Task<List<ImportOutcome>> ImportAllAsync(this CatalogImporter importer, IEnumerable<string> paths, CancellationToken cancellationToken = default, Action<ImportOutcome>? report = null)
    {
        var outcomes = new List<ImportOutcome>();
        foreach (var file in Expand(paths))
        {
            var outcome = await importer.ImportFileAsync(file, cancellationToken);
            report?.Invoke(outcome);
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.txt").Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
            {
                // A missing file is reported by the importer as a refused file, like any unreadable one.
                yield return path;
            }
        }
    }
}
