using System.Globalization;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FilmCatalog.Web.Pages.Browse;

/// <summary><c>/decade/{1990s}</c>: the titles of ten years; a decade with none is a 404, and so is anything not spelled like one.</summary>
[OutputCache(PolicyName = CatalogPageCaching.ListPage)]
public sealed class DecadeModel(TitleLists lists) : BrowsePageModel(lists)
{
    public override IReadOnlyList<ListSort> Sorts { get; } = [ListSort.Rating, ListSort.Year, ListSort.Title, ListSort.Reviews];

    public int FirstYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(string decade, CancellationToken cancellationToken)
    {
        if (decade.Length != 5 || decade[4] != 's' || decade[3] != '0'
            || !int.TryParse(decade.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first) || first is < 1800 or > 2200)
            return NotFound();

        FirstYear = first;
        Heading = $"Films of the {decade}";
        await LoadAsync(new ListScope(TitleListing.AllTitles, first, first + 9), null, cancellationToken);
        return Results.Titles.Count == 0 && IsFirstPage ? NotFound() : Page();
    }
}
