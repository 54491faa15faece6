using System.Net;
using System.Net.Http.Json;
using FilmCatalog.Bench.Generator;
using FilmCatalog.Web.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FilmCatalog.Tests.Data;

/// <summary>
/// The database's promise, kept through the site: a site process killed with SIGKILL in the middle of
/// an import or of a vote storm leaves a catalog that holds every vote it acknowledged and each
/// imported file whole or not at all (and on SQLite, whose database lives in that process, a file
/// that passes integrity_check). On PostgreSQL the site runs as it does at scale, with Redis.
/// </summary>
public abstract class CrashSafetyTests : IDisposable
{
    private const int Films = 30;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-crash-").FullName;
    private readonly ITestOutputHelper _output;
    private readonly PostgresDatabase? _postgres;
    private readonly Dictionary<string, string>? _settings;

    protected CrashSafetyTests(ITestOutputHelper output, TestProvider provider)
    {
        _output = output;
        if (provider == TestProvider.Postgres)
        {
            _postgres = TestServers.NewPostgresDatabase();
            _settings = TestServers.SiteSettings(_postgres, TestServers.NewRedisPrefix());
        }
    }

    private string DatabasePath => Path.Combine(_dataFolder, "catalog.db");

    private TestCatalog Catalog => _postgres is null ? TestCatalog.OfSqliteFile(DatabasePath) : TestCatalog.OfPostgres(_postgres.ConnectionString);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
        _postgres?.Dispose();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Twenty_kills_mid_import_and_mid_vote_storm_lose_no_acknowledged_vote_and_no_half_import()
    {
        var random = new Random(20261124);
        var seeds = Path.Combine(_dataFolder, "import");
        new CatalogGenerator(Films, seed: 7).WriteTo(seeds, reviewCount: 0);
        var expected = await ExpectedShapesAsync(seeds);

        // First start creates and migrates the catalog; the film the storms vote on is added beside it.
        TestCatalog.Film film;
        using (await SiteProcess.StartAsync(_dataFolder, _settings))
            film = await Catalog.AddFilmAsync(reviews: 4);

        var acknowledged = new VoteLedger(film.ReviewIds);
        var kills = 0;
        for (var round = 0; round < 10; round++)
        {
            // A vote storm, killed while votes are in flight.
            using (var site = await SiteProcess.StartAsync(_dataFolder, _settings))
            {
                using var stop = new CancellationTokenSource();
                var underWay = acknowledged.NextVote();
                var workers = Enumerable.Range(0, 6).Select(w => VoteUntilKilledAsync(site.Address!, film.ReviewIds[w % film.ReviewIds.Count], acknowledged, stop.Token)).ToList();
                // Kill once the storm is under way (the first votes are slow while the site warms up), at a random moment.
                await underWay.WaitAsync(SiteProcess.HangTimeout);
                await Task.Delay(random.Next(20, 300));
                site.Kill();
                kills++;
                await stop.CancelAsync();
                await Task.WhenAll(workers);
            }

            await AssertIntactAsync(acknowledged);

            // An import of a folder, killed part-way (sometimes while it is still starting).
            using (var import = SiteProcess.StartCommand(_dataFolder, _settings, "import", seeds))
            {
                // Kill once this run has committed a file (it prints a file only then), so the kill lands
                // among the next files' transactions; or once it is done, when there was nothing left to write.
                var committed = import.WaitForLineAsync(line => line.Contains(": imported \"", StringComparison.Ordinal));
                await Task.WhenAny(committed, import.WaitForExitAsync()).WaitAsync(SiteProcess.HangTimeout);
                await Task.Delay(random.Next(0, 120));
                import.Kill();
                kills++;
            }

            await AssertIntactAsync(acknowledged);
            await AssertImportsWholeAsync(expected);
        }

        var files = await Catalog.ReadAsync(db => db.ImportRecords.CountAsync());
        var votes = await Catalog.ReadAsync(db => db.HelpfulVotes.CountAsync());
        _output.WriteLine($"{kills} kills; {acknowledged.Total} votes acknowledged, {votes} stored; {files} of {Films} files imported");
        Assert.True(files > 0, "no import got as far as a file: the kills never hit an import");
        Assert.Equal(20, kills);
        Assert.True(acknowledged.Total > 0, "no vote was acknowledged: the storms never ran");
    }

    /// <summary>One new visitor per vote, so every acknowledged vote must be its own row.</summary>
    private static async Task VoteUntilKilledAsync(Uri site, int review, VoteLedger acknowledged, CancellationToken stop)
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
                    acknowledged.Record(review);
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException or TaskCanceledException or OperationCanceledException or IOException or System.Text.Json.JsonException)
            {
                // The site is gone (the storm is stopped right after the kill), or a request outlasted the
                // client's timeout on a loaded machine while the site lives: then the next vote is tried.
                // A kill between the connect and the client's look at the socket surfaces as a bare
                // SocketException ("Transport endpoint is not connected"), not wrapped in HttpRequestException.
                if (stop.IsCancellationRequested)
                    return;
            }
        }
    }

    private async Task AssertIntactAsync(VoteLedger acknowledged)
    {
        // A PostgreSQL server outlives the site's process; its own consistency is not what was killed.
        if (_postgres is null)
        {
            using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        foreach (var (review, count) in acknowledged.PerReview())
            Assert.True((await Catalog.SiteVotesAsync(review)).Rows >= count, $"review {review} lost acknowledged votes");
        Assert.Empty(await Catalog.CounterMismatchesAsync());
    }

    private async Task AssertImportsWholeAsync(Dictionary<string, string> expected)
    {
        foreach (var (slug, shape) in expected)
        {
            var recorded = await Catalog.ReadAsync(db => db.ImportRecords.CountAsync(r => r.TitleSlug == slug));
            var full = await Catalog.ReadAsync(db => db.Titles.CountAsync(t => t.Slug == slug && !t.IsCardOnly));
            Assert.Equal(recorded, full);
            if (full == 1)
                Assert.Equal(shape, await ShapeOfAsync(Catalog, slug));
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

        foreach (var slug in await reference.Catalog.ReadAsync(db => db.ImportRecords.Select(r => r.TitleSlug).OfType<string>().ToListAsync()))
            shapes[slug] = await ShapeOfAsync(reference.Catalog, slug);
        return shapes;
    }

    /// <summary>How many rows of each kind a title has.</summary>
    private static Task<string> ShapeOfAsync(TestCatalog catalog, string slug) => catalog.ReadAsync(async db =>
    {
        var title = await db.Titles.Where(t => t.Slug == slug).Select(t => new
        {
            Credits = t.Credits.Count,
            Reviews = t.Reviews.Count,
            Trivia = t.Trivia.Count,
            Facts = t.Facts.Count,
            AlsoLiked = t.AlsoLiked.Count,
            Connections = t.Connections.Count,
        }).SingleAsync();
        return string.Join(",", title.Credits, title.Reviews, title.Trivia, title.Facts, title.AlsoLiked, title.Connections);
    });

    /// <summary>The votes the site acknowledged, per review; signals the first one of each storm.</summary>
    private sealed class VoteLedger(IEnumerable<int> reviewIds)
    {
        private readonly Dictionary<int, int> _counts = reviewIds.ToDictionary(id => id, _ => 0);
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Total
        {
            get
            {
                lock (_counts)
                    return _counts.Values.Sum();
            }
        }

        /// <summary>Completes when the next vote from now is acknowledged.</summary>
        public Task NextVote()
        {
            lock (_counts)
                return (_next = new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        public void Record(int review)
        {
            lock (_counts)
                _counts[review]++;
            _next.TrySetResult();
        }

        public List<(int Review, int Count)> PerReview()
        {
            lock (_counts)
                return [.. _counts.Select(c => (c.Key, c.Value))];
        }
    }

    private sealed record TokenResponse(string Token);

    private sealed record VoteResponse(string Result);
}

public sealed class CrashSafetyTestsOnSqlite(ITestOutputHelper output) : CrashSafetyTests(output, TestProvider.Sqlite);

public sealed class CrashSafetyTestsOnPostgres(ITestOutputHelper output) : CrashSafetyTests(output, TestProvider.Postgres);
