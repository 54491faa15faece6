using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Browse;

/// <summary><c>/genre/{genre}</c>: the titles of one genre (<c>sci-fi</c>, <c>film-noir</c>); a genre no title has is a 404.</summary>
[OutputCache(PolicyName = CatalogPageCaching.ListPage)]
public sealed class GenreModel(CatalogDbContext db, TitleLists lists) : BrowsePageModel(lists)
{
    public override IReadOnlyList<ListSort> Sorts { get; } = [ListSort.Rating, ListSort.Year, ListSort.Title, ListSort.Reviews];

    public string GenreName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string genre, CancellationToken cancellationToken)
    {
        if (!Slug.IsWellFormed(genre))
            return NotFound();
        var name = await db.TitleListings.AsNoTracking().Where(l => l.Genre == genre).Select(l => l.GenreName).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
            return NotFound();

        GenreName = name;
        Heading = $"{name} titles";
        await LoadAsync(new ListScope(genre), null, cancellationToken);
        return Page();
    }
}
