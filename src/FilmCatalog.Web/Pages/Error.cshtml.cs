using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages;

/// <summary>The generic error page: a request id to quote, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }

    public void OnGet() => RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    // The exception handler re-executes the failed request's method, so a failed POST lands here too;
    // it changes nothing, hence no antiforgery validation (the attribute on the class).
    public void OnPost() => OnGet();
}
