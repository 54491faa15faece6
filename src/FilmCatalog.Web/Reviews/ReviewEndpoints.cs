using Microsoft.AspNetCore.Antiforgery;

namespace FilmCatalog.Web.Reviews;

public static class ReviewEndpoints
{
    /// <summary>
    /// Title pages are cached and shared by every visitor, so they carry no antiforgery token.
    /// Their script asks for this visitor's token here, just before it posts a vote.
    /// </summary>
    public static void MapReviewEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/antiforgery/token", (HttpContext context, IAntiforgery antiforgery, VisitorIdentity visitors) =>
        {
            // Issued with the token, so parallel votes that follow come from one visitor, not one each.
            visitors.GetOrCreate(context);
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { token = tokens.RequestToken });
        });
}
