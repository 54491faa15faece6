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
        {
            if (NamesAHandler(page, context))
                return next(context);

            // A handler name the page has none of (or none, where all its handlers for the method are named) ran
            // the page without a handler: the account page showed "Signed in as ." and two-factor off. It names nothing.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

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

    /// <summary>Whether the request's handler name (<c>?handler=</c>, or none) is one of the page's for its method; HEAD is GET's.</summary>
    private static bool NamesAHandler(CompiledPageActionDescriptor page, HttpContext context)
    {
        var method = HttpMethods.IsHead(context.Request.Method) ? HttpMethods.Get : context.Request.Method;
        var handlers = page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)).ToList();
        if (handlers.Count == 0)
            return true; // a page without handlers for the method renders as it is
        // As Razor Pages chooses: the route's handler value, else the query's; an unnamed handler takes any name.
        var name = context.GetRouteValue("handler") as string is { Length: > 0 } routed ? routed : context.Request.Query["handler"].FirstOrDefault();
        return handlers.Any(h => h.Name is null || string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string[] Of(CompiledPageActionDescriptor page)
    {
        var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (methods.Contains(HttpMethods.Get))
            methods.Add(HttpMethods.Head);
        return [.. methods.Order(StringComparer.Ordinal)];
    }
}
