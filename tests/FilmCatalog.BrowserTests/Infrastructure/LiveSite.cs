using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.BrowserTests.Infrastructure;

/// <summary>
/// The site on a real Kestrel port (.NET 10's <c>UseKestrel</c>), on a fresh SQLite file seeded from
/// the repository's <c>seeds/</c> on first start, so a real browser can load it.
/// </summary>
public sealed class LiveSite : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-browser-").FullName;

    public LiveSite() => UseKestrel(0); // any free port

    /// <summary>The root of the running site, e.g. <c>http://127.0.0.1:41234/</c>; starts it on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no address");
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }

    public Uri Url(string path) => new(BaseAddress, path);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production"); // what a visitor of the running site gets
        builder.UseSetting("ConnectionStrings:Catalog", $"Data Source={Path.Combine(_dataFolder, "catalog.db")}");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_dataFolder, "logs", "site-.log"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open by the sink: the OS temp cleaner has it.
        }
    }
}
