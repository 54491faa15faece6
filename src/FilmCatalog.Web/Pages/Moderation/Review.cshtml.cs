using System.Security.Claims;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>
/// One review's moderation page: the review as visitors see it, every report it has had (open and
/// closed, never who sent them), its moderation history (who, when, what, why), and the decision
/// form. Every decision form on the other moderation pages posts here too.
/// </summary>
[RateLimitedWrites(WriteKind.Moderation)]
public sealed class ReviewModel(CatalogDbContext db, ReviewModeration moderation, ILogger<ReviewModel> logger) : PageModel
{
    public ModeratedReview Review { get; private set; } = null!;

    public IReadOnlyList<ReportLine> Reports { get; private set; } = [];

    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    // Named, as every form's input is (see PasswordModel.Input): a post without the fields is told what is missing.
    [BindProperty(Name = "Decision")]
    public DecisionInput Decision { get; set; } = new();

    /// <summary>The moderation page to go back to after the decision; only pages under /moderation are taken.</summary>
    [BindProperty]
    public string? ReturnTo { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();

        var moderator = new Moderator(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.Identity!.Name!);
        var outcome = await moderation.DecideAsync(id, Decision.Kind!.Value, moderator, Decision.Note!, cancellationToken);
        if (outcome.Result == ModerationResult.NotFound)
            return NotFound();

        logger.LogInformation("Moderator {ModeratorId} decided {Decision} on review {ReviewId}: {Result}", moderator.Id, Decision.Kind, id, outcome.Result);
        TempData["StatusMessage"] = outcome.Result == ModerationResult.Unchanged
            ? "Nothing changed: the review was already where that decision puts it."
            : $"{ModerationText.Action(outcome.Kind!.Value)}: \u201c{outcome.Headline}\u201d (recorded in its moderation history)";
        return LocalRedirect(Url.ModerationUrlOrNull(ReturnTo) ?? Url.Page("/Moderation/Review", new { id })!);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if ((await ModeratedReview.LoadAsync(db, [id], cancellationToken)).SingleOrDefault() is not { } review)
            return false;
        Review = review;
        Reports = await db.ReviewReports.AsNoTracking().Where(r => r.ReviewId == id)
            .OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
            .Select(r => new ReportLine(r.Reason, r.Comment, r.ReportedAt, r.ClosedAt))
            .ToListAsync(cancellationToken);
        History = await db.ModerationActions.AsNoTracking().Where(a => a.ReviewId == id)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new HistoryLine(a.Kind, a.ModeratorEmail, a.Note, a.ReportsClosed, a.At))
            .ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>One action in a review's history: <see cref="By"/> is null for the site's own and the author's.</summary>
    public sealed record HistoryLine(ModerationKind Kind, string? By, string Note, int ReportsClosed, DateTime At)
    {
        public string ByText => By ?? Kind switch
        {
            ModerationKind.HiddenByReports => "the site",
            ModerationKind.WithdrawnByAuthor => "its author",
            _ => "a removed moderator",
        };
    }
}
