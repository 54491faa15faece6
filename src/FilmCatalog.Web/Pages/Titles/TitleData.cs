using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Titles;

/// <summary>
/// <c>GET /title/{slug}.json</c>: a film's data for people who want it as data. Everything the title
/// page shows that came from the source page, and our visitors' aggregates (never their identities).
/// Read as the title page reads it, cached and evicted with the page (its tag is the title's).
/// The README documents the shape.
/// </summary>
public static class TitleData
{
    // Served as application/json only, never inside HTML, so text keeps its apostrophes and ampersands.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void MapTitleData(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGetAndHead("/title/{slug}.json", async (string slug, HttpContext context, CatalogDbContext db, PublicUrls urls, CancellationToken cancellationToken) =>
        {
            var film = await DetailsModel.LoadAsync(db, slug, cancellationToken);
            if (film is null)
            {
                // As the title page: typed with capitals, or under a slug the film had before, it has moved.
                return await OldSlugRedirects.NewAddressAsync(context) is { } moved
                    ? Results.Redirect(moved, permanent: true)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No film has this slug.");
            }

            var reviews = await db.Reviews.AsNoTracking()
                .Where(r => r.Title!.Slug == slug && r.Status == ReviewStatus.Visible && r.Origin == ReviewOrigin.Imported)
                .OrderByDescending(r => r.HelpfulScore).ThenByDescending(r => r.Id)
                .Take(DetailsModel.ReviewsShown)
                .Select(ReviewView.FromReview)
                .ToListAsync(cancellationToken);

            // Open data: any site may read it from a browser.
            context.Response.Headers.AccessControlAllowOrigin = "*";
            var page = urls.Absolute(context.Request, $"{context.Request.PathBase}/title/{film.Slug}");
            return Results.Json(For(film, reviews, page), Options);
        }).CacheOutput(PageCaching.TitlePage);

    /// <summary>The document for <paramref name="film"/>; <paramref name="page"/> is the title page's absolute URL.</summary>
    public static FilmDocument For(TitlePageView film, IReadOnlyList<ReviewView> sourceReviews, string page)
    {
        var site = page[..page.IndexOf("/title/", StringComparison.Ordinal)];
        string? Url(string? slug) => slug is null ? null : $"{site}/title/{slug}";
        List<string> Texts(TitleFactKind kind) => [.. film.FactsOf(kind).Select(f => f.Text)];
        // As the source printed them: "Joel Coen (screenplay)".
        List<string> Names(CreditRole role) => [.. film.CreditsAs(role).Where(c => c.Name is not null).Select(c => c.Note is null ? c.Name! : $"{c.Name} ({c.Note})")];
        var ratings = film.VisitorRatings;

        return new FilmDocument(
            film.Slug, page, film.Name, film.Year, film.YearQualifier, KindName(film.Kind), film.EndYear, film.IsOpenRun ? true : null, film.IsCardOnly,
            film.Summary, film.Storyline, film.StorylineAuthor, Texts(TitleFactKind.Tagline), [.. film.Genres],
            film.Certificate is { Length: > 0 } ? new CertificateData(film.Certificate, film.CertificateSystem, film.CertificateReason) : null,
            [.. film.FactsOf(TitleFactKind.Certificate).Select(f => new OtherCertificateData(f.Text, f.Qualifier))],
            film.RuntimeMinutes, film.Awards,
            new RatingsData(
                film.Rating is { } rating ? new SourceRatingData(rating, film.RatingVotes) : null,
                film.Metascore,
                film.SourceUserReviews is null && film.SourceCriticReviews is null && film.SourceMetacriticReviews is null
                    ? null : new SourceReviewCountsData(film.SourceUserReviews, film.SourceCriticReviews, film.SourceMetacriticReviews),
                new VisitorRatingsData(film.VisitorRatingCount, film.VisitorRating,
                    ratings.Total > 0 ? Enumerable.Range(1, 10).ToDictionary(score => score.ToString(CultureInfo.InvariantCulture), score => ratings.Counts[score - 1]) : null)),
            new CreditsData(Names(CreditRole.Director), Names(CreditRole.Writer), Names(CreditRole.Star),
                [.. film.CreditsAs(CreditRole.Cast).Select(c => new CastData(c.Name, c.Character, c.Note))]),
            new DetailsData(
                [.. film.FactsOf(TitleFactKind.ReleaseDate).Select(f => new QualifiedData(f.Text, f.Qualifier))],
                [.. film.FactsOf(TitleFactKind.AlsoKnownAs).Select(f => new QualifiedData(f.Text, f.Qualifier))],
                Texts(TitleFactKind.Country), Texts(TitleFactKind.Language), Texts(TitleFactKind.FilmingLocation)),
            [.. film.FactsOf(TitleFactKind.BoxOffice).Select(f => new QualifiedData(f.Text, f.Qualifier))],
            [.. film.FactsOf(TitleFactKind.Company).Select(f => new QualifiedData(f.Text, f.Qualifier))],
            new TechnicalSpecsData(film.RuntimeMinutes, film.SoundMix, film.Color, film.AspectRatio,
                film.OtherRuntimes is [] ? null : [.. film.OtherRuntimes.Select(f => new QualifiedData(f.Text, f.Qualifier))]),
            new DidYouKnowData(film.TriviaOf(TriviaKind.Trivia), film.TriviaOf(TriviaKind.Goof), film.TriviaOf(TriviaKind.Quote), film.TriviaOf(TriviaKind.CrazyCredit),
                [.. film.Connections.Select(c => new ConnectionData(c.Kind, c.OtherName, c.OtherYear, c.Note, Url(c.Slug))
                {
                    TitleKind = KindName(c.OtherKind),
                    EndYear = c.OtherEndYear,
                    OpenRun = c.OtherIsOpenRun ? true : null,
                })],
                [.. film.Soundtrack.Select(s => new SongData(s.Song, s.CreditLines))]),
            [.. film.Faq.Select(f => new FaqData(f.Question, f.Answer))],
            [.. film.Cards.Select(c => new CardData(c.Name, c.Year, c.Genres, c.Rating, c.Plot, c.Directors, c.Stars, Url(c.Slug)))],
            [.. film.KnownFrom.Select(k => new TitleLinkData(k.Name, k.Year, Url(k.Slug)!))],
            new ReviewsData(film.ReviewCount, $"{page}/reviews",
                [.. sourceReviews.Select(r => new ReviewData(r.Headline, r.AuthorName, r.AuthorPlace, r.Rating, r.ContainsSpoilers,
                    r.WrittenAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MovieJsonLd.PlainText(r.BodyHtml), r.Helpful, r.Voted))]));
    }

    /// <summary>"Film", "TV Series", "Video Game"...; null when the catalog does not know (imported before kinds were kept).</summary>
    private static string? KindName(TitleKind? kind) => kind == TitleKind.Film ? "Film" : TitleKinds.Label(kind);

    public static string Serialize(FilmDocument document) => JsonSerializer.Serialize(document, Options);
}

// The document and its parts: one shape, read together.
public sealed record FilmDocument(
    string Slug, string Url, string Name, int? Year, string? YearQualifier, string? Kind, int? EndYear, bool? OpenRun, bool KnownOnlyFromCards,
    string? Summary, string? Storyline, string? StorylineAuthor, List<string> Taglines, List<string> Genres,
    CertificateData? Certificate, List<OtherCertificateData> OtherCertificates, int? RuntimeMinutes, string? Awards,
    RatingsData Ratings, CreditsData Credits, DetailsData Details,
    List<QualifiedData> BoxOffice, List<QualifiedData> Companies, TechnicalSpecsData TechnicalSpecs,
    DidYouKnowData DidYouKnow, List<FaqData> Faq, List<CardData> AlsoLiked, List<TitleLinkData> AlsoLikedBy,
    ReviewsData Reviews);

public sealed record CertificateData(string Rating, string? System, string? Reason);

/// <summary>A certificate of another rating system: "15" in the "UK".</summary>
public sealed record OtherCertificateData(string Rating, string? Country);

/// <summary>The source's rating and our visitors' are kept apart, as on the page.</summary>
public sealed record RatingsData(SourceRatingData? Source, int? Metascore, SourceReviewCountsData? SourceReviewCounts, VisitorRatingsData Visitors);

public sealed record SourceRatingData(double Value, int? Votes);

public sealed record SourceReviewCountsData(int? Users, int? Critics, int? Metacritic);

/// <summary>Ratings given in reviews posted here: count, average, and how many gave each score ("1" to "10").</summary>
public sealed record VisitorRatingsData(int Count, double? Average, Dictionary<string, int>? Distribution);

public sealed record CreditsData(List<string> Directors, List<string> Writers, List<string> Stars, List<CastData> Cast);

/// <summary>A cast row; <see cref="Name"/> is null when the source lost the actor's name.</summary>
public sealed record CastData(string? Name, string? Character, string? Note);

public sealed record DetailsData(List<QualifiedData> ReleaseDates, List<QualifiedData> AlsoKnownAs, List<string> Countries, List<string> Languages, List<string> FilmingLocations);

/// <summary>A text with the source's qualifier: a release date and its country, a box-office figure and its label, a company and its role.</summary>
public sealed record QualifiedData(string Text, string? Qualifier);

public sealed record TechnicalSpecsData(int? RuntimeMinutes, string? SoundMix, string? Color, string? AspectRatio, List<QualifiedData>? OtherRuntimes);

public sealed record DidYouKnowData(IReadOnlyList<string> Trivia, IReadOnlyList<string> Goofs, IReadOnlyList<string> Quotes, IReadOnlyList<string> CrazyCredits,
    List<ConnectionData> Connections, List<SongData> Soundtrack);

/// <summary>A connection: <see cref="Kind"/> is how the films are connected ("Featured in"), <see cref="TitleKind"/> what the other title is, when its line said.</summary>
public sealed record ConnectionData(string Kind, string Title, int? Year, string? Note, string? Url)
{
    public string? TitleKind { get; init; }
    public int? EndYear { get; init; }
    public bool? OpenRun { get; init; }
}

public sealed record SongData(string? Title, List<string> Credits);

public sealed record FaqData(string Question, string? Answer);

/// <summary>A "people who liked this also liked" card as printed; <see cref="Name"/> is null when the source lost it.</summary>
public sealed record CardData(string? Name, int? Year, List<string> Genres, double? Rating, string? Plot, List<string> Directors, List<string> Stars, string? Url);

public sealed record TitleLinkData(string Name, int? Year, string Url);

/// <summary>How many reviews are held here, where they all are, and the most helpful ones from the source page.</summary>
public sealed record ReviewsData(int Count, string Url, List<ReviewData> FromSource);

public sealed record ReviewData(string Headline, string? Author, string? AuthorPlace, int? Rating, bool ContainsSpoilers, string Date, string Text, int FoundHelpful, int Voted);
