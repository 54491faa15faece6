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
    private readonly TitleLists _lists = lists;

    public override IReadOnlyList<ListSort> Sorts { get; } = [ListSort.Rating, ListSort.Year, ListSort.Title, ListSort.Reviews];

    public int FirstYear { get; private set; }

    /// <summary>The decade's years that have titles: the page links to their pages, and to no empty year's 404.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The nearest decades on either side that have titles ("1980s").</summary>
    public (string? Before, string? After) Neighbours { get; private set; }

    public async Task<IActionResult> OnGetAsync(string decade, CancellationToken cancellationToken)
    {
        if (decade.Length != 5 || decade[4] != 's' || decade[3] != '0'
            || !int.TryParse(decade.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var first) || first is < TitleListing.FirstListedYear or > TitleListing.LastListedYear)
            return NotFound();

        FirstYear = first;
        Heading = $"Titles of the {decade}";
        await LoadAsync(new ListScope(TitleListing.AllTitles, first, first + 9), null, cancellationToken);
        if (Results.Titles.Count == 0 && IsFirstPage)
            return NotFound();
        Years = await _lists.YearsAsync(first, first + 9, cancellationToken);
        var (before, after) = await _lists.NeighbourYearsAsync(first, first + 9, cancellationToken);
        Neighbours = (before is { } b ? $"{b / 10 * 10}s" : null, after is { } a ? $"{a / 10 * 10}s" : null);
        return Page();
    }
}
