using System.Globalization;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages;

/// <summary>A readable page for error status codes (404, 405, 429, ...), keeping the status code.</summary>
/// <remarks>
/// A refused request is re-executed here with its own method, whatever it was (a rate-limited POST,
/// a PUT answered 405). The page describes the status and changes nothing, so it answers every method
/// and skips antiforgery validation: otherwise a 429 would turn into a 400. What it says comes from
/// the route and the response, never from model binding: the failed request's form may be unreadable
/// (that may be why it failed).
/// </remarks>
[AnyMethod]
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class StatusModel : PageModel
{
    public int Code => Convert.ToInt32(RouteData.Values["code"], CultureInfo.InvariantCulture);

    public string Heading => Describe().Heading;

    public string Explanation => Describe().Explanation;

    public IActionResult OnGet() => Answer();

    public IActionResult OnPost() => Answer();

    /// <summary>
    /// Re-executed, the page keeps the failed request's status. Opened at its own address (a bookmark, a
    /// crawler), it answers with the refusal it describes, never 200; for a code that is no refusal, 404.
    /// A server error is never claimed for a request that did not fail.
    /// </summary>
    private IActionResult Answer()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return Page();
        if (Code is < 400 or > 499)
            return NotFound();
        Response.StatusCode = Code;
        return Page();
    }

    private (string Heading, string Explanation) Describe() => Code switch
    {
        404 => ("Page not found", "There is no page at this address. It may be mistyped, or what it names may not be in the catalog."),
        401 => ("Sign-in needed", "This is for the site's moderators. Sign in at /moderation/signin, then send it again."),
        400 => ("Bad request", "The request could not be understood. If you were sending a form, reload the page and try again."),
        403 => ("Refused", WasSending
            ? "This was sent from another site, so it was not accepted. If you sent it from this site, reload the page and send it again."
            : "You may not open this page."),
        405 => ("Method not allowed", Response.Headers.Allow.Count > 0
            ? $"This address does not take that kind of request. It takes {Response.Headers.Allow}."
            : "This address does not take that kind of request."),
        429 => ("Too many requests", $"You are doing that too often, so it was not done. You can do it again {RetryAfter.In()}."),
        503 => ("The catalog is busy", WasSending
            ? $"What you sent was not saved: the catalog is being updated and could not take it in time. Nothing was changed; please send it again {RetryAfter.In()}."
            : $"The catalog is being updated and could not answer in time. Please try again {RetryAfter.In()}."),
        _ => ("Something went wrong", "We could not show this page."),
    };

    private bool WasSending => !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method);

    private TimeSpan? RetryAfter => int.TryParse(Response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        ? TimeSpan.FromSeconds(seconds) : null;
}

internal static class WaitWords
{
    /// <summary>"in 10 minutes", "in 30 seconds", "in a moment": what Retry-After says, in words.</summary>
    public static string In(this TimeSpan? wait) => wait switch
    {
        null => "in a moment",
        { TotalSeconds: <= 1 } => "in a second",
        { TotalSeconds: < 90 } w => $"in {Math.Ceiling(w.TotalSeconds):0} seconds",
        { TotalMinutes: < 90 } w => $"in {Math.Ceiling(w.TotalMinutes):0} minutes",
        { } w => $"in {Math.Ceiling(w.TotalHours):0} hours",
    };
}
