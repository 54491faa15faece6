using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace FilmCatalog.Web.Pages.Browse;

/// <summary>
/// <c>/titles</c>: every title from A to Z (by the folded name: "Éclair" under E), fifty a page, with
/// letters to jump to (<c>?letter=b</c>; <c>0-9</c> for names that start with a digit). A name in
/// another script is under the letter of its Latin spelling (<see cref="Catalog.TextFold"/>: "Москва"
/// under M), as search finds it; the rare name with no letter or digit at all comes first, with 0-9.
/// The same list in the other orders the genre pages offer is the catalog's chart: highest rated,
/// newest, most reviewed here (letters belong to the A-Z order only).
/// </summary>
[OutputCache(PolicyName = CatalogPageCaching.ListPage)]
public sealed class TitlesModel(TitleLists lists) : BrowsePageModel(lists)
{
    public static readonly IReadOnlyList<(string Value, string Label)> Letters =
    [
        ("0-9", "0\u20139"), .. Enumerable.Range('a', 26).Select(c => (((char)c).ToString(), ((char)char.ToUpperInvariant((char)c)).ToString())),
    ];

    public override IReadOnlyList<ListSort> Sorts { get; } = [ListSort.Title, ListSort.Rating, ListSort.Year, ListSort.Reviews];

    [BindProperty(SupportsGet = true, Name = "letter")]
    public string? Letter { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Heading = Sort switch
        {
            ListSort.Rating => "All titles, highest rated",
            ListSort.Year => "All titles, newest first",
            ListSort.Reviews => "All titles, most reviewed here",
            _ => "All titles, A to Z",
        };
        var from = Sort != ListSort.Title ? null : Letter switch
        {
            "0-9" => "",
            { Length: 1 } letter when letter[0] is >= 'a' and <= 'z' => letter,
            _ => null,
        };
        if (from is null)
            Letter = null;
        await LoadAsync(new ListScope(TitleListing.AllTitles), from, cancellationToken);

        // A letter jumps into the list: with no title under it, the page begins at the next one, and says so.
        if (from is { Length: 1 } && IsFirstPage && Results.Titles is [var first, ..] && !TextFold.Fold(first.Name).StartsWith(from, StringComparison.Ordinal))
            LetterNote = $"No title begins with {from.ToUpperInvariant()}: the list goes on from the next letter that has one.";
        else if (from is { Length: 1 } && IsFirstPage && Results.Titles.Count == 0)
            LetterNote = $"No title begins with {from.ToUpperInvariant()} or a later letter.";
    }

    public string Description => Sort switch
    {
        ListSort.Rating => "Every title in the catalog, the highest rated first.",
        ListSort.Year => "Every title in the catalog, the newest first.",
        ListSort.Reviews => "Every title in the catalog, the most reviewed here first.",
        _ => "Every title in the catalog from A to Z.",
    };

    /// <summary>Said when the letter chosen has no titles.</summary>
    public string? LetterNote { get; private set; }
}
