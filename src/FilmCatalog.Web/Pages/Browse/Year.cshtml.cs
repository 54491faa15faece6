using System.Globalization;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FilmCatalog.Web.Pages.Browse;

/// <summary><c>/year/{year}</c>: the titles of one year; a year with none is a 404.</summary>
[OutputCache(PolicyName = CatalogPageCaching.ListPage)]
public sealed class YearModel(TitleLists lists) : BrowsePageModel(lists)
{
    private readonly TitleLists _lists = lists;

    public override IReadOnlyList<ListSort> Sorts { get; } = [ListSort.Rating, ListSort.Title, ListSort.Reviews];

    public int Year { get; private set; }

    public string Decade => $"{Year / 10 * 10}s";

    /// <summary>The nearest years on either side that have titles: the page links to them, never to an empty year's 404.</summary>
    public (int? Before, int? After) Neighbours { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < TitleListing.FirstListedYear or > TitleListing.LastListedYear)
            return NotFound();

        // The route takes any number ("01995", "+1995"): one address per year, for visitors and search engines.
        if (RouteData.Values["year"] is string written && written != year.ToString(CultureInfo.InvariantCulture))
            return RedirectPermanent($"{Request.PathBase}/year/{year}{Request.QueryString}");

        Year = year;
        Heading = $"Titles of {year}";
        await LoadAsync(new ListScope(TitleListing.AllTitles, year, year), null, cancellationToken);
        if (Results.Titles.Count == 0 && IsFirstPage)
            return NotFound();
        Neighbours = await _lists.NeighbourYearsAsync(year, year, cancellationToken);
        return Page();
    }
}
