using System.Diagnostics;
using System.Threading.Channels;

namespace FilmCatalog.Web.Importing;

public static class ImportRun
{
    /// <summary>How many pages may be in preparation or wait for the writer; bounds the memory a run holds.</summary>
    private const int PreparedAhead = 64;

    /// <summary>A batch commits when it holds this many files...</summary>
    private const int BatchFiles = 200;

    /// <summary>...or this many rows, so one batch holds the database's write lock for a fraction of a second...</summary>
    private const int BatchRows = 10_000;

    /// <summary>...or when it has been gathering this long, so a slow stream of files still commits (and reports) often.</summary>
    private static readonly TimeSpan BatchTime = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Expands each path (a file, or a folder of <c>.txt</c> files in name order) and imports every
    /// file, in that order. Files are read, parsed and rendered on the thread pool, several at once,
    /// while earlier ones are written, so parsing and writing use every core. Files are written in batches (up to
    /// <see cref="BatchFiles"/> files, <see cref="BatchRows"/> rows or <see cref="BatchTime"/> of gathering),
    /// one transaction a batch, each file all or nothing inside it (see <see cref="CatalogImporter"/>);
    /// nothing is read or parsed while the write lock is held. <paramref name="report"/> hears of a file
    /// only after its batch committed. A run that imported anything ends by letting the database put
    /// what it wrote in order for reading (<see cref="CatalogImporter.TidyAsync"/>).
    /// </summary>
    public static async Task<List<ImportOutcome>> ImportAllAsync(this CatalogImporter importer, IEnumerable<string> paths, CancellationToken cancellationToken = default, Action<ImportOutcome>? report = null, ImportTimes? times = null)
    {
        // Pages in preparation, in file order: the writer awaits each in turn.
        var prepared = Channel.CreateBounded<Task<PreparedPage>>(new BoundedChannelOptions(PreparedAhead) { SingleReader = true, SingleWriter = true });
        var files = Expand(paths).ToList();
        // As many files read and parsed at once as there are cores: each may be a large page in memory.
        using var preparing = new SemaphoreSlim(Environment.ProcessorCount);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var file in files)
                    await prepared.Writer.WriteAsync(PrepareAsync(importer, file, preparing, times, cancellationToken), cancellationToken);
                prepared.Writer.Complete();
            }
            catch (Exception e)
            {
                prepared.Writer.Complete(e);
            }
        }, cancellationToken);

        var outcomes = new List<ImportOutcome>(files.Count);
        var batch = new List<PreparedPage>(BatchFiles);
        while (await prepared.Reader.WaitToReadAsync(cancellationToken))
        {
            // Gather the batch before taking the write lock: a file that is slow to read or parse
            // delays the import, never the site's writes, which wait for the lock only while a batch
            // is written. The batch is bounded in files and in rows, so that write is short.
            batch.Clear();
            var rows = 0;
            var deadline = Stopwatch.GetTimestamp() + (long)(BatchTime.TotalSeconds * Stopwatch.Frequency);
            do
            {
                while (batch.Count < BatchFiles && rows < BatchRows && prepared.Reader.TryRead(out var next))
                {
                    var page = await next;
                    batch.Add(page);
                    rows += page.Rows;
                }
            }
            while (batch.Count < BatchFiles && rows < BatchRows && await MoreBeforeAsync(prepared.Reader, deadline, cancellationToken));

            var writing = Stopwatch.GetTimestamp();
            var written = await importer.WriteBatchAsync(batch, cancellationToken);
            times?.AddWriting(Stopwatch.GetElapsedTime(writing));
            foreach (var outcome in written)
            {
                report?.Invoke(outcome);
                outcomes.Add(outcome);
            }
        }

        await producer;
        if (outcomes.Any(o => o.Status == ImportStatus.Imported))
            await importer.TidyAsync(cancellationToken);
        return outcomes;
    }

    private static async Task<PreparedPage> PrepareAsync(CatalogImporter importer, string file, SemaphoreSlim preparing, ImportTimes? times, CancellationToken cancellationToken)
    {
        await preparing.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() =>
            {
                var start = Stopwatch.GetTimestamp();
                var page = importer.PrepareFile(file);
                times?.AddPreparing(Stopwatch.GetElapsedTime(start));
                return page;
            }, cancellationToken);
        }
        finally
        {
            preparing.Release();
        }
    }

    /// <summary>Waits for another prepared page until <paramref name="deadline"/>; false when none came or none will.</summary>
    private static async Task<bool> MoreBeforeAsync(ChannelReader<Task<PreparedPage>> reader, long deadline, CancellationToken cancellationToken)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        if (left <= TimeSpan.Zero)
            return false;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(left);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
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

/// <summary>
/// Where an import's time went: reading and parsing (summed over the threads that do it at once) and
/// writing (the one writer, waiting for its turn included). The command prints it; the benchmark reports it.
/// </summary>
public sealed class ImportTimes
{
    private long _preparingTicks;
    private long _writingTicks;

    public TimeSpan Preparing => TimeSpan.FromTicks(Interlocked.Read(ref _preparingTicks));

    public TimeSpan Writing => TimeSpan.FromTicks(Interlocked.Read(ref _writingTicks));

    internal void AddPreparing(TimeSpan time) => Interlocked.Add(ref _preparingTicks, time.Ticks);

    internal void AddWriting(TimeSpan time) => Interlocked.Add(ref _writingTicks, time.Ticks);
}
