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

        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.Title!.Slug == slug && r.Status == ReviewStatus.Visible && r.Origin == ReviewOrigin.Site && r.AuthorVisitorId == visitor)
            .OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id)
            .Select(r => new OwnReview(r.Id, r.Headline, r.WrittenAt))
            .ToListAsync(HttpContext.RequestAborted);
        return reviews.Count == 0 ? Content("") : View(reviews);
    }

    public sealed record OwnReview(int Id, string Headline, DateTime WrittenAt);
}
