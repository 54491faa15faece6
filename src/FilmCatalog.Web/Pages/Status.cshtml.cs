using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages;

/// <summary>A readable page for error status codes (404, 429, ...), keeping the status code.</summary>
/// <remarks>
/// A refused POST (rate limit, bad token) is re-executed here as a POST. The handlers only describe the
/// status and change nothing, so they skip antiforgery validation: otherwise a 429 would turn into a 400.
/// </remarks>
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    // From the route, not model binding: the failed request's form may be unreadable (that may be why it failed).
    private void Describe() => (Heading, Explanation) = Convert.ToInt32(RouteData.Values["code"], System.Globalization.CultureInfo.InvariantCulture) switch
    {
        404 => ("Page not found", "There is no page at this address. The film may not be in the catalog yet."),
        400 => ("Bad request", "The request could not be understood. If you were sending a form, reload the page and try again."),
        429 => ("Too many requests", "You are doing that too often. Please wait a minute and try again."),
        _ => ("Something went wrong", "We could not show this page."),
    };
}
