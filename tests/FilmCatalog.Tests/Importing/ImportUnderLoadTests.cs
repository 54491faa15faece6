using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using FilmCatalog.Web.Importing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// The command-line import of hostile and huge files (a FIFO, a device, a link to a device, a page past
/// a cap, a huge legal page, a page of mixed encoding) beside the running site, while visitors vote:
/// the import finishes with a located line for every refusal, nothing past a cap gets in, and not
/// one vote fails, because the import never holds the write lock while it reads or parses, and
/// writes in short batches.
/// </summary>
public sealed class ImportUnderLoadTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-load-").FullName;
    private readonly ITestOutputHelper _output;

    public ImportUnderLoadTests(ITestOutputHelper output) => _output = output;

    private string DatabasePath => Path.Combine(_dataFolder, "catalog.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task Hostile_and_huge_files_import_beside_a_voting_site_without_one_failed_vote()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dataFolder, "import")).FullName;
        HostileImportFiles.Fifo(folder, "a-pipe.txt");
        HostileImportFiles.LinkToZero(folder, "b-zero.txt");
        var (tooMany, tooManyLine) = HostileImportFiles.TooManyCards(TitlePageParser.MaxCards + 1);
        await File.WriteAllTextAsync(Path.Combine(folder, "c-too-many-cards.txt"), tooMany);
        await File.WriteAllTextAsync(Path.Combine(folder, "d-huge-legal.txt"), HostileImportFiles.HugeLegalPage(reviews: 20_000));
        await File.WriteAllBytesAsync(Path.Combine(folder, "e-mixed-encoding.txt"), HostileImportFiles.MixedEncoding());

        // The site's writes wait up to a minute here, not 5 s: what this test proves is that the import
        // never holds the write lock while it reads or parses (a FIFO, a device, a huge page). How long
        // writing one legal page holds it depends on the machine's load (seconds for 20,000 reviews on
        // a busy 2-core machine); the bounded wait and its 503 are BusyDatabaseTests'.
        using var site = await SiteProcess.StartAsync(_dataFolder, "--Catalog:WriteWaitSeconds", "60");
        var film = await TestCatalog.OfSqliteFile(DatabasePath).AddFilmAsync(4);

        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var votes = 0;
        var voters = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var failure = await VoteAsNewVisitorAsync(site.Address!, film.ReviewIds[w]);
                if (failure is null)
                    Interlocked.Increment(ref votes);
                else
                    failures.Enqueue(failure);
            }
        })).ToList();
        while (Volatile.Read(ref votes) == 0 && failures.IsEmpty)
            await Task.Delay(10);

        using var import = SiteProcess.StartCommand(_dataFolder, "import", folder, "/dev/zero");
        await import.WaitForExitAsync();
        var votesDuringImport = Volatile.Read(ref votes);
        await stop.CancelAsync();
        await Task.WhenAll(voters);

        var report = string.Join("\n", import.Lines);
        _output.WriteLine(report);
        _output.WriteLine($"{votes} votes, {failures.Count} failed");
        Assert.Empty(failures);
        Assert.True(votesDuringImport > 0);
        Assert.Equal(1, import.ExitCode);
        Assert.Matches(@"a-pipe\.txt:1: error: not a regular file \(a named pipe\)", report);
        Assert.Matches(@"b-zero\.txt:1: error: not a regular file \(a character device\)", report);
        Assert.Matches(@"/dev/zero:1: error: not a regular file \(a character device\)", report);
        Assert.Contains($"c-too-many-cards.txt:{tooManyLine}: error: more than 1,000 also-liked cards", report, StringComparison.Ordinal);
        Assert.Matches(@"d-huge-legal\.txt: imported .*20000 reviews", report);
        Assert.Matches(@"e-mixed-encoding\.txt: imported ", report);
        Assert.Contains("6 file(s): 2 imported, 0 unchanged, 4 refused", report, StringComparison.Ordinal);
        // The split the benchmark reports: the writer's time and the reading and parsing beside it.
        Assert.Matches(@"\ntime: \d+\.\d\d s in all; \d+\.\d\d s writing \(one writer\), \d+\.\d\d s reading and parsing \(summed over \d+ threads", report);

        Assert.Equal(0, await TestCatalog.OfSqliteFile(DatabasePath).ScalarAsync("SELECT COUNT(*) FROM Titles WHERE Name = 'Card Collector'"));
        Assert.True(await TestCatalog.OfSqliteFile(DatabasePath).ScalarAsync("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM AlsoLiked GROUP BY TitleId UNION ALL SELECT 0)") <= TitlePageParser.MaxCards);
        Assert.Empty(await TestCatalog.OfSqliteFile(DatabasePath).CounterMismatchesAsync());
    }

    /// <summary>One vote as a new visitor (token and identity first, as the title page's script does); null when it was counted.</summary>
    private static async Task<string?> VoteAsNewVisitorAsync(Uri site, int review)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = site, Timeout = TimeSpan.FromMinutes(2) };
        var token = await client.GetFromJsonAsync<TokenAnswer>("/antiforgery/token");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{review}/vote")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }),
        };
        request.Headers.Add("RequestVerificationToken", token!.Token);
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && body.Contains("\"Recorded\"", StringComparison.Ordinal)
            ? null
            : $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}";
    }

    private sealed record TokenAnswer(string Token);
}
