using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Reviews;

/// <summary>
/// A visitor's own review, corrected or withdrawn: the review form filled with what they posted, validated as
/// when posting (<see cref="NewModel.Check"/>), and Post/Redirect/Get back to the review. Only the author's
/// browser (the visitor id of its signed cookie is the one stored on the review) may, and only while the review
/// is visible; anyone else is told why not, and a review they cannot see is not there for them.
/// </summary>
[RateLimitedWrites(WriteKind.Review)]
[DisableRateLimiting] // The handlers ask the budget themselves (WriteBudget), as posting does: refused, the visitor keeps their edit.
public sealed class EditModel(CatalogDbContext db, ReviewEditing editing, VisitorIdentity visitors, WriteBudget budget) : PageModel
{
    /// <summary>The edit form's fields, then the withdraw form's confirmation: the error summary links each message to its field.</summary>
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields =
        [.. NewModel.Fields, (nameof(ConfirmWithdraw), nameof(ConfirmWithdraw))];

    // Named, as every form's input is (see PasswordModel.Input): a post without the fields is told what is missing.
    [BindProperty(Name = "Input")]
    public NewModel.InputModel Input { get; set; } = new();

    /// <summary>The withdraw form's checkbox, so one stray click does not take a review away.</summary>
    [BindProperty]
    public bool ConfirmWithdraw { get; set; }

    public int ReviewId { get; private set; }

    public NewModel.TitleHeading Film { get; private set; } = null!;

    /// <summary>Why this visitor may not edit the review; the page says so instead of showing the form.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } review)
            return Refused();
        FillForm(review);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
            return Refused();

        NewModel.Check(this, Input);
        if (!ModelState.IsValid)
            return Page();

        if (await budget.RefusalAsync(HttpContext, cancellationToken) is { } wait)
        {
            ModelState.AddModelError("", $"Your review was not updated: you have written too many reviews for now. Your changes are below: save them again {WaitWords.In(wait)}.");
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        var edit = new NewReview(Input.Headline, Input.Rating!.Value, Input.Body, Input.DisplayName, Input.ContainsSpoilers);
        // Checked again inside the write turn: a moderator may have hidden it since.
        if (await editing.EditAsync(id, visitors.Find(HttpContext)!.Value, edit, cancellationToken) is not { } slug)
            return await RefusedNowAsync(id, cancellationToken);

        TempData["StatusMessage"] = "Your review is updated.";
        TempData[Titles.DetailsModel.StatusReviewKey] = id;
        TempData[Titles.DetailsModel.StatusEditableKey] = true;
        return RedirectToPage("/Titles/Details", null, new { slug }, $"review-{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } review)
            return Refused();

        // The withdraw form sends none of the edit form's fields, whose bound input reports them missing: not this form's errors.
        ModelState.Clear();
        if (!ConfirmWithdraw)
        {
            // The edit form shows the review as it is stored: nothing of it was posted with this form.
            ModelState.AddModelError(nameof(ConfirmWithdraw), "Tick the box to confirm that you want to withdraw your review.");
            FillForm(review);
            return Page();
        }

        if (await budget.RefusalAsync(HttpContext, cancellationToken) is { } wait)
        {
            ModelState.AddModelError("", $"Your review was not withdrawn: you have written too many reviews for now. Withdraw it again {WaitWords.In(wait)}.");
            FillForm(review);
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        if (await editing.WithdrawAsync(id, visitors.Find(HttpContext)!.Value, cancellationToken) is not { } slug)
            return await RefusedNowAsync(id, cancellationToken);

        TempData["StatusMessage"] = $"Your review \u201c{review.Headline}\u201d is withdrawn: it is no longer on the site.";
        return RedirectToPage("/Titles/Details", new { slug });
    }

    /// <summary>
    /// The review when this visitor may edit it. Otherwise null, with <see cref="Refusal"/> saying why and the
    /// status to answer with: 404 when there is no such review or it is one the visitor cannot see (someone
    /// else's hidden review is not there for them), 403 when it is there but not theirs to change.
    /// </summary>
    private async Task<StoredReview?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new StoredReview(r.Origin, r.Status, r.AuthorVisitorId, r.Headline, r.Rating, r.Body, r.AuthorName, r.ContainsSpoilers,
                new NewModel.TitleHeading(r.Title!.Slug, r.Title.Name, r.Title.Year)))
            .SingleOrDefaultAsync(cancellationToken);
        var visitor = visitors.Find(HttpContext);
        var own = review is { Origin: ReviewOrigin.Site } && visitor is { } known && review.AuthorVisitorId == known;
        if (review is null || (!own && review.Status != ReviewStatus.Visible))
        {
            (_status, Refusal) = (StatusCodes.Status404NotFound, null);
            return null;
        }

        ReviewId = id;
        Film = review.Film;
        (_status, Refusal) = (own, review) switch
        {
            (false, { Origin: ReviewOrigin.Imported }) => (StatusCodes.Status403Forbidden,
                "This review comes from the original site, so it cannot be changed here."),
            (false, _) when visitor is null => (StatusCodes.Status403Forbidden,
                "Only the visitor who posted a review can edit or withdraw it, from the browser they posted it with. " +
                "This browser did not send the cookie this site recognises its visitors by; if you posted the review from it, allow cookies for this site."),
            (false, _) => (StatusCodes.Status403Forbidden,
                "Only the visitor who posted a review can edit or withdraw it, from the browser they posted it with."),
            (_, { Status: ReviewStatus.PendingModeration }) => (StatusCodes.Status403Forbidden,
                "Visitors reported your review, so it is hidden until a moderator has looked at it. It cannot be changed meanwhile."),
            (_, { Status: ReviewStatus.Hidden }) => (StatusCodes.Status403Forbidden,
                "A moderator hid your review, so it can no longer be changed."),
            (_, { Status: ReviewStatus.Removed }) => (StatusCodes.Status404NotFound,
                "A moderator removed your review, so it is no longer on the site."),
            (_, { Status: ReviewStatus.Withdrawn }) => (StatusCodes.Status404NotFound,
                "You withdrew this review, so it is no longer on the site."),
            _ => (StatusCodes.Status200OK, null),
        };
        return Refusal is null ? review : null;
    }

    private int _status = StatusCodes.Status200OK;

    private void FillForm(StoredReview review) => Input = new NewModel.InputModel
    {
        Headline = review.Headline,
        Rating = review.Rating,
        Body = review.Body,
        DisplayName = review.AuthorName,
        ContainsSpoilers = review.ContainsSpoilers,
    };

    /// <summary>The page that says why, with its status; a plain 404 when the review is not there for this visitor.</summary>
    private IActionResult Refused() =>
        Refusal is null ? NotFound() : new PageResult { StatusCode = _status };

    /// <summary>The write found the review no longer editable (hidden or withdrawn meanwhile): why, as it stands now.</summary>
    private async Task<IActionResult> RefusedNowAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await LoadAsync(id, cancellationToken) is null ? Refused() : Page();
    }

    private sealed record StoredReview(
        ReviewOrigin Origin, ReviewStatus Status, Guid? AuthorVisitorId, string Headline, int? Rating, string Body, string? AuthorName,
        bool ContainsSpoilers, NewModel.TitleHeading Film);
}
