using System.Threading.Channels;

namespace FilmCatalog.Web.Importing;

public static class ImportRun
{
    /// <summary>How many prepared pages may wait for the writer; bounds the memory a run holds.</summary>
    private const int PreparedAhead = 16;

    /// <summary>
    /// Expands each path (a file, or a folder of <c>.txt</c> files in name order) and imports every
    /// file, in that order. Files are read, parsed and rendered on a background task while the
    /// previous ones are written, so parsing and writing use both cores; each file is still written
    /// in its own transaction, in order.
    /// </summary>
    public static async Task<List<ImportOutcome>> ImportAllAsync(this CatalogImporter importer, IEnumerable<string> paths, CancellationToken cancellationToken = default, Action<ImportOutcome>? report = null)
    {
        var prepared = Channel.CreateBounded<PreparedPage>(new BoundedChannelOptions(PreparedAhead) { SingleReader = true, SingleWriter = true });
        var files = Expand(paths).ToList();
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var file in files)
                    await prepared.Writer.WriteAsync(importer.PrepareFile(file), cancellationToken);
                prepared.Writer.Complete();
            }
            catch (Exception e)
            {
                prepared.Writer.Complete(e);
            }
        }, cancellationToken);

        var outcomes = new List<ImportOutcome>(files.Count);
        await foreach (var page in prepared.Reader.ReadAllAsync(cancellationToken))
        {
            var outcome = await importer.WriteAsync(page, cancellationToken);
            report?.Invoke(outcome);
            outcomes.Add(outcome);
        }

        await producer;
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
