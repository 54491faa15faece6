using System.Net;
using FilmCatalog.Web.Pages.Shared;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// Running behind a reverse proxy (nginx, a load balancer). The proxies whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed are named in settings, so rate
/// limits and logs see the visitor's address and cookies are marked Secure when the visitor came by
/// HTTPS; a request from anywhere else keeps its own address, whatever headers it carries. Canonical
/// URLs come from <c>Site:PublicBaseUrl</c> when it is set, never from a Host header a visitor chose.
/// </summary>
/// <remarks>
/// Settings: <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges), each a comma-separated list; <c>ForwardedHeaders:ForwardLimit</c> (proxies in a
/// chain, 1 by default). With neither list set, no forwarded header is believed.
/// </remarks>
public static class ReverseProxy
{
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        var proxies = List(section["KnownProxies"]).Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new SiteConfigurationException($"ForwardedHeaders:KnownProxies: \"{p}\" is not an IP address")).ToList();
        var networks = List(section["KnownNetworks"]).Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new SiteConfigurationException($"ForwardedHeaders:KnownNetworks: \"{n}\" is not a network such as 10.0.0.0/8")).ToList();

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);

            // Only the proxies named here, not the framework's default of loopback.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
        });
        builder.Services.AddSingleton(new PublicUrls(builder.Configuration["Site:PublicBaseUrl"]));
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the visitor's address and scheme.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
            app.UseForwardedHeaders();
        return app;
    }

    private static string[] List(string? value) =>
        value?.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>Absolute URLs of the site's pages, for canonical links, Open Graph and JSON-LD.</summary>
public sealed class PublicUrls
{
    private readonly string? _origin;

    /// <param name="publicBaseUrl">
    /// <c>Site:PublicBaseUrl</c>, the scheme and host visitors use, such as <c>https://films.example.org</c>;
    /// null to take the request's own. (A site served under a path sets it with ASPNETCORE_PATHBASE.)
    /// </param>
    public PublicUrls(string? publicBaseUrl)
    {
        if (string.IsNullOrWhiteSpace(publicBaseUrl))
            return;
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new SiteConfigurationException($"Site:PublicBaseUrl is \"{publicBaseUrl}\"; it must be the scheme and host visitors use, such as https://films.example.org");
        _origin = uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The absolute address of <paramref name="path"/> (as the site's links give it: from '/', path base included).</summary>
    public string Absolute(HttpRequest request, string path) =>
        (_origin ?? $"{request.Scheme}://{request.Host.ToUriComponent()}") + path;
}

/// <summary>Absolute page links for canonical links and structured data, through <see cref="PublicUrls"/>.</summary>
public static class PublicPageLinks
{
    /// <summary>
    /// As <c>Url.PageLink</c>, but on <c>Site:PublicBaseUrl</c> when it is set: the address a visitor and a
    /// search engine should keep, whatever Host header or internal address the request came by.
    /// </summary>
    public static string PublicPageLink(this IUrlHelper url, string? pageName, object? values = null)
    {
        var context = url.ActionContext.HttpContext;
        return context.RequestServices.GetRequiredService<PublicUrls>().Absolute(context.Request, url.Page(pageName, values)!);
    }

    /// <summary>
    /// The public address of <paramref name="slug"/>'s title page, written out (<see cref="SitePaths"/>): a list's
    /// structured data names fifty, and routing them was 6% of a genre page's CPU (<c>perf</c>).
    /// </summary>
    public static string PublicTitleLink(this IUrlHelper url, string slug)
    {
        var context = url.ActionContext.HttpContext;
        return context.RequestServices.GetRequiredService<PublicUrls>().Absolute(context.Request, SitePaths.Title(context.Request, slug));
    }
}
