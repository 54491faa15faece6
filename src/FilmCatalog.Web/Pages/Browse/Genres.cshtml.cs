using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace FilmCatalog.Web.Pages.Browse;

/// <summary>
/// <c>/genres</c>: every genre the catalog holds, A-Z, with its number of titles and its best-rated title. Read from
/// the browse lists' indexes (<see cref="TitleLists.GenreCountsAsync"/>), never from the titles; only an import changes
/// it, so it is cached as people pages are.
/// </summary>
[OutputCache(PolicyName = CatalogPageCaching.CatalogPage)]
public sealed class GenresModel(TitleLists lists) : PageModel
{
    public const string Heading = "Genres";

    public IReadOnlyList<GenreEntry> Genres { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var genres = await lists.GenreCountsAsync(cancellationToken);
        var best = await lists.ByIdAsync([.. genres.Select(g => g.BestRatedId).OfType<int>().Distinct()], cancellationToken);
        Genres = [.. genres
            .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GenreEntry(g.Genre, g.Name, g.Titles, g.BestRatedId is { } id ? best.GetValueOrDefault(id) : null))];
    }

    /// <summary>A genre as the page lists it.</summary>
    public sealed record GenreEntry(string Genre, string Name, int Titles, ListedTitle? BestRated);
}
