using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages;

/// <summary>The generic error page: a request id to quote, never a stack trace.</summary>
/// <remarks>
/// The exception handler re-executes a failed POST here as a POST. The handler only shows the request
/// id and changes nothing, so it skips antiforgery validation: otherwise a fault would turn into a 400.
/// </remarks>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }

    public void OnGet() => RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    public void OnPost() => OnGet();
}
