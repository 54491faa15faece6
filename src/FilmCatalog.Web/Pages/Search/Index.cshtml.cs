using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Pages.Shared;
using FilmCatalog.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Search;

/// <summary>
/// <c>/search?q=...</c>: titles and people for what the visitor typed, grouped, each title with why
/// it matched. Any text is a valid query: it is folded into words (<see cref="SearchQuery"/>), so
/// nothing typed reaches the database as syntax, and an empty or unreadable query gets the empty
/// page with tips, never an error.
/// </summary>
public sealed class IndexModel(CatalogSearch search, TitleLists lists) : PageModel
{
    public const int TitlesPerPage = 20;
    public const int PeopleShown = 8;
    public const int PeoplePerPage = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    /// <summary>Which results: both groups (the default), or more of one.</summary>
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public SearchQuery Query { get; private set; } = SearchQuery.Parse("");

    public int PageNumber { get; private set; } = 1;

    public bool PeopleOnly => Type == "people";

    public bool TitlesOnly => Type == "titles";

    public TitleResults Titles { get; private set; } = TitleResults.None;

    public PersonResults People { get; private set; } = PersonResults.None;

    public IReadOnlyList<ListedTitle> TitleList { get; private set; } = [];

    /// <summary>A query that is a year alone ("1977") and a year the catalog lists: the page points to that year's list.</summary>
    public int? YearToBrowse { get; private set; }

    public int FirstNumber => (PageNumber - 1) * (PeopleOnly ? PeoplePerPage : TitlesPerPage) + 1;

    public bool HasNextPage => PeopleOnly ? People.Total > PageNumber * PeoplePerPage : Titles.Total > PageNumber * TitlesPerPage;

    /// <summary>Pages stop where the ranked candidates do (a group's total counts at most that many).</summary>
    private const int MaxPage = CatalogSearch.Candidates / TitlesPerPage;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = SearchQuery.Parse(Q);
        // Only one group pages; both groups together are its first page, whatever p says.
        PageNumber = (PeopleOnly || TitlesOnly) && int.TryParse(PageText, out var page) ? Math.Clamp(page, 1, MaxPage) : 1;
        if (Query.IsEmpty)
            return;

        // Names hold few years, so a year typed alone mostly finds nothing: its list is what the visitor is after.
        if (Query.OnlyYear is { } year && (await lists.YearsAsync(year, year, cancellationToken)).Count > 0)
            YearToBrowse = year;

        await using var connection = await search.HoldConnectionAsync(cancellationToken);
        if (!PeopleOnly)
        {
            var skip = TitlesOnly ? (PageNumber - 1) * TitlesPerPage : 0;
            Titles = await search.TitlesAsync(Query, skip, TitlesPerPage, CatalogSearch.Candidates, cancellationToken);
            TitleList = [.. Titles.Hits.Select(h => new ListedTitle(h.Slug, h.Name, h.Year, h.IsCardOnly, h.Rating, h.RatingVotes, h.ReviewCount, h.Genres, Why(h))
            {
                Kind = h.Kind,
                EndYear = h.EndYear,
                IsOpenRun = h.IsOpenRun,
            })];
        }

        if (!TitlesOnly)
        {
            People = PeopleOnly
                ? await search.PeopleAsync(Query, (PageNumber - 1) * PeoplePerPage, PeoplePerPage, CatalogSearch.Candidates, cancellationToken)
                : await search.PeopleAsync(Query, 0, PeopleShown, CatalogSearch.Candidates, cancellationToken);
        }
    }

    /// <summary>The line under a title saying why it is there, when its own name is not the reason.</summary>
    private static string? Why(TitleHit hit) => hit.AlsoKnownAs is { } aka
        ? $"Also known as {aka}" + (hit.AlsoKnownAsWhere is { Length: > 0 } where ? $" ({where})" : "")
        : null;
}
