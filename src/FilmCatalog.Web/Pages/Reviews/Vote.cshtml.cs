using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Reviews;

/// <summary>
/// "Was this review helpful to you?" Title pages are shared from a cache and carry no antiforgery
/// token, so their Yes/No forms GET this page, which asks once more with a real, token-carrying POST
/// form. With JavaScript on, the title page's script posts here directly and updates in place.
/// </summary>
[RateLimitedWrites(WriteKind.Vote)]
public sealed class VoteModel(CatalogDbContext db, ReviewVoting voting, VisitorIdentity visitors, ClientAddress addresses) : PageModel
{
    public ReviewSummary Review { get; private set; } = null!;

    /// <summary>The answer the visitor picked on the title page, pre-selected here.</summary>
    public bool? Helpful { get; private set; }

    public bool IsOwnReview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? helpful, CancellationToken cancellationToken)
    {
        if (await ReviewSummary.FindAsync(db, id, cancellationToken) is not { } review)
            return NotFound();
        Review = review;
        Helpful = ParseAnswer(helpful);
        // The identity is issued with the form (which sets the antiforgery cookie anyway), so a visitor
        // who double-clicks, or votes from several tabs at once, is one visitor with one vote.
        IsOwnReview = review.AuthorVisitorId == visitors.GetOrCreate(HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? helpful, CancellationToken cancellationToken)
    {
        if (ParseAnswer(helpful) is not { } answer)
            return WantsJson() ? Refusal(StatusCodes.Status400BadRequest, "BadAnswer", AnswerMessage) : BadRequest();
        if (visitors.Find(HttpContext) is not { } visitor)
            return await RefuseWithoutIdentityAsync(id, answer, cancellationToken);

        VoteOutcome outcome;
        try
        {
            outcome = await voting.VoteAsync(id, visitor, addresses.HashOf(HttpContext), answer, cancellationToken);
        }
        catch (OperationCanceledException) when (HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The visitor left while the vote waited for its turn: nothing was written and nobody is
            // listening. Not a failure of the site, so no exception and no 500 in the log.
            return new StatusCodeResult(StatusCodes.Status499ClientClosedRequest);
        }

        if (outcome.Result == VoteResult.NotFound)
            return WantsJson() ? Refusal(StatusCodes.Status404NotFound, "NotFound", NotFoundMessage) : NotFound();

        var message = outcome.Result switch
        {
            VoteResult.OwnReview => "You cannot vote on your own review.",
            VoteResult.NotCounted => "Thank you. Your vote is not counted: this review already has as many votes from your network as we count from one.",
            VoteResult.Unchanged => "You had already given this answer; your vote stands.",
            VoteResult.Changed => "Your vote is changed. Thank you.",
            _ => "Thank you for your vote.",
        };

        if (WantsJson())
        {
            var status = outcome.Result == VoteResult.OwnReview ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
            return new JsonResult(new { result = outcome.Result.ToString(), message, helpful = outcome.Helpful, voted = outcome.Voted }) { StatusCode = status };
        }

        TempData["StatusMessage"] = message;
        TempData[Titles.DetailsModel.StatusReviewKey] = id;
        return RedirectToPage("/Titles/Details", null, new { slug = outcome.TitleSlug }, $"review-{id}");
    }

    /// <summary>Where the vote came back without the visitor's cookie: shown the form again (with an identity now), counted nothing.</summary>
    public string? Problem { get; private set; }

    private async Task<IActionResult> RefuseWithoutIdentityAsync(int id, bool answer, CancellationToken cancellationToken)
    {
        if (WantsJson())
            return new JsonResult(new { result = "NoIdentity", message = VisitorIdentity.MissingMessage }) { StatusCode = StatusCodes.Status400BadRequest };
        if (await ReviewSummary.FindAsync(db, id, cancellationToken) is not { } review)
            return NotFound();
        Review = review;
        Helpful = answer;
        IsOwnReview = review.AuthorVisitorId == visitors.GetOrCreate(HttpContext);
        Problem = VisitorIdentity.MissingMessage;
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public const string AnswerMessage = "Your vote was not counted: answer Yes or No.";

    public const string NotFoundMessage = "Your vote was not counted: this review is no longer shown. It may have been hidden or removed.";

    /// <summary>
    /// A refusal the script shows beside the buttons, in the shape of every other script answer: without it the
    /// script got an HTML page it could not read and fell back to the confirmation page, with no word of why.
    /// </summary>
    private static JsonResult Refusal(int status, string result, string message) => new(new { result, message }) { StatusCode = status };

    internal static bool WantsJson(HttpRequest request) => request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private bool WantsJson() => WantsJson(Request);

    private static bool? ParseAnswer(string? value) => value?.ToLowerInvariant() switch
    {
        "yes" or "true" => true,
        "no" or "false" => false,
        _ => null,
    };
}
