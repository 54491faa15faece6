using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Browse;

/// <summary>
/// What the browse pages share: a list of titles in one of a few orders (<c>?sort=</c>), paged by
/// keyset (<c>?after=slug</c>, <c>?before=slug</c>), shown by <c>_ListPage.cshtml</c>. An unknown sort
/// is the page's default and an unknown cursor is the first page: any query string gives a page.
/// </summary>
public abstract class BrowsePageModel(TitleLists lists) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? SortText { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    /// <summary>The orders this list offers; the first is its default.</summary>
    public abstract IReadOnlyList<ListSort> Sorts { get; }

    /// <summary>The order asked for, when this list offers it; else its default.</summary>
    public ListSort Sort => Sorts.FirstOrDefault(s => string.Equals(s.ToString(), SortText, StringComparison.OrdinalIgnoreCase), Sorts[0]);

    public ListPage Results { get; private set; } = ListPage.Empty;

    /// <summary>The heading of the list, and the name of the list for screen readers and JSON-LD.</summary>
    public string Heading { get; protected set; } = "";

    public bool IsFirstPage => After is null && Before is null;

    protected async Task LoadAsync(ListScope scope, string? from, CancellationToken cancellationToken)
    {
        Results = await lists.PageAsync(scope, Sort, After, Before, from, cancellationToken);
    }

    /// <summary>The URL value of a sort; the default sort has none.</summary>
    public string? SortValue(ListSort sort) => sort == Sorts[0] ? null : sort.ToString().ToLowerInvariant();

    public static string SortLabel(ListSort sort) => sort switch
    {
        ListSort.Rating => "Highest rated",
        ListSort.Year => "Newest",
        ListSort.Title => "A\u2013Z",
        ListSort.Reviews => "Most user reviews",
        _ => sort.ToString(),
    };

    public TitleListModel ListModel => new(Results.Titles, Heading);
}
