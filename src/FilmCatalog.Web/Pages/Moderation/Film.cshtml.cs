using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>Every review of one film that is not removed, newest first, each with the decision form.</summary>
public sealed class FilmModel(CatalogDbContext db) : PageModel
{
    public FilmName Film { get; private set; } = null!;

    public IReadOnlyList<ModeratedReview> Reviews { get; private set; } = [];

    public Paging Paging { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? p, CancellationToken cancellationToken)
    {
        var film = await db.Titles.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new { t.Id, Name = new FilmName(t.Slug, t.Name, t.Year) })
            .SingleOrDefaultAsync(cancellationToken);
        if (film is null)
            return NotFound();
        Film = film.Name;

        var number = Paging.Clamp(p);
        var ids = await db.Reviews.AsNoTracking()
            .Where(r => r.TitleId == film.Id && r.Status != ReviewStatus.Removed)
            .OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id)
            .Skip((number - 1) * Paging.Size).Take(Paging.Size + 1)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        (ids, Paging) = Paging.Of(ids, number);
        Reviews = await ModeratedReview.LoadAsync(db, ids, cancellationToken);
        return Page();
    }
}
