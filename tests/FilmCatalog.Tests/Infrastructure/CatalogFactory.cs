using FilmCatalog.Web.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Infrastructure;

/// <summary>
/// The site on a fresh SQLite file of its own, seeded from the repository's <c>seeds/</c> at start-up
/// exactly as a first start would. Logs and data stay in a temporary folder that is deleted afterwards.
/// </summary>
public class CatalogFactory : WebApplicationFactory<Program>
{
    private readonly string _ownFolder = Directory.CreateTempSubdirectory("filmcatalog-test-").FullName;

    /// <summary>
    /// The folder of the database, keys and logs: a fresh temporary one, deleted afterwards, unless a
    /// test sets a folder of its own (two sites on one data folder), which it then cleans up itself.
    /// </summary>
    public string DataFolder
    {
        get => _chosenFolder ?? _ownFolder;
        init => _chosenFolder = value;
    }

    private readonly string? _chosenFolder;

    public string DatabasePath => Path.Combine(DataFolder, "catalog.db");

    /// <summary>"Development" by default, as WebApplicationFactory has it; "Production" for the error-page tests.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Seeds folder to import on first start; the repository's own by default.</summary>
    public string? SeedsPath { get; init; }

    /// <summary>Writes allowed per client and window. High by default so tests that post a lot are not throttled.</summary>
    public int WritesPerWindow { get; init; } = 100_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Catalog", $"Data Source={DatabasePath}");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(DataFolder, "logs", "site-.log"));
        builder.UseSetting("RateLimits:ReviewsPerWindow", WritesPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:VotesPerWindow", WritesPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ReportsPerWindow", WritesPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (SeedsPath is not null)
            builder.UseSetting("Catalog:SeedsPath", SeedsPath);
    }

    /// <summary>A fresh DbContext on the same database, for arranging and asserting outside the site.</summary>
    /// <remarks>Starts the site first, so the database exists, migrated and seeded.</remarks>
    public SqliteCatalogDbContext NewDbContext()
    {
        _ = Services;
        return new(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);
    }

    /// <summary>Runs <paramref name="action"/> in a DI scope of the running site.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_ownFolder, recursive: true);
            }
            catch (IOException)
            {
                // A log file still held open by the sink: the OS temp cleaner has it.
            }
        }
    }
}
