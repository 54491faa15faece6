using System.ComponentModel.DataAnnotations;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Reviews;

/// <summary>"Report this": a reason, one report per visitor, and a receipt.</summary>
[RateLimitedWrites(WriteKind.Report)]
[DisableRateLimiting] // The handler asks the budget itself (WriteBudget): refused, the visitor keeps the reason and note they gave.
public sealed class ReportModel(CatalogDbContext db, ReviewReporting reporting, VisitorIdentity visitors, ClientAddress addresses, WriteBudget budget) : PageModel
{
    public static readonly IReadOnlyList<(ReportReason Reason, string Label)> Reasons =
    [
        (ReportReason.SpoilerInHeadline, "The headline gives away the plot"),
        (ReportReason.Offensive, "Offensive or abusive"),
        (ReportReason.Spam, "Spam or advertising"),
        (ReportReason.OffTopic, "Not about this title"),
        (ReportReason.Other, "Something else"),
    ];

    public const int CommentMax = 500;

    /// <summary>The form's fields in page order, with the id of the element an error links to.</summary>
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields =
    [
        ("Input.Reason", "Input_Reason"),
        ("Input.Comment", "Input_Comment"),
    ];

    // Named, as every form's input is (see PasswordModel.Input): a post without the fields is told what is missing.
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    public ReviewSummary Review { get; private set; } = null!;

    /// <summary>Set after a POST: what happened to the report.</summary>
    public ReportResult? Result { get; private set; }

    /// <summary>This visitor's own report on the review, when they made one: what they are told of it on a later visit.</summary>
    public ReportReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (visitors.Find(HttpContext) is { } known && await ReportReceipt.FindAsync(db, id, known, cancellationToken) is { } receipt)
        {
            // The reporter may come back after a moderator hid or removed the review: they still learn what became of it.
            Receipt = receipt;
            Review = (await ReviewSummary.FindAnyAsync(db, id, cancellationToken))!;
            return Page();
        }

        if (await ReviewSummary.FindAsync(db, id, cancellationToken) is not { } review)
            return NotFound();
        Review = review;
        // Issued with the form: the report must come back with it to count (see VisitorIdentity).
        visitors.GetOrCreate(HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await ReviewSummary.FindAsync(db, id, cancellationToken) is not { } review)
            return NotFound();
        Review = review;
        if (visitors.Find(HttpContext) is not { } visitor)
        {
            visitors.GetOrCreate(HttpContext);
            ModelState.AddModelError("", VisitorIdentity.MissingMessage);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        if (!ModelState.IsValid)
            return Page();

        // Asked once the form is right, so a refusal says only when to send it again; mistakes spend nothing.
        if (await budget.RefusalAsync(HttpContext, cancellationToken) is { } wait)
        {
            ModelState.AddModelError("", $"Your report was not sent: you have sent too many reports for now. It is below as you wrote it: send it again {WaitWords.In(wait)}.");
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        var outcome = await reporting.ReportAsync(id, visitor, addresses.HashOf(HttpContext), Input.Reason!.Value, Input.Comment, cancellationToken);
        if (outcome.Result == ReportResult.NotFound)
            return NotFound();
        Result = outcome.Result;
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose why you are reporting this review.")]
        [EnumDataType(typeof(ReportReason), ErrorMessage = "Choose one of the reasons.")]
        [InvalidValueMessage("Choose one of the reasons.")]
        public ReportReason? Reason { get; set; }

        [TextLength(CommentMax, ErrorMessage = "Keep the note to {1} characters.")]
        [Display(Name = "Anything the moderators should know (optional)")]
        public string? Comment { get; set; }
    }
}

/// <summary>
/// One visitor's report as they are told of it later: when they sent it and, once a moderator acted
/// on the review, when and what was decided. Nothing about anyone else's reports.
/// </summary>
public sealed record ReportReceipt(DateTime ReportedAt, DateTime? ReviewedAt, ModerationKind? Decision)
{
    public static Task<ReportReceipt?> FindAsync(CatalogDbContext db, int reviewId, Guid visitor, CancellationToken cancellationToken) =>
        db.ReviewReports.AsNoTracking()
            .Where(r => r.ReviewId == reviewId && r.VisitorId == visitor)
            .Select(r => new ReportReceipt(r.ReportedAt, r.ClosedAt,
                db.ModerationActions.Where(a => a.Id == r.ClosedByActionId).Select(a => (ModerationKind?)a.Kind).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>What the reporter reads: waiting, or reviewed with the outcome.</summary>
    public string Outcome => (ReviewedAt, Decision) switch
    {
        (null, _) => "Our moderators have not looked at it yet.",
        (_, ModerationKind.Kept or ModerationKind.Restored) => $"A moderator reviewed it on {Day(ReviewedAt!.Value)} and decided it may stay on the site.",
        (_, ModerationKind.WithdrawnByAuthor) => $"Its author withdrew it on {Day(ReviewedAt!.Value)}: it is no longer on the site.",
        (_, ModerationKind.RemovedAsSpam) => $"A moderator reviewed it on {Day(ReviewedAt!.Value)} and removed it as spam.",
        _ => $"A moderator reviewed it on {Day(ReviewedAt!.Value)} and took it off the site.",
    };

    public static string Day(DateTime utc) => utc.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
