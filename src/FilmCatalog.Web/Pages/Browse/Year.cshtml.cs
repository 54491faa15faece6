using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FilmCatalog.Web.Pages.Browse;

/// <summary><c>/year/{year}</c>: the titles of one year; a year with none is a 404.</summary>
[OutputCache(PolicyName = CatalogPageCaching.ListPage)]
public sealed class YearModel(TitleLists lists) : BrowsePageModel(lists)
{
    public override IReadOnlyList<ListSort> Sorts { get; } = [ListSort.Rating, ListSort.Title, ListSort.Reviews];

    public int Year { get; private set; }

    public string Decade => $"{Year / 10 * 10}s";

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 1800 or > 2200)
            return NotFound();
        Year = year;
        Heading = $"Films of {year}";
        await LoadAsync(new ListScope(TitleListing.AllTitles, year, year), null, cancellationToken);
        return Results.Titles.Count == 0 && IsFirstPage ? NotFound() : Page();
    }
}
