using System.Globalization;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;
using FilmCatalog.Web.Pages.Titles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Reviews;

/// <summary>
/// Every review of a film: sorted, filtered, and paged by keyset (the last shown review's sort key),
/// so a page deep in a hundred thousand reviews is an index range scan, as fast as the first.
/// </summary>
[OutputCache(PolicyName = PageCaching.AllReviewsPage)]
public sealed class IndexModel(CatalogDbContext db) : PageModel
{
    public const int PageSize = 20;

    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
    [
        ("helpful", "Most helpful"),
        ("newest", "Newest"),
        ("oldest", "Oldest"),
        ("highest", "Highest rating"),
        ("lowest", "Lowest rating"),
    ];

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string Sort { get; set; } = "helpful";

    [BindProperty(SupportsGet = true, Name = "spoilers")]
    public string? Spoilers { get; set; }

    [BindProperty(SupportsGet = true, Name = "rating")]
    public int? RatingFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public FilmHeading Film { get; private set; } = null!;
    public IReadOnlyList<ReviewView> Reviews { get; private set; } = [];
    public string? NextCursor { get; private set; }
    public bool HideSpoilers => Spoilers == "hide";
    public bool IsFiltered => HideSpoilers || RatingFilter is not null;

    /// <summary>Whether this is the list's own address: the first page, most helpful first, unfiltered.</summary>
    public bool IsDefaultView => Sort == "helpful" && !IsFiltered && After is null;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var film = await db.Titles.Where(t => t.Slug == slug)
            .Select(t => new FilmHeading(t.Id, t.Slug, t.Name, t.Year, t.ReviewCount))
            .SingleOrDefaultAsync(cancellationToken);
        if (film is null)
            return NotFound();
        Film = film;

        if (!Sorts.Any(s => s.Key == Sort))
            Sort = "helpful";
        if (RatingFilter is < 1 or > 10)
            RatingFilter = null;

        var query = db.Reviews.AsNoTracking().Where(r => r.TitleId == film.Id && r.Status == ReviewStatus.Visible);
        if (HideSpoilers)
            query = query.Where(r => !r.ContainsSpoilers);
        if (RatingFilter is { } rating)
            query = query.Where(r => r.Rating == rating);

        var (ties, beyond) = Ordered(query, Sort, Cursor.Parse(Sort, After));
        var page = await Keys(ties, PageSize + 1).ToListAsync(cancellationToken);
        if (page.Count <= PageSize && beyond is not null)
            page.AddRange(await Keys(beyond, PageSize + 1 - page.Count).ToListAsync(cancellationToken));
        var shown = page.Take(PageSize).Select(p => p.Id).ToList();
        var views = await db.Reviews.AsNoTracking().Where(r => shown.Contains(r.Id)).Select(ReviewView.FromReview).ToDictionaryAsync(r => r.Id, cancellationToken);
        Reviews = [.. shown.Select(id => views[id])];
        if (page.Count > PageSize)
        {
            var last = page[PageSize - 1];
            NextCursor = Cursor.For(Sort, last.Id, last.HelpfulScore, last.WrittenAt, last.Rating);
        }

        return Page();
    }

    /// <summary>This list's address with the current sort and filters, starting after <paramref name="after"/>.</summary>
    public string LinkWith(string? after = null) => Url.Page(null, new
    {
        slug = Film.Slug,
        sort = Sort != "helpful" ? Sort : null,
        spoilers = HideSpoilers ? "hide" : null,
        rating = RatingFilter,
        after,
    })!;

    private static IQueryable<PageKey> Keys(IQueryable<Review> query, int count) =>
        query.Take(count).Select(r => new PageKey(r.HelpfulScore, r.WrittenAt, r.Rating, r.Id));

    private sealed record PageKey(double HelpfulScore, DateTime WrittenAt, int? Rating, int Id);

    /// <summary>
    /// Each sort is one of the review indexes read in order. After a cursor the rest of the list is
    /// two ranges read one after the other: the rows that tie with the cursor's key and come after
    /// its id, then the rows past its key. SQLite seeks straight to the start of each; the single
    /// condition "key &lt; k OR (key = k AND id &lt; i)" (and even the row value (key, id) &lt; (k, i))
    /// is only bounded by the key, so a deep page in a long run of equal keys (a hundred thousand
    /// reviews, a quarter of them never voted on) first walked past every tie already shown.
    /// </summary>
    private static (IQueryable<Review> Ties, IQueryable<Review>? Beyond) Ordered(IQueryable<Review> query, string sort, Cursor? after) => sort switch
    {
        "newest" => after is null
            ? (query.OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id), null)
            : (query.Where(r => r.WrittenAt == after.Date && r.Id < after.Id).OrderByDescending(r => r.Id),
                query.Where(r => r.WrittenAt < after.Date).OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id)),
        "oldest" => after is null
            ? (query.OrderBy(r => r.WrittenAt).ThenBy(r => r.Id), null)
            : (query.Where(r => r.WrittenAt == after.Date && r.Id > after.Id).OrderBy(r => r.Id),
                query.Where(r => r.WrittenAt > after.Date).OrderBy(r => r.WrittenAt).ThenBy(r => r.Id)),
        "highest" => after is null
            ? (query.Where(r => r.Rating != null).OrderByDescending(r => r.Rating).ThenByDescending(r => r.Id), null)
            : (query.Where(r => r.Rating == after.Number && r.Id < after.Id).OrderByDescending(r => r.Id),
                query.Where(r => r.Rating != null && r.Rating < after.Number).OrderByDescending(r => r.Rating).ThenByDescending(r => r.Id)),
        "lowest" => after is null
            ? (query.Where(r => r.Rating != null).OrderBy(r => r.Rating).ThenBy(r => r.Id), null)
            : (query.Where(r => r.Rating == after.Number && r.Id > after.Id).OrderBy(r => r.Id),
                query.Where(r => r.Rating != null && r.Rating > after.Number).OrderBy(r => r.Rating).ThenBy(r => r.Id)),
        _ => after is null
            ? (query.OrderByDescending(r => r.HelpfulScore).ThenByDescending(r => r.Id), null)
            : (query.Where(r => r.HelpfulScore == after.Score && r.Id < after.Id).OrderByDescending(r => r.Id),
                query.Where(r => r.HelpfulScore < after.Score).OrderByDescending(r => r.HelpfulScore).ThenByDescending(r => r.Id)),
    };

    public sealed record FilmHeading(int Id, string Slug, string Name, int? Year, int ReviewCount)
    {
        public string Display => Year is { } year ? $"{Name} ({year})" : Name;
    }

    /// <summary>The position after which the next page starts: the last row's sort key and id, as "key_id".</summary>
    /// <remarks>
    /// A cursor arrives in the address, so anything may be in it. Each sort reads its key in the type it
    /// wrote it in (ticks and ratings as integers, scores as finite doubles) and in its range; a cursor
    /// that does not parse that way is no cursor, and the list starts from the beginning.
    /// </remarks>
    private sealed record Cursor(double Score, DateTime Date, int Number, int Id)
    {
        public static Cursor? Parse(string sort, string? value)
        {
            if (value?.Split('_') is not [var key, var id] || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var rowId))
                return null;

            return sort switch
            {
                "newest" or "oldest" => long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)
                    && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
                        ? new Cursor(0, new DateTime(ticks, DateTimeKind.Utc), 0, rowId) : null,
                "highest" or "lowest" => int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rating)
                    ? new Cursor(0, default, rating, rowId) : null,
                _ => double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score)
                    ? new Cursor(score, default, 0, rowId) : null,
            };
        }

        public static string For(string sort, int id, double score, DateTime writtenAt, int? rating) => sort switch
        {
            "newest" or "oldest" => $"{writtenAt.Ticks.ToString(CultureInfo.InvariantCulture)}_{id}",
            "highest" or "lowest" => $"{rating.GetValueOrDefault()}_{id}",
            _ => $"{score.ToString("R", CultureInfo.InvariantCulture)}_{id}",
        };
    }
}
