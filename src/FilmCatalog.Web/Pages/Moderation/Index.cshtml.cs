using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>The queue: reviews with open reports, most reported first, whether reports hid them or not.</summary>
public sealed class IndexModel(CatalogDbContext db) : PageModel
{
    public IReadOnlyList<ModeratedReview> Reviews { get; private set; } = [];

    public Paging Paging { get; private set; }

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        var number = Paging.Clamp(p);
        var ids = await db.Reviews.AsNoTracking()
            .Where(r => r.ReportCount > 0 && r.Status != ReviewStatus.Removed)
            .OrderByDescending(r => r.ReportCount).ThenBy(r => r.Id)
            .Skip((number - 1) * Paging.Size).Take(Paging.Size + 1)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        (ids, Paging) = Paging.Of(ids, number);
        Reviews = await ModeratedReview.LoadAsync(db, ids, cancellationToken);
    }
}
