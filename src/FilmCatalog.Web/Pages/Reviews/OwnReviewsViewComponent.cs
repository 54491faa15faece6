using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Reviews;

/// <summary>
/// "You reviewed this film on ...": the visitor's own visible reviews of one film, each with a link to edit it.
/// Per visitor (their cookie), so it belongs only on pages that are never cached: the review form is one.
/// </summary>
public sealed class OwnReviewsViewComponent(CatalogDbContext db, VisitorIdentity visitors) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug)
    {
        if (visitors.Find(HttpContext) is not { } visitor)
            return Content("");

        var written = await Written(db, slug, visitor).ToListAsync(HttpContext.RequestAborted);
        var reviews = written.Where(r => r.Status == ReviewStatus.Visible)
            .OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id)
            .Select(r => new OwnReview(r.Id, r.Headline, r.WrittenAt))
            .ToList();
        return reviews.Count == 0 ? Content("") : View(reviews);
    }

    public sealed record OwnReview(int Id, string Headline, DateTime WrittenAt);

    /// <summary>A review the visitor wrote of the film, whatever its status.</summary>
    public sealed record WrittenReview(int Id, string Headline, DateTime WrittenAt, ReviewStatus Status);

    /// <summary>
    /// The author and the film alone, unsorted, so that SQLite seeks the (author, title) index: with the status, the
    /// origin and the order by date in the statement, it chose the (origin, status, date) index, which gives that
    /// order, and read every visible review posted here. Only reviews posted here have an author, and a visitor's
    /// reviews of one film are few: the status and the order are applied in memory.
    /// </summary>
    internal static IQueryable<WrittenReview> Written(CatalogDbContext db, string slug, Guid visitor) => db.Reviews.AsNoTracking()
        .Where(r => r.Title!.Slug == slug && r.AuthorVisitorId == visitor)
        .Select(r => new WrittenReview(r.Id, r.Headline, r.WrittenAt, r.Status));
}
