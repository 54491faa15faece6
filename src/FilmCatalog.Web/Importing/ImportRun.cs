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
        foreach (var path in paths.Select(FromCallersFolder))
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

    /// <summary>
    /// `dotnet run --project` starts the site in the project's folder, but a user types paths relative
    /// to the folder they ran it from, which the shell still names in PWD.
    /// </summary>
    private static string FromCallersFolder(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path))
            return path;

        var caller = Environment.GetEnvironmentVariable("PWD");
        var fromCaller = caller is { Length: > 0 } ? Path.GetFullPath(path, caller) : path;
        return File.Exists(fromCaller) || Directory.Exists(fromCaller) ? fromCaller : path;
    }
}
