namespace FilmCatalog.Web.Hosting;

/// <summary>
/// Defence in depth behind antiforgery (ASVS V3.5.3, OWASP's "verifying origin with standard
/// headers"): a request that writes (any method but GET, HEAD, OPTIONS and TRACE) and names another
/// origin in <c>Origin</c>, or, without <c>Origin</c>, in <c>Referer</c>, is refused with 403 before
/// it reaches a page. A request with neither header is left to the antiforgery token, because some
/// browsers and privacy tools strip both.
/// </summary>
public static class SameOriginWrites
{
    public static IApplicationBuilder UseSameOriginWrites(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (context.GetEndpoint()?.Metadata.GetMetadata<AnyMethodAttribute>() is not null // the status page, explaining this very refusal
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return next(context);

        var named = request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin
            : request.Headers.Referer.ToString() is { Length: > 0 } referer ? OriginOf(referer)
            : null;
        if (named is null || string.Equals(named, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
            return next(context);

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    });

    /// <summary>"scheme://host[:port]" of a Referer; a value that is not an absolute http(s) URL names no origin of ours.</summary>
    private static string OriginOf(string referer) =>
        Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : "invalid:";
}
