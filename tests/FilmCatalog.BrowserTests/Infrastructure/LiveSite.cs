using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.BrowserTests.Infrastructure;

/// <summary>
/// The test factory's site on a real Kestrel port (.NET 10's <c>UseKestrel</c>), as a visitor of the
/// running site gets it (Production), so a real browser can load it.
/// </summary>
public class LiveSite : CatalogFactory
{
    public LiveSite()
    {
        Environment = "Production";
        UseKestrel(0); // any free port
    }

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
}
