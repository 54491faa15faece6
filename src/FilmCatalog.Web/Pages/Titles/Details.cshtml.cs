using System.Runtime.CompilerServices;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FilmCatalog.Web.Pages.Titles;

/// <summary>
/// A film's title page: everything the catalog knows about one title, in one query shaped for the
/// page. Sections the film has nothing for are left out of the view entirely.
/// </summary>
[OutputCache(PolicyName = PageCaching.TitlePage)]
public sealed class DetailsModel(CatalogDbContext db, PublicUrls urls) : PageModel
{
    /// <summary>How many reviews the title page shows; the rest are on the all-reviews page.</summary>
    public const int ReviewsShown = 5;

    public TitlePageView Film { get; private set; } = null!;

    /// <summary>Absolute URL of this page, for the canonical link, Open Graph and JSON-LD.</summary>
    public string CanonicalUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var film = await LoadAsync(db, slug, cancellationToken);
        if (film is null)
            return NotFound();
        film = film with { Reviews = await Compiled.For(db).TopReviews(db, slug).ToListAsync(cancellationToken) };

        // A film named by several cards of one list is known from that list once.
        Film = film with
        {
            KnownFrom = [.. film.KnownFrom.Distinct().OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Year)],
            Reviews = await WithStatusReviewAsync(film, cancellationToken),
        };
        CanonicalUrl = urls.Absolute(Request, Url.Page(null, new { slug = film.Slug })!);
        return Page();
    }

    /// <summary>
    /// TempData key under which a write (posting a review, a vote without script) leaves the id of the
    /// review its confirmation is about, beside <c>StatusMessage</c>.
    /// </summary>
    public const string StatusReviewKey = "StatusReviewId";

    /// <summary>
    /// TempData key under which a write by the review's author (posting it, editing it) asks for a link to the
    /// edit page beside the confirmation: only that response, the author's own, carries it, never the cached page.
    /// </summary>
    public const string StatusEditableKey = "StatusEditable";

    /// <summary>
    /// Right after a write (Post/Redirect/Get), the review it was about is shown first, even when it is
    /// not among the most helpful, with the confirmation beside it where the browser lands
    /// (<c>#review-{id}</c>) rather than at the top of the page. Such a response carries TempData and
    /// is never served from, nor stored in, the cache.
    /// </summary>
    private async Task<List<ReviewView>> WithStatusReviewAsync(TitlePageView film, CancellationToken cancellationToken)
    {
        if (TempData.Peek(StatusReviewKey) is not int id)
            return film.Reviews;

        var reviews = film.Reviews;
        if (!reviews.Any(r => r.Id == id))
        {
            var review = await db.Reviews.AsNoTracking()
                .Where(r => r.Id == id && r.Title!.Slug == film.Slug && r.Status == ReviewStatus.Visible)
                .Select(ReviewView.FromReview)
                .SingleOrDefaultAsync(cancellationToken);
            if (review is null)
                return reviews;
            reviews = [review, .. reviews];
        }

        // Read here, so the layout does not show it again at the top of the page.
        if (TempData["StatusMessage"] is string message)
        {
            ViewData["StatusForReview"] = id;
            ViewData["StatusMessage"] = message;
            ViewData["StatusEditable"] = TempData[StatusEditableKey] is true;
        }

        return reviews;
    }

    /// <summary>
    /// What the page shows but its reviews, in two statements (ADR-004): the title's row with its
    /// <see cref="TitlePageDocument"/> (what the source page says, written by the importer), then the
    /// links to other titles' pages, which change when another file is imported. A title without a
    /// document of the current shape (before the start-up upgrade wrote it) is read from the tables.
    /// </summary>
    internal static async Task<TitlePageView?> LoadAsync(CatalogDbContext db, string slug, CancellationToken cancellationToken)
    {
        var queries = Compiled.For(db);
        var head = await queries.TitleWithDocument(db, slug, cancellationToken);
        if (head is null)
            return null;
        if (head.Document is null)
            return await QueryFromTables(db, slug).SingleOrDefaultAsync(cancellationToken);

        var facts = TitlePageFacts.FromJson(head.Document);
        var links = new Dictionary<(LinkPart, int), PageLink>();
        var knownFrom = new List<TitleLink>();
        await foreach (var link in queries.LinksOf(db, head.Id).WithCancellation(cancellationToken))
        {
            if (link.Part == LinkPart.KnownFrom)
                knownFrom.Add(new TitleLink(link.Slug, link.Name, link.Year));
            else
                links.TryAdd((link.Part, link.Position), link);
        }

        return head.View with
        {
            Facts = facts.Facts,
            Credits = facts.Credits,
            Trivia = facts.Trivia,
            Connections = [.. facts.Connections.Select(c => new ConnectionView(c.Kind, c.OtherName, c.OtherYear, c.Note,
                links.GetValueOrDefault((LinkPart.Connection, c.Position))?.Slug)
            {
                OtherKind = c.OtherKind,
                OtherEndYear = c.OtherEndYear,
                OtherIsOpenRun = c.OtherIsOpenRun,
            })],
            Soundtrack = facts.Soundtrack,
            Faq = facts.Faq,
            Cards = [.. facts.Cards.Select(c => new CardView(c.Name, c.Year, c.Genres, c.Rating, c.Plot, c.Directors, c.Stars,
                links.GetValueOrDefault((LinkPart.Card, c.Position))?.Slug))],
            KnownFrom = knownFrom,
        };
    }

    private sealed record TitleWithDocumentRow(int Id, string? Document, TitlePageView View);

    /// <summary>
    /// The page's statements compiled once per model (EF Core then skips walking and hashing their
    /// expression trees per request, 8% of a fresh page's CPU before ADR-004). Per model, because a
    /// compiled query keeps the model it first ran with, and the tests run both providers in one process.
    /// </summary>
    private sealed class Compiled
    {
        private static readonly ConditionalWeakTable<IModel, Compiled> ByModel = new();

        public static Compiled For(CatalogDbContext db) => ByModel.GetValue(db.Model, _ => new Compiled());

        /// <summary>The title's columns and its document, in one statement.</summary>
        public readonly Func<CatalogDbContext, string, CancellationToken, Task<TitleWithDocumentRow?>> TitleWithDocument =
            EF.CompileAsyncQuery((CatalogDbContext db, string slug, CancellationToken _) => db.Titles
            .AsNoTracking()
            .Where(t => t.Slug == slug)
            .Select(t => new TitleWithDocumentRow(
                t.Id,
                db.TitlePageDocuments.Where(d => d.TitleId == t.Id && d.Version == TitlePageFacts.Version).Select(d => d.Json).FirstOrDefault(),
                new TitlePageView
                {
                    Slug = t.Slug,
                    Name = t.Name,
                    Year = t.Year,
                    YearQualifier = t.YearQualifier,
                    Kind = t.Kind,
                    EndYear = t.EndYear,
                    IsOpenRun = t.IsOpenRun,
                    IsCardOnly = t.IsCardOnly,
                    Summary = t.Summary,
                    Storyline = t.Storyline,
                    StorylineAuthor = t.StorylineAuthor,
                    CertificateSystem = t.CertificateSystem,
                    Certificate = t.Certificate,
                    CertificateReason = t.CertificateReason,
                    Awards = t.Awards,
                    Rating = t.Rating,
                    RatingVotes = t.RatingVotes,
                    RuntimeMinutes = t.RuntimeMinutes,
                    SourceUserReviews = t.SourceUserReviews,
                    SourceCriticReviews = t.SourceCriticReviews,
                    SourceMetacriticReviews = t.SourceMetacriticReviews,
                    Metascore = t.Metascore,
                    SoundMix = t.SoundMix,
                    Color = t.Color,
                    AspectRatio = t.AspectRatio,
                    ReviewCount = t.ReviewCount,
                    VisitorRatingCount = t.VisitorRatingCount,
                    VisitorRatingSum = t.VisitorRatingSum,
                    VisitorRatingCounts = t.VisitorRatingCounts,
                }))
                .SingleOrDefault());

        /// <summary>
        /// Every link of the page to other titles, in one statement (UNION ALL): read live, because they
        /// change when another title's file is imported or a title moves to a new slug.
        /// </summary>
        public readonly Func<CatalogDbContext, int, IAsyncEnumerable<PageLink>> LinksOf =
            EF.CompileAsyncQuery((CatalogDbContext db, int id) => db.AlsoLiked
            .Where(a => a.TitleId == id && a.Target != null)
            .Select(a => new { Part = (int)LinkPart.Card, a.Position, a.Target!.Slug, a.Target.Name, a.Target.Year })
            .Concat(db.Connections
                .Where(c => c.TitleId == id && db.Titles.Any(o => o.Slug == c.OtherSlug))
                .Select(c => new { Part = (int)LinkPart.Connection, c.Position, Slug = c.OtherSlug, Name = c.OtherName, Year = c.OtherYear }))
            .Concat(db.AlsoLiked
                .Where(a => a.TargetTitleId == id && a.TitleId != id)
                .Join(db.Titles, a => a.TitleId, o => o.Id, (a, o) => new { Part = (int)LinkPart.KnownFrom, a.Position, o.Slug, o.Name, o.Year }))
            .Select(l => new PageLink((LinkPart)l.Part, l.Position, l.Slug, l.Name, l.Year)));

        /// <summary>
        /// The reviews shown, read in the order of the (TitleId, Status, HelpfulScore, Id) index. A query
        /// of their own: inside the page's projection, EF Core turned Take into ROW_NUMBER() over every
        /// visible review of every title, a full scan that took 0.8 s with 130,000 reviews.
        /// </summary>
        public readonly Func<CatalogDbContext, string, IAsyncEnumerable<ReviewView>> TopReviews =
            EF.CompileAsyncQuery((CatalogDbContext db, string slug) => db.Reviews
        .AsNoTracking()
        .Where(r => r.Title!.Slug == slug && r.Status == ReviewStatus.Visible)
        .OrderByDescending(r => r.HelpfulScore).ThenByDescending(r => r.Id)
        .Take(ReviewsShown)
        .Select(ReviewView.FromReview));
    }

    private enum LinkPart { Card, Connection, KnownFrom }

    /// <summary>A link to another title's page: a card's, a connection's (by position), or a title whose card names this one.</summary>
    private sealed record PageLink(LinkPart Part, int Position, string Slug, string Name, int? Year);

    /// <summary>
    /// The page read from the tables, as it was before documents (ADR-004): a projection, untracked,
    /// split per collection so that cast, facts and cards do not multiply each other's rows. Ten
    /// statements; read only for a title whose document the start-up upgrade has not written yet, and
    /// by the tests that prove the document renders the same page.
    /// </summary>
    internal static IQueryable<TitlePageView> QueryFromTables(CatalogDbContext db, string slug) => db.Titles
        .AsNoTracking()
        .AsSplitQuery()
        .Where(t => t.Slug == slug)
        .Select(t => new TitlePageView
        {
            Slug = t.Slug,
            Name = t.Name,
            Year = t.Year,
            YearQualifier = t.YearQualifier,
            Kind = t.Kind,
            EndYear = t.EndYear,
            IsOpenRun = t.IsOpenRun,
            IsCardOnly = t.IsCardOnly,
            Summary = t.Summary,
            Storyline = t.Storyline,
            StorylineAuthor = t.StorylineAuthor,
            CertificateSystem = t.CertificateSystem,
            Certificate = t.Certificate,
            CertificateReason = t.CertificateReason,
            Awards = t.Awards,
            Rating = t.Rating,
            RatingVotes = t.RatingVotes,
            RuntimeMinutes = t.RuntimeMinutes,
            SourceUserReviews = t.SourceUserReviews,
            SourceCriticReviews = t.SourceCriticReviews,
            SourceMetacriticReviews = t.SourceMetacriticReviews,
            Metascore = t.Metascore,
            SoundMix = t.SoundMix,
            Color = t.Color,
            AspectRatio = t.AspectRatio,
            ReviewCount = t.ReviewCount,
            VisitorRatingCount = t.VisitorRatingCount,
            VisitorRatingSum = t.VisitorRatingSum,
            VisitorRatingCounts = t.VisitorRatingCounts,
            Facts = t.Facts
                .Where(f => f.Kind != TitleFactKind.CreditFragment)
                .OrderBy(f => f.Kind).ThenBy(f => f.Position)
                .Select(f => new FactView(f.Kind, f.Text, f.Qualifier))
                .ToList(),
            Credits = t.Credits
                .Where(c => c.PersonId != null || c.Character != null)
                .OrderBy(c => c.Role).ThenBy(c => c.Position)
                .Select(c => new CreditView(c.Role, c.Person != null ? c.Person.Name : null, c.Character, c.Note))
                .ToList(),
            Trivia = t.Trivia
                .OrderBy(x => x.Kind).ThenBy(x => x.Position)
                .Select(x => new TriviaView(x.Kind, x.Text))
                .ToList(),
            Connections = t.Connections
                .OrderBy(c => c.Position)
                .Select(c => new ConnectionView(c.Kind, c.OtherName, c.OtherYear, c.Note,
                    db.Titles.Any(o => o.Slug == c.OtherSlug) ? c.OtherSlug : null)
                {
                    OtherKind = c.OtherKind,
                    OtherEndYear = c.OtherEndYear,
                    OtherIsOpenRun = c.OtherIsOpenRun,
                })
                .ToList(),
            Soundtrack = t.Soundtrack
                .OrderBy(s => s.Position)
                .Select(s => new SoundtrackView(s.Song, s.CreditLines))
                .ToList(),
            Faq = t.Faq
                .OrderBy(f => f.Position)
                .Select(f => new FaqView(f.Question, f.Answer))
                .ToList(),
            Cards = t.AlsoLiked
                .OrderBy(a => a.Position)
                .Select(a => new CardView(a.Name, a.Year, a.Genres, a.Rating, a.Plot, a.Directors, a.Stars,
                    a.Target != null ? a.Target.Slug : null))
                .ToList(),
            // Written as a join on the card so that EF can correlate it without APPLY (SQLite has none).
            KnownFrom = db.AlsoLiked
                .Where(a => a.TargetTitleId == t.Id && a.TitleId != t.Id)
                .Join(db.Titles, a => a.TitleId, o => o.Id, (a, o) => new TitleLink(o.Slug, o.Name, o.Year))
                .ToList(),
        });
}
