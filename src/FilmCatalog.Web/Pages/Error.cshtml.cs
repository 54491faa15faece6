using System.Diagnostics;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages;

/// <summary>The generic error page: what happened, in the visitor's words, and a request id to quote; never a stack trace.</summary>
/// <remarks>
/// The exception handler re-executes a failed request here with its own method. The page only
/// describes the error and changes nothing, so it answers every method and skips antiforgery
/// validation: otherwise a fault in a POST would turn into a 400.
/// </remarks>
[AnyMethod]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class ErrorModel : PageModel
{
    public string RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    /// <summary>
    /// The failed request was sending something (a review, a vote, a report). Each write is one
    /// transaction, so it was saved whole or not at all; which one, the page cannot know.
    /// </summary>
    public bool WasSending => !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method);

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }

    /// <summary>
    /// Reached through the exception handler only: opened at its own address (a bookmark, a crawler, any method) it
    /// is an address with nothing at it, a 404, not a 200 "Something went wrong" for a request that did not fail.
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
            context.Result = NotFound();
    }
}
