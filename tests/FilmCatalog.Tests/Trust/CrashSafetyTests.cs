using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FilmCatalog.Bench.Generator;
using FilmCatalog.Tests.Infrastructure;
using FilmCatalog.Web.Importing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FilmCatalog.Tests.Trust;

/// <summary>
/// SQLite's promise, kept through the site: a process killed with SIGKILL in the middle of an import
/// or of a vote storm leaves a database that passes integrity_check, holds every vote it acknowledged,
/// and holds each imported file whole or not at all.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Films = 30;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-crash-").FullName;
    private readonly ITestOutputHelper _output;

    public CrashSafetyTests(ITestOutputHelper output) => _output = output;

    private string DatabasePath => Path.Combine(_dataFolder, "catalog.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task Twenty_kills_mid_import_and_mid_vote_storm_lose_no_acknowledged_vote_and_no_half_import()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20261124);
        var seeds = Path.Combine(_dataFolder, "import");
        new CatalogGenerator(Films, seed: 7).WriteTo(seeds, reviewCount: 0);
        var expected = await ExpectedShapesAsync(seeds);

        // First start creates and migrates the catalog; the film the storms vote on is added beside it.
        TrustCatalog.Film film;
        using (await SiteProcess.StartAsync(_dataFolder, TimeSpan.FromSeconds(30)))
            film = await TrustCatalog.AddFilmAsync(DatabasePath, reviews: 4);

        var acknowledged = film.ReviewIds.ToDictionary(id => id, _ => 0);
        var kills = 0;
        for (var round = 0; round < 10; round++)
        {
            // A vote storm, killed while votes are in flight.
            using (var site = await SiteProcess.StartAsync(_dataFolder, TimeSpan.FromSeconds(30)))
            {
                using var stop = new CancellationTokenSource();
                int before;
                lock (acknowledged)
                    before = acknowledged.Values.Sum();
                var workers = Enumerable.Range(0, 6).Select(w => VoteUntilKilledAsync(site.Address, film.ReviewIds[w % film.ReviewIds.Count], acknowledged, stop.Token)).ToList();
                // Kill once the storm is under way (the first votes are slow while the site warms up).
                var warm = Stopwatch.StartNew();
                while (acknowledged.Values.Sum() == before && warm.Elapsed < TimeSpan.FromSeconds(10))
                    await Task.Delay(10);
                await Task.Delay(random.Next(20, 300));
                site.Kill();
                kills++;
                await stop.CancelAsync();
                await Task.WhenAll(workers);
            }

            AssertIntact(acknowledged);

            // An import of a folder, killed part-way (sometimes while it is still starting).
            using (var import = SiteProcess.Start(_dataFolder, "import", seeds))
            {
                // Kill once this run has written a file, so the kill lands among the next files' transactions.
                var imported = TrustCatalog.Scalar(DatabasePath, "SELECT COUNT(*) FROM ImportRecords");
                var started = Stopwatch.StartNew();
                while (!import.HasExited && started.Elapsed < TimeSpan.FromSeconds(10)
                       && TrustCatalog.Scalar(DatabasePath, "SELECT COUNT(*) FROM ImportRecords") == imported)
                    await Task.Delay(5);
                await Task.Delay(random.Next(0, 120));
                if (!import.HasExited)
                    import.Kill();
                await import.WaitForExitAsync();
                kills++;
            }

            AssertIntact(acknowledged);
            AssertImportsWhole(expected);
        }

        var files = TrustCatalog.Scalar(DatabasePath, "SELECT COUNT(*) FROM ImportRecords");
        var votes = TrustCatalog.Scalar(DatabasePath, "SELECT COUNT(*) FROM HelpfulVotes");
        _output.WriteLine($"{kills} kills in {clock.Elapsed.TotalSeconds:F1} s; {acknowledged.Values.Sum()} votes acknowledged, {votes} stored; {files} of {Films} files imported");
        Assert.True(files > 0, "no import got as far as a file: the kills never hit an import");
        Assert.Equal(20, kills);
        Assert.True(acknowledged.Values.Sum() > 0, "no vote was acknowledged: the storms never ran");
    }

    /// <summary>One new visitor per vote, so every acknowledged vote must be its own row.</summary>
    private static async Task VoteUntilKilledAsync(Uri site, int review, Dictionary<int, int> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                var token = await client.GetFromJsonAsync<TokenResponse>("/antiforgery/token", stop);
                var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{review}/vote")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }),
                };
                request.Headers.Add("RequestVerificationToken", token!.Token);
                request.Headers.Accept.ParseAdd("application/json");
                var response = await client.SendAsync(request, stop);
                Assert.True((int)response.StatusCode < 500, $"a vote got {(int)response.StatusCode}");
                var result = await response.Content.ReadFromJsonAsync<VoteResponse>(stop);
                if (result?.Result == "Recorded")
                {
                    lock (acknowledged)
                        acknowledged[review]++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException or System.Text.Json.JsonException)
            {
                return; // the site is gone
            }
        }
    }

    private void AssertIntact(Dictionary<int, int> acknowledged)
    {
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        foreach (var (review, count) in acknowledged)
            Assert.True(TrustCatalog.Scalar(DatabasePath, $"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId = {review}") >= count, $"review {review} lost acknowledged votes");
        Assert.Empty(TrustCatalog.CounterMismatches(DatabasePath));
    }

    private void AssertImportsWhole(Dictionary<string, string> expected)
    {
        foreach (var (slug, shape) in expected)
        {
            var recorded = TrustCatalog.Scalar(DatabasePath, $"SELECT COUNT(*) FROM ImportRecords WHERE TitleSlug = '{slug}'");
            var full = TrustCatalog.Scalar(DatabasePath, $"SELECT COUNT(*) FROM Titles WHERE Slug = '{slug}' AND IsCardOnly = 0");
            Assert.Equal(recorded, full);
            if (full == 1)
                Assert.Equal(shape, ShapeOf(DatabasePath, slug));
        }
    }

    /// <summary>What each file looks like once imported, from a clean import of the same folder.</summary>
    private static async Task<Dictionary<string, string>> ExpectedShapesAsync(string folder)
    {
        using var reference = new TestDatabase();
        var shapes = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(folder, "*.txt"))
        {
            var outcome = await reference.ImportAsync(file, await File.ReadAllBytesAsync(file));
            Assert.Equal(ImportStatus.Imported, outcome.Status);
        }

        await using var db = reference.NewDbContext();
        foreach (var slug in db.ImportRecords.Select(r => r.TitleSlug).OfType<string>().ToList())
            shapes[slug] = ShapeOf(reference.Path, slug);
        return shapes;
    }

    private static string ShapeOf(string databasePath, string slug) => string.Join(",", new[] { "Credits", "Reviews", "Trivia", "TitleFacts", "AlsoLiked", "Connections" }
        .Select(table => TrustCatalog.Scalar(databasePath, $"SELECT COUNT(*) FROM {table} WHERE TitleId = (SELECT Id FROM Titles WHERE Slug = '{slug}')")));

    private sealed record TokenResponse(string Token);

    private sealed record VoteResponse(string Result);
}
