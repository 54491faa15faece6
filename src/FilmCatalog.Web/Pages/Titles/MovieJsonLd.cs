using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Pages.Shared;

namespace FilmCatalog.Web.Pages.Titles;

/// <summary>
/// The schema.org description of a title page, for search engines: a <c>Movie</c>, or by its kind a
/// <c>TVSeries</c>, <c>VideoGame</c>, <c>TVEpisode</c>, or a <c>CreativeWork</c> for a kind schema.org has no better type for.
/// </summary>
/// <remarks>
/// The JSON goes inside a <c>&lt;script type="application/ld+json"&gt;</c> element, where an HTML
/// parser ends the element at the first <c>&lt;/script</c> whatever the JSON says. The default
/// <see cref="JavaScriptEncoder"/> writes &lt; &gt; &amp; ' as <c>\u003C</c>-style escapes, so no
/// value (a film name, a review) can close the element or open another.
/// </remarks>
public static partial class MovieJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string For(TitlePageView film, string url)
    {
        var type = TypeOf(film.Kind);
        var movie = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = type,
            ["name"] = film.Name,
            ["url"] = url,
        };

        if (film.Year is { } year)
            movie["dateCreated"] = year.ToString(CultureInfo.InvariantCulture);

        // A series runs from its first year to its last; an open run has no end yet.
        if (type == "TVSeries" && film.Year is { } start)
        {
            movie["startDate"] = start.ToString(CultureInfo.InvariantCulture);
            if (film.EndYear is { } end)
                movie["endDate"] = end.ToString(CultureInfo.InvariantCulture);
        }

        if (FirstReleaseDate(film) is { } released)
            movie["datePublished"] = released.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        else if (film.Year is { } y)
            movie["datePublished"] = y.ToString(CultureInfo.InvariantCulture);
        if (film.Summary is { Length: > 0 } summary)
            movie["description"] = summary;
        if (film.Genres.Count > 0)
            movie["genre"] = Array(film.Genres.Select(g => (JsonNode?)g));
        if (film.Certificate is { Length: > 0 } certificate)
            movie["contentRating"] = certificate;
        if (film.RuntimeMinutes is { } minutes and > 0 && type is "Movie" or "TVEpisode")
            movie["duration"] = $"PT{minutes}M";

        // A cast row whose actor's name was lost names nobody to a search engine.
        var actors = film.CreditsAs(CreditRole.Cast).Where(a => a.Name is not null).ToList();
        if (actors.Count == 0)
            actors = [.. film.CreditsAs(CreditRole.Star)];
        var directors = film.CreditsAs(CreditRole.Director);
        if (type == "CreativeWork")
        {
            // A CreativeWork has no actors or directors of its own: its people are its contributors.
            if (directors.Concat(actors).ToList() is { Count: > 0 } contributors)
                movie["contributor"] = Array(contributors.Select(c => (JsonNode?)Person(c.Name!)));
        }
        else
        {
            if (actors.Count > 0)
                movie["actor"] = Array(actors.Select(a => (JsonNode?)Person(a.Name!)));
            if (directors.Count > 0)
                movie["director"] = Array(directors.Select(d => (JsonNode?)Person(d.Name!)));
        }

        if (AggregateRating(film) is { } aggregate)
            movie["aggregateRating"] = aggregate;

        // A review without an author's name is not a valid schema.org Review for search engines.
        if (film.Reviews.Where(r => r.AuthorName is { Length: > 0 }).ToList() is { Count: > 0 } signed)
            movie["review"] = Array(signed.Select(r => (JsonNode?)Review(r)));

        return movie.ToJsonString(Options);
    }

    /// <summary>
    /// The schema.org type of a kind: a film, TV movie, video or short is a <c>Movie</c>, and so is a title whose kind is
    /// not known (the catalog is of films); a TV special has no type of its own.
    /// </summary>
    internal static string TypeOf(TitleKind? kind) => kind switch
    {
        TitleKind.TvSeries or TitleKind.TvMiniSeries => "TVSeries",
        TitleKind.TvEpisode => "TVEpisode",
        TitleKind.VideoGame => "VideoGame",
        TitleKind.TvSpecial => "CreativeWork",
        _ => "Movie",
    };

    /// <summary>
    /// One aggregate, from one population: the source's rating when it comes with its vote count,
    /// otherwise our visitors' when they have rated. Never an average of the two, and never without
    /// <c>ratingCount</c> (search engines ignore a rating that lacks it).
    /// </summary>
    private static JsonObject? AggregateRating(TitlePageView film) =>
        film.Rating is { } rating && film.RatingVotes is { } votes and > 0 ? Aggregate(rating, votes)
        : film.VisitorRating is { } visitors ? Aggregate(visitors, film.VisitorRatingCount)
        : null;

    private static JsonObject Aggregate(double value, int count) => new()
    {
        ["@type"] = "AggregateRating",
        ["ratingValue"] = value,
        ["ratingCount"] = count,
        ["bestRating"] = 10,
        ["worstRating"] = 1,
    };

    private static JsonObject Person(string name) => new() { ["@type"] = "Person", ["name"] = name };

    private static JsonObject Review(ReviewView review)
    {
        var node = new JsonObject
        {
            ["@type"] = "Review",
            ["name"] = review.Headline,
            ["datePublished"] = review.WrittenAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["reviewBody"] = PlainText(review.BodyHtml),
        };
        if (review.AuthorName is { Length: > 0 } author)
            node["author"] = Person(author);
        if (review.Rating is { } rating)
        {
            node["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["ratingValue"] = rating,
                ["bestRating"] = 10,
                ["worstRating"] = 1,
            };
        }

        return node;
    }

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    private static DateOnly? FirstReleaseDate(TitlePageView film)
    {
        foreach (var fact in film.FactsOf(TitleFactKind.ReleaseDate))
        {
            if (DateOnly.TryParseExact(fact.Text.Trim(), ["d MMMM yyyy", "MMMM d, yyyy", "d MMM yyyy", "yyyy-MM-dd"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
        }

        return null;
    }

    /// <summary>The review's text without markup: paragraphs joined by blank lines.</summary>
    internal static string PlainText(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(BlockEnds().Replace(html, "\n\n"), "")).Trim();

    [GeneratedRegex("</(p|li|blockquote|h[1-6])>|<br ?/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
