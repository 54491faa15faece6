using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>Finds a film by title, to moderate reviews nobody reported (spam is often never reported).</summary>
public sealed class TitlesModel(CatalogDbContext db) : PageModel
{
    public const int QueryMax = 200;
    private const int Shown = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<FoundFilm> Films { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var words = (Query ?? "").Trim();
        if (words.Length == 0)
            return;
        if (words.Length > QueryMax)
            words = words[..QueryMax];

        // A substring of the name, any case: LOWER and a contains are the same SQL function on both providers.
        var folded = words.ToLowerInvariant();
        Films = await db.Titles.AsNoTracking()
            .Where(t => !t.IsCardOnly && t.Name.ToLower().Contains(folded))
            .OrderByDescending(t => t.ReviewCount).ThenBy(t => t.Name).ThenBy(t => t.Id)
            .Take(Shown)
            .Select(t => new FoundFilm(
                new FilmName(t.Slug, t.Name, t.Year),
                t.ReviewCount,
                t.Reviews.Count(r => r.Status == ReviewStatus.PendingModeration || r.Status == ReviewStatus.Hidden),
                t.Reviews.Where(r => r.Status != ReviewStatus.Removed).Sum(r => r.ReportCount)))
            .ToListAsync(cancellationToken);
    }

    public sealed record FoundFilm(FilmName Film, int Visible, int Hidden, int OpenReports);
}
