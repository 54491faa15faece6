using System.Net;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// ASVS V16 (logging): the log holds no review text, cookie or client address, and what a visitor
/// typed cannot split a log line.
/// </summary>
public sealed class LoggingTests : IClassFixture<LoggingTests.Factory>
{
    private readonly Factory _factory;

    public LoggingTests(Factory factory) => _factory = factory;

    public sealed class Factory : CatalogFactory
    {
        // Debug: successful requests are logged at Debug, and everything logged must be clean.
        public Factory() => Settings = new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
        };

        public LogCapture Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
        }
    }

    [Fact]
    public async Task The_log_holds_no_review_text_cookie_or_client_address_and_input_cannot_forge_a_line()
    {
        const string marker = "BODYMARKER7f3a";
        const string forged = "FORGED-LOG-LINE";
        var film = await _factory.Catalog.AddFilmAsync(reviews: 1);
        var client = _factory.CreateClient("127.0.0.1");
        var ipv6 = _factory.CreateClient("::1");

        var form = await ReviewForm.OpenForAsync(client, film.Slug);
        var values = ReviewForm.ValidValues();
        values["Input.Headline"] = $"Headline {marker}\r\n{forged} INF fake";
        values["Input.Body"] = $"{marker}\r\n{forged}\r\n" + values["Input.Body"];
        values["Input.DisplayName"] = $"{marker}\n{forged}";
        await form.SubmitAsync(values); // refused: a headline and a name are one line
        values["Input.Headline"] = $"Headline {marker}";
        values["Input.DisplayName"] = marker;
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(values)).StatusCode);
        await client.GetAsync($"/title/{film.Slug}%0D%0A{forged}%0A?q={marker}%0D%0A{forged}");
        await ipv6.GetAsync($"/reviews/{film.ReviewIds[0]}/vote?secret={marker}");
        await (await VotePage.OpenAsync(client, film.ReviewIds[0])).SubmitAsync(helpful: true);

        // A request's line is written after its response is sent, so it can land after later requests' lines:
        // wait for the sink to have seen every line asserted on below.
        var lines = await _factory.Log.WaitForAsync(lines => lines.Count >= 8
            && lines.Any(l => l.Contains("/vote responded 302", StringComparison.Ordinal))
            && lines.Any(l => l.Contains($"\\r\\n{forged}", StringComparison.Ordinal)));
        var text = string.Join("\n", lines);
        Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("::1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(VisitorIdentity.CookieName + "=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CfDJ8", text, StringComparison.Ordinal); // the prefix of every Data Protection payload (cookies, tokens)
        Assert.All(lines, line => Assert.False(line.StartsWith(forged, StringComparison.Ordinal), $"a forged line: {line}"));
        Assert.Contains(lines, line => line.Contains($"\\r\\n{forged}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_log_files_are_written_in_the_data_folder_wherever_it_is()
    {
        _ = _factory.Services; // start-up seeds the catalog and logs it

        var logs = Directory.GetFiles(Path.Combine(_factory.DataFolder, "logs"), "*.log");

        var log = Assert.Single(logs);
        Assert.Contains(File.ReadLines(log), line => line.Contains("Seeded the catalog", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_instances_on_one_data_folder_write_every_line_whole_to_one_log()
    {
        const int Requests = 300;
        var dataFolder = Directory.CreateTempSubdirectory("filmcatalog-two-").FullName;
        try
        {
            using var first = await SiteProcess.StartAsync(dataFolder);
            using var second = await SiteProcess.StartAsync(dataFolder);

            // Each 404 is logged as one Warning line naming its path; both instances log at the same time.
            await Task.WhenAll(new[] { first, second }.Select((site, n) => Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
            {
                using var client = new HttpClient { BaseAddress = site.Address };
                for (var i = worker; i < Requests; i += 4)
                    Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/missing/instance{n}-{i}")).StatusCode);
            }))));
            await first.StopAsync();
            await second.StopAsync();

            var lines = Directory.GetFiles(Path.Combine(dataFolder, "logs"), "*.log").SelectMany(File.ReadAllLines).ToList();
            for (var n = 0; n < 2; n++)
            {
                for (var i = 0; i < Requests; i++)
                    Assert.Single(lines, line => line.Contains($"GET /missing/instance{n}-{i} responded 404", StringComparison.Ordinal));
            }

            Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d \[[A-Z]{3}\] ", line));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    /// <summary>
    /// Every event the site logs, rendered as the file sink renders it (message and exception). A test
    /// waits on a condition over the lines, signalled by the sink as each event arrives: no polling.
    /// </summary>
    public sealed class LogCapture : ILogEventSink
    {
        /// <summary>Long enough that only a hang (a line never written) reaches it, however busy the machine.</summary>
        private static readonly TimeSpan HangTimeout = TimeSpan.FromMinutes(2);

        private readonly MessageTemplateTextFormatter _format = new("{Timestamp:HH:mm:ss} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}");
        private readonly List<string> _lines = [];
        private readonly List<LogEvent> _events = [];
        private readonly List<(Func<IReadOnlyList<string>, bool> Condition, TaskCompletionSource<List<string>> Met)> _waiters = [];

        public void Emit(LogEvent logEvent)
        {
            using var text = new StringWriter();
            _format.Format(logEvent, text);
            lock (_lines)
            {
                _lines.AddRange(text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
                _events.Add(logEvent);
                SignalMetConditions();
            }
        }

        /// <summary>Every event so far, for tests that judge levels and properties rather than lines.</summary>
        public List<LogEvent> Events()
        {
            lock (_lines)
                return [.. _events];
        }

        /// <summary>The lines as soon as <paramref name="condition"/> holds for them.</summary>
        public async Task<List<string>> WaitForAsync(Func<IReadOnlyList<string>, bool> condition)
        {
            var met = new TaskCompletionSource<List<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lines)
            {
                _waiters.Add((condition, met));
                SignalMetConditions();
            }

            try
            {
                return await met.Task.WaitAsync(HangTimeout);
            }
            catch (TimeoutException)
            {
                lock (_lines)
                    Assert.Fail($"the log never met the condition; it holds:\n{string.Join("\n", _lines)}");
                throw;
            }
        }

        private void SignalMetConditions()
        {
            foreach (var waiter in _waiters.Where(w => w.Condition(_lines)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Met.SetResult([.. _lines]);
            }
        }
    }
}
