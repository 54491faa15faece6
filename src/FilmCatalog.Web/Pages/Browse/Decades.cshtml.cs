using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace FilmCatalog.Web.Pages.Browse;

/// <summary>
/// <c>/decades</c>: every decade that has titles, newest first, with its number of titles and its years that have
/// titles, each with theirs. Read from the list of every title's year index (<see cref="TitleLists.YearCountsAsync"/>),
/// never from the titles; only an import changes it, so it is cached as people pages are.
/// </summary>
[OutputCache(PolicyName = CatalogPageCaching.CatalogPage)]
public sealed class DecadesModel(TitleLists lists) : PageModel
{
    public const string Heading = "Decades";

    public IReadOnlyList<DecadeEntry> Decades { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var years = await lists.YearCountsAsync(TitleListing.FirstListedYear, TitleListing.LastListedYear, cancellationToken);
        Decades = [.. years
            .GroupBy(y => y.Year / 10 * 10)
            .OrderByDescending(d => d.Key)
            .Select(d => new DecadeEntry($"{d.Key}s", d.Sum(y => y.Titles), [.. d.OrderBy(y => y.Year)]))];
    }

    /// <summary>A decade as the page lists it ("1990s"), with its years that have titles, oldest first.</summary>
    public sealed record DecadeEntry(string Decade, int Titles, IReadOnlyList<TitleLists.YearCount> Years);
}
