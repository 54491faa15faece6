using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages;

/// <summary>The home page: every title in the catalog, by name.</summary>
public sealed class IndexModel(CatalogDbContext db) : PageModel
{
    public IReadOnlyList<TitleListItem> Titles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Titles = await db.Titles
            .OrderBy(t => t.Name).ThenBy(t => t.Year)
            .Select(t => new TitleListItem(
                t.Slug,
                t.Name,
                t.Year,
                t.IsCardOnly,
                t.Facts.Where(f => f.Kind == TitleFactKind.Genre).OrderBy(f => f.Position).Select(f => f.Text).ToList()))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    public sealed record TitleListItem(string Slug, string Name, int? Year, bool IsCardOnly, List<string> Genres);
}
