using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages;

/// <summary>
/// The front page: the search box, then a few short lists that invite a click (reviews just posted
/// here, the most helpful reviews of the week, the titles our visitors rate highest, one film from
/// the archive) and the ways in (genres, decades, A-Z). Every list is bounded and every query reads a
/// few index entries, so the page is the same size and cost with ten titles or a million.
/// </summary>
[OutputCache(PolicyName = CatalogPageCaching.ListPage)]
public sealed class IndexModel(CatalogDbContext db, TitleLists lists, TimeProvider clock) : PageModel
{
    public const int ReviewsShown = 5;
    public const int RatedShown = 6;

    /// <summary>Ratings posted here a title needs before its visitors' average can place it.</summary>
    public const int MinVisitorRatings = 3;

    /// <summary>Votes on the source a title needs to be among the highest rated there.</summary>
    public const int MinSourceVotes = 1000;

    /// <summary>How far down the best-rated titles the source list looks for enough votes.</summary>
    private const int SourceRatedScan = 500;

    public bool IsEmpty { get; private set; }

    public IReadOnlyList<ReviewTeaser> RecentReviews { get; private set; } = [];

    public IReadOnlyList<ReviewTeaser> HelpfulThisWeek { get; private set; } = [];

    public IReadOnlyList<ListedTitle> VisitorRated { get; private set; } = [];

    public IReadOnlyList<ListedTitle> SourceRated { get; private set; } = [];

    public TitleListModel VisitorRatedList => new(VisitorRated, "Highest rated by visitors here");

    public TitleListModel SourceRatedList => new(SourceRated, "Highest rated");

    public ArchivePick? FromTheArchive { get; private set; }

    public IReadOnlyList<(string Genre, string Name)> Genres { get; private set; } = [];

    public IReadOnlyList<int> Decades { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsEmpty = !await db.Titles.AnyAsync(cancellationToken);
        if (IsEmpty)
            return;

        var visible = db.Reviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Visible);
        RecentReviews = await visible
            .Where(r => r.Origin == ReviewOrigin.Site)
            .OrderByDescending(r => r.WrittenAt).ThenByDescending(r => r.Id)
            .Take(ReviewsShown)
            .Select(Teaser)
            .ToListAsync(cancellationToken);

        // Reviews written in the last seven days, most helpful first: a range of the (Origin, Status, WrittenAt) index per origin.
        var weekAgo = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        HelpfulThisWeek = await visible
            .Where(r => (r.Origin == ReviewOrigin.Site || r.Origin == ReviewOrigin.Imported) && r.WrittenAt >= weekAgo && r.SourceHelpful + r.SiteHelpful > 0)
            .OrderByDescending(r => r.HelpfulScore).ThenByDescending(r => r.Id)
            .Take(ReviewsShown)
            .Select(Teaser)
            .ToListAsync(cancellationToken);

        var visitorRated = await db.Titles.AsNoTracking()
            .Where(t => t.VisitorRatingCount >= MinVisitorRatings)
            .OrderByDescending(t => (double)t.VisitorRatingSum / t.VisitorRatingCount).ThenByDescending(t => t.VisitorRatingCount).ThenBy(t => t.Id)
            .Take(RatedShown)
            .Select(t => new { t.Id, t.VisitorRatingSum, t.VisitorRatingCount })
            .ToListAsync(cancellationToken);
        VisitorRated = [.. (await lists.ListedAsync([.. visitorRated.Select(t => t.Id)], cancellationToken))
            .Zip(visitorRated, (title, rated) => title with
            {
                Note = $"Visitors here: {(double)rated.VisitorRatingSum / rated.VisitorRatingCount:0.0}/10 from {ListedTitle.Count(rated.VisitorRatingCount, "rating", "ratings")}",
            })];

        var bestRated = await db.TitleListings.AsNoTracking()
            .Where(l => l.Genre == TitleListing.AllTitles)
            .OrderByDescending(l => l.RatingTenths).ThenByDescending(l => l.TitleId)
            .Take(SourceRatedScan)
            .Join(db.Titles, l => l.TitleId, t => t.Id, (l, t) => new { t.Id, t.RatingVotes, l.RatingTenths })
            .Where(t => t.RatingVotes >= MinSourceVotes)
            .Take(RatedShown)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        SourceRated = await lists.ListedAsync(bestRated, cancellationToken);

        FromTheArchive = await PickFromTheArchiveAsync(cancellationToken);

        Genres = [.. (await lists.GenresAsync(cancellationToken)).Select(g => (g.Genre, g.Name)).OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)];
        Decades = await lists.DecadesAsync(cancellationToken);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Review, ReviewTeaser>> Teaser = r => new ReviewTeaser(
        r.Headline, r.AuthorName, r.Rating, r.WrittenAt, r.Origin, r.SourceHelpful + r.SiteHelpful,
        r.SourceHelpful + r.SourceNotHelpful + r.SiteHelpful + r.SiteNotHelpful, r.Title!.Slug, r.Title.Name, r.Title.Year);

    /// <summary>
    /// One title with a page of its own, at random: a random id, then the first such title from there
    /// (one index seek; titles after a long gap of ids are a little likelier, which nobody will notice).
    /// </summary>
    private async Task<ArchivePick?> PickFromTheArchiveAsync(CancellationToken cancellationToken)
    {
        var full = db.Titles.AsNoTracking().Where(t => !t.IsCardOnly);
        var last = await full.OrderByDescending(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
            return null;
        var from = Random.Shared.Next(1, last.Value + 1);
        return await full.Where(t => t.Id >= from).OrderBy(t => t.Id)
            .Select(t => new ArchivePick(t.Slug, t.Name, t.Year, t.Summary, t.Rating, t.RatingVotes))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>A review on the front page: its headline, byline and film.</summary>
public sealed record ReviewTeaser(
    string Headline, string? AuthorName, int? Rating, DateTime WrittenAt, ReviewOrigin Origin, int Helpful, int Voted,
    string TitleSlug, string TitleName, int? TitleYear)
{
    public string Film => TitleYear is { } year ? $"{TitleName} ({year})" : TitleName;
}

/// <summary>The front page's pick from the archive.</summary>
public sealed record ArchivePick(string Slug, string Name, int? Year, string? Summary, double? Rating, int? RatingVotes)
{
    public string DisplayName => Year is { } year ? $"{Name} ({year})" : Name;
}
