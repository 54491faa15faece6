using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>Every hidden review (by reports or by a moderator), most recently hidden first, to restore or remove.</summary>
public sealed class HiddenModel(CatalogDbContext db) : PageModel
{
    public IReadOnlyList<ModeratedReview> Reviews { get; private set; } = [];

    public Paging Paging { get; private set; }

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        var number = Paging.Clamp(p);
        var ids = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.PendingModeration || r.Status == ReviewStatus.Hidden)
            .Select(r => new
            {
                r.Id,
                HiddenAt = db.ModerationActions.Where(a => a.ReviewId == r.Id).Max(a => (DateTime?)a.At),
            })
            .OrderByDescending(r => r.HiddenAt).ThenByDescending(r => r.Id)
            .Skip((number - 1) * Paging.Size).Take(Paging.Size + 1)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        (ids, Paging) = Paging.Of(ids, number);
        Reviews = await ModeratedReview.LoadAsync(db, ids, cancellationToken);
    }
}
