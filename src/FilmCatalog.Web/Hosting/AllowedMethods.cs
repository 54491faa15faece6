using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Hosting;

/// <summary>Marks a page that answers any method: the error and status pages, which re-execute failed requests of every kind.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnyMethodAttribute : Attribute;

/// <summary>
/// A page takes the methods it has handlers for (GET also answers HEAD); any other method is answered
/// 405 with <c>Allow</c> before antiforgery or the page runs, and the status page explains it. Without
/// this, a PUT or DELETE reached a page with no handler for it, which rendered without its model: a 500.
/// Minimal API and static-file endpoints get the same answer from routing, which knows their methods.
/// </summary>
public static class AllowedMethods
{
    private static readonly ConcurrentDictionary<CompiledPageActionDescriptor, string[]> PageMethods = new();

    public static IApplicationBuilder UseAllowedMethods(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page
            || endpoint.Metadata.GetMetadata<AnyMethodAttribute>() is not null)
            return next(context);

        var allowed = PageMethods.GetOrAdd(page, static p => Of(p));
        var method = context.Request.Method;
        if (allowed.Any(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase)))
            return next(context);

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return Task.CompletedTask;
    });

    /// <summary>
    /// Maps an endpoint that reads, for GET and HEAD: HTTP asks every server that answers GET to answer HEAD
    /// (the headers alone, Kestrel drops the body), and <c>MapGet</c> maps GET only, so HEAD got 405.
    /// </summary>
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler) =>
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    private static string[] Of(CompiledPageActionDescriptor page)
    {
        var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (methods.Contains(HttpMethods.Get))
            methods.Add(HttpMethods.Head);
        return [.. methods.Order(StringComparer.Ordinal)];
    }
}
