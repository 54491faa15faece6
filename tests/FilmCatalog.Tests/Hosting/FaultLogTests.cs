using System.Net;
using Serilog.Events;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// What one failing request can write to the log is bounded: one request line and one fault line,
/// and a fault's stack trace once, however often visitors repeat it.
/// </summary>
public sealed class FaultLogTests : IClassFixture<HostileSite>
{
    private const int Repeats = 20;
    private readonly HostileSite _site;

    public FaultLogTests(HostileSite site) => _site = site;

    [Fact]
    public async Task A_fault_repeated_by_many_requests_logs_its_stack_trace_once_and_one_line_each_after()
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.14.1");
        var before = _site.Log.Events().Count;

        // A real fault: the table the vote page reads is gone.
        await _site.Catalog.ExecuteAsync("ALTER TABLE Reviews RENAME TO Reviews_gone");
        try
        {
            for (var i = 0; i < Repeats; i++)
                Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync($"/reviews/{film.ReviewIds[0]}/vote")).StatusCode);
        }
        finally
        {
            await _site.Catalog.ExecuteAsync("ALTER TABLE Reviews_gone RENAME TO Reviews");
        }

        await _site.Log.WaitForAsync(lines => lines.Count(l => l.Contains("/vote responded 500", StringComparison.Ordinal)) >= Repeats);
        var events = _site.Log.Events().Skip(before).Where(e => e.Level >= LogEventLevel.Warning).ToList();
        var traces = events.Count(e => e.Exception is not null);
        Assert.True(traces == 1, $"{traces} stack traces for one fault repeated {Repeats} times");
        Assert.InRange(events.Count, Repeats, 2 * Repeats);
        var repeatsText = events.Where(e => e.Exception is null).Sum(e => e.RenderMessage().Length);
        Assert.True(repeatsText < Repeats * 400, $"{repeatsText} characters of log for {Repeats} repeats");
    }
}
