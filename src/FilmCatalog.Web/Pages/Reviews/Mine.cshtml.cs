using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Reviews;

/// <summary>
/// "Your reviews": every review this browser posted (its visitor cookie), newest first, each with its film and a
/// link to edit it while it is on the site. The visitor's own, so never cached; sought by the (author, title) index.
/// </summary>
public sealed class MineModel(CatalogDbContext db, VisitorIdentity visitors) : PageModel
{
    /// <summary>More than a browser posts in years at the write budget; the page says when the list stops there.</summary>
    public const int MostShown = 500;

    public IReadOnlyList<MyReview> Reviews { get; private set; } = [];

    public bool IsCapped { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (visitors.Find(HttpContext) is not { } visitor)
            return;

        // Withdrawn and removed reviews are gone from the site: the list is of what the visitor can still see or change.
        var written = await db.Reviews.AsNoTracking()
            .Where(r => r.AuthorVisitorId == visitor && r.Status != ReviewStatus.Withdrawn && r.Status != ReviewStatus.Removed)
            .OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id)
            .Take(MostShown + 1)
            .Select(r => new MyReview(r.Id, r.Headline, r.Rating, r.WrittenAt, r.Status, new NewModel.TitleHeading(r.Title!.Slug, r.Title.Name, r.Title.Year)))
            .ToListAsync(cancellationToken);
        IsCapped = written.Count > MostShown;
        Reviews = [.. written.Take(MostShown)];
    }

    public sealed record MyReview(int Id, string Headline, int? Rating, DateTime WrittenAt, ReviewStatus Status, NewModel.TitleHeading Film)
    {
        /// <summary>Why a review is off the title page for now, or null while it is on it.</summary>
        public string? Hidden => Status switch
        {
            ReviewStatus.PendingModeration => "Hidden while a moderator looks at reports about it",
            ReviewStatus.Hidden => "Hidden by a moderator",
            _ => null,
        };
    }
}
