using FilmCatalog.Web.Browse;
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

        // A run of the name's folded words (case, accents and scripts aside, as search and the A-Z list read
        // names), in the copy the A-Z list keeps: the same on both providers, where LOWER on SQLite folds only ASCII.
        var folded = TextFold.Fold(words);
        if (folded.Length == 0)
            return;
        Films = await db.TitleListings.AsNoTracking()
            .Where(l => l.Genre == TitleListing.AllTitles && l.Folded.Contains(folded))
            .Join(db.Titles.Where(t => !t.IsCardOnly), l => l.TitleId, t => t.Id, (l, t) => t)
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
