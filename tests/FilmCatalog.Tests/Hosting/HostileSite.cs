using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// The site as deployed (Production, write budgets high enough for a test's worth of posts), with every
/// log event captured, for the tests that send it what no browser would.
/// </summary>
public class HostileSite : CatalogFactory
{
    public HostileSite()
    {
        Environment = "Production";
        Settings = new Dictionary<string, string>
        {
            ["RateLimits:ReviewsPerWindow"] = "1000000",
            ["RateLimits:VotesPerWindow"] = "1000000",
            ["RateLimits:ReportsPerWindow"] = "1000000",
        };
    }

    public LoggingTests.LogCapture Log { get; } = new();

    /// <summary>Events at Error or above: a fault of the site, never a visitor's mistake.</summary>
    public IReadOnlyList<LogEvent> Errors => Log.Events().Where(e => e.Level >= LogEventLevel.Error).ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}
