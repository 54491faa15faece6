using System.Net;
using FilmCatalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Trust;

/// <summary>
/// The site for the trust tests: settings of the test's choosing, and a test-only way to be a
/// given client address. TestServer has no remote address; a request carrying
/// <see cref="ClientHeader"/> is served as coming from that address (this exists in tests only).
/// </summary>
public class TrustFactory : CatalogFactory
{
    public const string ClientHeader = "X-Test-Client";

    /// <summary>Extra configuration, e.g. <c>RateLimits:VotesPerWindow</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
    }

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient CreateClient(string address, string baseAddress = "http://localhost")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address) && IPAddress.TryParse(address, out var ip))
                    context.Connection.RemoteIpAddress = ip;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
