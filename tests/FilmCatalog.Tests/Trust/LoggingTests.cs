using System.Net;
using FilmCatalog.Tests.Infrastructure;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace FilmCatalog.Tests.Trust;

/// <summary>
/// ASVS V16 (logging): the log holds no review text, cookie or client address, and what a visitor
/// typed cannot split a log line.
/// </summary>
public sealed class LoggingTests : IClassFixture<LoggingTests.Factory>
{
    private readonly Factory _factory;

    public LoggingTests(Factory factory) => _factory = factory;

    public sealed class Factory : TrustFactory
    {
        // Debug: successful requests are logged at Debug, and everything logged must be clean.
        public Factory() => Settings = new Dictionary<string, string>
        {
            ["RateLimits:ReviewsPerWindow"] = "1000",
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
        var film = await TrustCatalog.AddFilmAsync(_factory, reviews: 1);
        var client = _factory.CreateClient("127.0.0.1");
        var ipv6 = _factory.CreateClient("::1");

        var (form, button, values) = await TrustPages.OpenAsync(client, TrustPages.Writer.NewReview, film);
        values["Input.Headline"] = $"Headline {marker}\r\n{forged} INF fake";
        values["Input.Body"] = $"{marker}\r\n{forged}\r\n" + values["Input.Body"];
        values["Input.DisplayName"] = $"{marker}\n{forged}";
        await client.SubmitAsync(form, values, button); // refused: a headline is one line
        values["Input.Headline"] = $"Headline {marker}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(form, values, button)).StatusCode);
        await client.GetAsync($"/title/{film.Slug}%0D%0A{forged}%0A?q={marker}%0D%0A{forged}");
        await ipv6.GetAsync($"/reviews/{film.ReviewIds[0]}/vote?secret={marker}");
        var (voteForm, voteButton, _) = await TrustPages.OpenAsync(client, TrustPages.Writer.Vote, film);
        await client.SubmitAsync(voteForm, submitButton: voteButton);

        var lines = await ReadLogAsync(expectedLines: 8, "/vote responded 302", $"\\r\\n{forged}");
        var text = string.Join("\n", lines);
        Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("::1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(VisitorIdentity.CookieName + "=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CfDJ8", text, StringComparison.Ordinal); // the prefix of every Data Protection payload (cookies, tokens)
        Assert.All(lines, line => Assert.False(line.StartsWith(forged, StringComparison.Ordinal), $"a forged line: {line}"));
        Assert.Contains(lines, line => line.Contains($"\\r\\n{forged}", StringComparison.Ordinal));
    }

    private async Task<List<string>> ReadLogAsync(int expectedLines, params string[] awaited)
    {
        // A request's log line is written after its response is sent, so under load it can land
        // after later requests' lines: wait (up to 10 s) until every awaited line is there.
        for (var attempt = 0; attempt < 500 && !awaited.All(a => _factory.Log.Lines().Any(l => l.Contains(a, StringComparison.Ordinal))); attempt++)
            await Task.Delay(20);

        var lines = _factory.Log.Lines();
        Assert.True(lines.Count >= expectedLines, $"only {lines.Count} log lines");
        return lines;
    }

    /// <summary>Every event the site logs, rendered as the file sink renders it (message and exception).</summary>
    public sealed class LogCapture : ILogEventSink
    {
        private readonly MessageTemplateTextFormatter _format = new("{Timestamp:HH:mm:ss} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}");
        private readonly List<string> _lines = [];
        private readonly List<LogEvent> _events = [];

        public void Emit(LogEvent logEvent)
        {
            using var text = new StringWriter();
            _format.Format(logEvent, text);
            lock (_lines)
            {
                _lines.AddRange(text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
                _events.Add(logEvent);
            }
        }

        public List<LogEvent> Events()
        {
            lock (_lines)
                return [.. _events];
        }

        public List<string> Lines()
        {
            lock (_lines)
                return [.. _lines];
        }
    }
}
