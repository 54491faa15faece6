using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;

namespace FilmCatalog.Web.Search;

public static class SearchEndpoints
{
    public const int SuggestedTitles = 6;
    public const int SuggestedPeople = 4;

    /// <summary>
    /// Names read per query and kind for the suggestions: the most popular few dozen, among which the
    /// best six titles and four people are ranked as the search page ranks. Reading the search page's
    /// 200 for a box that shows ten was most of a suggestion's cost, and one comes with every key typed.
    /// </summary>
    public const int SuggestionCandidates = 24;

    /// <summary>
    /// <c>/search/suggest?q=...</c>: what the search box offers as the visitor types (<c>wwwroot/js/search.js</c>),
    /// a few titles and people as JSON, ranked as the search page ranks them among the most popular
    /// <see cref="SuggestionCandidates"/> matches of each kind. Any text gives a 200 with
    /// lists (empty ones for an empty or unreadable query). Browsers may keep an answer five minutes:
    /// it is the same for every visitor, and typing back over a word asks nothing again.
    /// </summary>
    public static void MapSearchEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGetAndHead("/search/suggest", async (HttpContext context, CatalogSearch search, CancellationToken cancellationToken) =>
        {
            // The first q, as the search page reads it (bound as a string, several would be joined with commas).
            var query = SearchQuery.Parse(context.Request.Query["q"].FirstOrDefault());
            await using var connection = await search.HoldConnectionAsync(cancellationToken);
            var titles = await search.TitlesAsync(query, 0, SuggestedTitles, SuggestionCandidates, cancellationToken);
            var people = await search.PeopleAsync(query, 0, SuggestedPeople, SuggestionCandidates, cancellationToken);
            context.Response.Headers.CacheControl = "public, max-age=300";
            var pathBase = context.Request.PathBase;
            return Results.Json(new Suggestions(
                query.Text,
                [.. titles.Hits.Select(t => new Suggestion(
                    t.Name,
                    string.Join(" \u00b7 ", new[] { TitleKinds.Label(t.Kind), TitleKinds.Years(t.Year, t.EndYear, t.IsOpenRun), t.Genres.Count > 0 ? string.Join(", ", t.Genres.Take(2)) : null }.OfType<string>()),
                    $"{pathBase}/title/{t.Slug}",
                    t.AlsoKnownAs is { } aka ? $"also known as {aka}" : null)
                {
                    Kind = TitleKinds.Label(t.Kind),
                })],
                [.. people.Hits.Select(p => new Suggestion(
                    p.Name,
                    string.Join(", ", p.Roles.Select(RoleNames.Noun)),
                    $"{pathBase}/name/{p.Slug}",
                    p.KnownFor is { } known ? $"known for {known.DisplayName}" : null))]));
        });

    /// <summary>The answer: the query as read, then titles and people, each with the page to go to.</summary>
    public sealed record Suggestions(string Query, IReadOnlyList<Suggestion> Titles, IReadOnlyList<Suggestion> People);

    /// <summary>
    /// One suggestion: its label, a short detail line (a title's kind when it is not a film, its years, its genres:
    /// "TV Series · 1990–1991 · Drama", as the title page's header says it), the page, and why it matched when that is not its name.
    /// </summary>
    public sealed record Suggestion(string Label, string Detail, string Url, string? Note)
    {
        /// <summary>What a title is when it is not a film ("TV Series"); null for a film and for a person.</summary>
        public string? Kind { get; init; }
    }
}
