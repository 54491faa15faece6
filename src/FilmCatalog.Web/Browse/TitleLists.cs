using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Browse;

/// <summary>How a list is ordered: best rated, newest, A-Z, most reviews held here.</summary>
public enum ListSort
{
    Rating,
    Year,
    Title,
    Reviews,
}

/// <summary>Which titles a list holds: a genre's (or every title), in a span of years or all.</summary>
public sealed record ListScope(string Genre, int? FromYear = null, int? ToYear = null)
{
    public bool IsOneYear => FromYear is not null && FromYear == ToYear;
}

/// <summary>A page of a list, and the cursors of the pages before and after it (null at either end).</summary>
public sealed record ListPage(IReadOnlyList<ListedTitle> Titles, string? Before, string? After)
{
    public static readonly ListPage Empty = new([], null, null);
}

/// <summary>
/// Pages of the browse lists (genre, year, decade, A-Z), read from <see cref="TitleListing"/> with
/// keyset paging: a page starts after (or ends before) a title given by its slug, so the hundredth
/// page costs what the first does, and a title added meanwhile never shifts a page. A cursor that
/// names no title in the list starts the list over: any query string gives a page, never an error.
/// </summary>
public sealed class TitleLists(CatalogDbContext db)
{
    public const int PageSize = 50;

    /// <summary>
    /// A page of <paramref name="scope"/> in <paramref name="sort"/> order: after <paramref name="after"/>,
    /// or before <paramref name="before"/>, or from the start; in A-Z order from <paramref name="from"/>
    /// (a folded prefix: "b" starts at the titles under B).
    /// </summary>
    public async Task<ListPage> PageAsync(ListScope scope, ListSort sort, string? after, string? before, string? from, CancellationToken cancellationToken)
    {
        var rows = db.TitleListings.AsNoTracking().Where(l => l.Genre == scope.Genre);
        if (scope.IsOneYear)
            rows = rows.Where(l => l.Year == scope.FromYear!.Value);
        else if (scope.FromYear is { } first && scope.ToYear is { } last)
            rows = rows.Where(l => l.Year >= first && l.Year <= last);

        var cursor = await CursorAsync(scope.Genre, before ?? after, cancellationToken);
        var backwards = cursor is not null && before is not null;
        var page = await Ordered(Keyset(rows, sort, cursor, backwards, cursor is null ? from : null), sort, backwards)
            .Take(PageSize + 1)
            .Select(l => l.TitleId)
            .ToListAsync(cancellationToken);

        var more = page.Count > PageSize;
        if (more)
            page.RemoveAt(PageSize);
        if (backwards)
            page.Reverse();
        if (page.Count == 0)
            return ListPage.Empty;

        var titles = await ListedAsync(page, cancellationToken);
        var atStart = cursor is null ? from is null || !await AnyBeforeAsync(rows, sort, page[0], cancellationToken) : backwards && !more;
        var atEnd = backwards ? false : !more;
        return new ListPage(titles, atStart ? null : titles[0].Slug, atEnd ? null : titles[^1].Slug);
    }

    /// <summary>
    /// The genres that have titles, with their names as printed: one index seek each (a "loose index scan"
    /// written as a recursive query, the same on every provider), rather than a scan of every title's genres.
    /// </summary>
    public Task<List<GenreRow>> GenresAsync(CancellationToken cancellationToken) => db.Database.SqlQueryRaw<GenreRow>($"""
        {GenreKeys}
        SELECT g."Genre", {GenreNameSql} AS "Name" FROM g WHERE g."Genre" IS NOT NULL
        """).ToListAsync(cancellationToken);

    public sealed record GenreRow(string Genre, string Name);

    /// <summary>
    /// The genres that have titles, as <see cref="GenresAsync"/> finds them, each with its number of titles and its
    /// best-rated title (none when no title of it has a rating): the count is read from the list's rating index alone
    /// (no title row, no genre text), the best-rated title is its first entry.
    /// </summary>
    public Task<List<GenreCount>> GenreCountsAsync(CancellationToken cancellationToken) => db.Database.SqlQueryRaw<GenreCount>($"""
        {GenreKeys}
        SELECT g."Genre", {GenreNameSql} AS "Name",
            (SELECT CAST(COUNT(*) AS INTEGER) FROM "TitleListings" l WHERE l."Genre" = g."Genre") AS "Titles",
            (SELECT l."TitleId" FROM "TitleListings" l WHERE l."Genre" = g."Genre" AND l."RatingTenths" > {TitleListing.UnknownRating}
                ORDER BY l."RatingTenths" DESC, l."TitleId" DESC LIMIT 1) AS "BestRatedId"
        FROM g WHERE g."Genre" IS NOT NULL
        """).ToListAsync(cancellationToken);

    public sealed record GenreCount(string Genre, string Name, int Titles, int? BestRatedId);

    /// <summary>The genre keys that have titles, as a recursive query <c>g("Genre")</c> that seeks the next key from the last.</summary>
    private const string GenreKeys = """
        WITH RECURSIVE g("Genre") AS (
            SELECT MIN("Genre") FROM "TitleListings" WHERE "Genre" > ''
            UNION ALL
            SELECT (SELECT MIN(l."Genre") FROM "TitleListings" l WHERE l."Genre" > g."Genre") FROM g WHERE g."Genre" IS NOT NULL
        )
        """;

    private const string GenreNameSql = """(SELECT l."GenreName" FROM "TitleListings" l WHERE l."Genre" = g."Genre" LIMIT 1)""";

    /// <summary>
    /// The years from <paramref name="from"/> to <paramref name="to"/> that have titles, for a decade's links to
    /// its years: one index seek a year (a loose index scan, as the front page finds its genres), not a read of
    /// every title of the decade.
    /// </summary>
    public Task<List<int>> YearsAsync(int from, int to, CancellationToken cancellationToken) => db.Database.SqlQueryRaw<int>($"""
        {YearKeys}
        SELECT y."Year" AS "Value" FROM y WHERE y."Year" IS NOT NULL
        """, from, to).ToListAsync(cancellationToken);

    /// <summary>
    /// The years from <paramref name="from"/> to <paramref name="to"/> that have titles, as <see cref="YearsAsync"/> finds
    /// them, each with its number of titles: counted in the list of every title's year index, one range a year.
    /// </summary>
    public Task<List<YearCount>> YearCountsAsync(int from, int to, CancellationToken cancellationToken) => db.Database.SqlQueryRaw<YearCount>($"""
        {YearKeys}
        SELECT y."Year", (SELECT CAST(COUNT(*) AS INTEGER) FROM "TitleListings" l WHERE l."Genre" = '' AND l."Year" = y."Year") AS "Titles"
        FROM y WHERE y."Year" IS NOT NULL
        """, from, to).ToListAsync(cancellationToken);

    public sealed record YearCount(int Year, int Titles);

    /// <summary>
    /// The decades that have titles (1990 for the 1990s), oldest first: one index seek a decade, from each decade's
    /// first year to the next decade's, so that no link leads to an empty decade's 404.
    /// </summary>
    public Task<List<int>> DecadesAsync(CancellationToken cancellationToken) => db.Database.SqlQueryRaw<int>("""
        WITH RECURSIVE d("Year") AS (
            SELECT MIN("Year") FROM "TitleListings" WHERE "Genre" = '' AND "Year" >= {0} AND "Year" <= {1}
            UNION ALL
            SELECT (SELECT MIN(l."Year") FROM "TitleListings" l WHERE l."Genre" = '' AND l."Year" >= (d."Year" / 10 + 1) * 10 AND l."Year" <= {1})
            FROM d WHERE d."Year" IS NOT NULL
        )
        SELECT d."Year" / 10 * 10 AS "Value" FROM d WHERE d."Year" IS NOT NULL
        """, TitleListing.FirstListedYear, TitleListing.LastListedYear).ToListAsync(cancellationToken);

    /// <summary>The years from parameter {0} to {1} that have titles, as a recursive query <c>y("Year")</c> that seeks the next year from the last.</summary>
    private const string YearKeys = """
        WITH RECURSIVE y("Year") AS (
            SELECT MIN("Year") FROM "TitleListings" WHERE "Genre" = '' AND "Year" >= {0} AND "Year" <= {1}
            UNION ALL
            SELECT (SELECT MIN(l."Year") FROM "TitleListings" l WHERE l."Genre" = '' AND l."Year" > y."Year" AND l."Year" <= {1}) FROM y WHERE y."Year" IS NOT NULL
        )
        """;

    /// <summary>
    /// The nearest years before <paramref name="from"/> and after <paramref name="to"/> that have titles, for a year's or a
    /// decade's links to the next ones there are.
    /// </summary>
    public async Task<(int? Before, int? After)> NeighbourYearsAsync(int from, int to, CancellationToken cancellationToken)
    {
        var dated = db.TitleListings.AsNoTracking().Where(l => l.Genre == TitleListing.AllTitles && l.Year != TitleListing.UnknownYear);
        var before = await dated.Where(l => l.Year < from).MaxAsync(l => (int?)l.Year, cancellationToken);
        var after = await dated.Where(l => l.Year > to).MinAsync(l => (int?)l.Year, cancellationToken);
        return (before, after);
    }

    /// <summary>The titles of <paramref name="ids"/> as lists show them, in that order.</summary>
    public async Task<List<ListedTitle>> ListedAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var titles = await ByIdAsync(ids, cancellationToken);
        return [.. ids.Where(titles.ContainsKey).Select(id => titles[id])];
    }

    /// <summary>
    /// The titles of <paramref name="ids"/> that exist, as lists and search results show them, by id: one
    /// statement for the titles and one for their genres (the lists' names for them, A-Z), sent together.
    /// </summary>
    public async Task<Dictionary<int, ListedTitle>> ByIdAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return [];

        var sql = ModelSql.Of(db);
        var (titles, listings) = (sql.Of<Title>(), sql.Of<TitleListing>());
        string T(string property) => "t." + titles[property].Name;
        string L(string property) => "l." + listings[property].Name;
        return await db.Database.ReadAsync(
            factory =>
            {
                var text = new StatementText(factory).Append(
                    $"SELECT {T(nameof(Title.Id))}, {T(nameof(Title.Slug))}, {T(nameof(Title.Name))}, {T(nameof(Title.Year))}, {T(nameof(Title.IsCardOnly))}, " +
                    $"{T(nameof(Title.Rating))}, {T(nameof(Title.RatingVotes))}, {T(nameof(Title.ReviewCount))}, " +
                    $"{T(nameof(Title.Kind))}, {T(nameof(Title.EndYear))}, {T(nameof(Title.IsOpenRun))} FROM {titles.Name} t WHERE {T(nameof(Title.Id))} IN ");
                var list = text.List(ids);
                return text.Append(
                    $"; SELECT {L(nameof(TitleListing.TitleId))}, {L(nameof(TitleListing.GenreName))} FROM {listings.Name} l " +
                    $"WHERE {L(nameof(TitleListing.TitleId))} IN {list} AND {L(nameof(TitleListing.Genre))} <> ").Value(TitleListing.AllTitles).ToStatement();
            },
            async (reader, token) =>
            {
                var rows = new List<(int Id, ListedTitle Title)>(ids.Count);
                while (await reader.ReadAsync(token))
                {
                    rows.Add((reader.GetInt32(0), new ListedTitle(
                        reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetBoolean(4),
                        reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetInt32(7), [])
                    {
                        Kind = reader.IsDBNull(8) ? null : (TitleKind)reader.GetInt32(8),
                        EndYear = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                        IsOpenRun = reader.GetBoolean(10),
                    }));
                }

                var genres = new Dictionary<int, List<string>>();
                await reader.NextResultAsync(token);
                while (await reader.ReadAsync(token))
                {
                    var id = reader.GetInt32(0);
                    (genres.TryGetValue(id, out var names) ? names : genres[id] = []).Add(reader.GetString(1));
                }

                return rows.ToDictionary(r => r.Id, r => r.Title with
                {
                    Genres = genres.TryGetValue(r.Id, out var names) ? [.. names.Order(StringComparer.Ordinal)] : [],
                });
            },
            cancellationToken);
    }

    /// <summary>The list's row of the title a cursor names, or null when it names none in this list.</summary>
    private async Task<TitleListing?> CursorAsync(string genre, string? slug, CancellationToken cancellationToken)
    {
        if (!Slug.IsWellFormed(slug))
            return null;
        return await db.TitleListings.AsNoTracking()
            .Where(l => l.Genre == genre && l.TitleId == db.Titles.Where(t => t.Slug == slug).Select(t => t.Id).FirstOrDefault())
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> AnyBeforeAsync(IQueryable<TitleListing> rows, ListSort sort, int firstId, CancellationToken cancellationToken)
    {
        var first = await rows.FirstOrDefaultAsync(l => l.TitleId == firstId, cancellationToken);
        return first is not null && await Keyset(rows, sort, first, backwards: true, from: null).AnyAsync(cancellationToken);
    }

    /// <summary>The rows after the cursor in the list's order, or before it; the index's range does the work (a &lt;= b AND (a &lt; b OR ...)).</summary>
    private static IQueryable<TitleListing> Keyset(IQueryable<TitleListing> rows, ListSort sort, TitleListing? c, bool backwards, string? from)
    {
        if (c is null)
            return sort == ListSort.Title && from is { Length: > 0 } ? rows.Where(l => string.Compare(l.Folded, from) >= 0) : rows;

        return (sort, backwards) switch
        {
            (ListSort.Rating, false) => rows.Where(l => l.RatingTenths <= c.RatingTenths && (l.RatingTenths < c.RatingTenths || l.TitleId < c.TitleId)),
            (ListSort.Rating, true) => rows.Where(l => l.RatingTenths >= c.RatingTenths && (l.RatingTenths > c.RatingTenths || l.TitleId > c.TitleId)),
            (ListSort.Year, false) => rows.Where(l => l.Year <= c.Year && (l.Year < c.Year
                || (l.RatingTenths <= c.RatingTenths && (l.RatingTenths < c.RatingTenths || l.TitleId < c.TitleId)))),
            (ListSort.Year, true) => rows.Where(l => l.Year >= c.Year && (l.Year > c.Year
                || (l.RatingTenths >= c.RatingTenths && (l.RatingTenths > c.RatingTenths || l.TitleId > c.TitleId)))),
            (ListSort.Title, false) => rows.Where(l => string.Compare(l.Folded, c.Folded) >= 0 && (string.Compare(l.Folded, c.Folded) > 0 || l.TitleId > c.TitleId)),
            (ListSort.Title, true) => rows.Where(l => string.Compare(l.Folded, c.Folded) <= 0 && (string.Compare(l.Folded, c.Folded) < 0 || l.TitleId < c.TitleId)),
            (ListSort.Reviews, false) => rows.Where(l => l.ReviewCount <= c.ReviewCount && (l.ReviewCount < c.ReviewCount || l.TitleId < c.TitleId)),
            (ListSort.Reviews, true) => rows.Where(l => l.ReviewCount >= c.ReviewCount && (l.ReviewCount > c.ReviewCount || l.TitleId > c.TitleId)),
            _ => rows,
        };
    }

    /// <summary>The list's order (ratings, years and counts descending, names ascending), or its reverse.</summary>
    private static IQueryable<TitleListing> Ordered(IQueryable<TitleListing> rows, ListSort sort, bool backwards) => (sort, backwards) switch
    {
        (ListSort.Rating, false) => rows.OrderByDescending(l => l.RatingTenths).ThenByDescending(l => l.TitleId),
        (ListSort.Rating, true) => rows.OrderBy(l => l.RatingTenths).ThenBy(l => l.TitleId),
        (ListSort.Year, false) => rows.OrderByDescending(l => l.Year).ThenByDescending(l => l.RatingTenths).ThenByDescending(l => l.TitleId),
        (ListSort.Year, true) => rows.OrderBy(l => l.Year).ThenBy(l => l.RatingTenths).ThenBy(l => l.TitleId),
        (ListSort.Title, false) => rows.OrderBy(l => l.Folded).ThenBy(l => l.TitleId),
        (ListSort.Title, true) => rows.OrderByDescending(l => l.Folded).ThenByDescending(l => l.TitleId),
        (ListSort.Reviews, false) => rows.OrderByDescending(l => l.ReviewCount).ThenByDescending(l => l.TitleId),
        (ListSort.Reviews, true) => rows.OrderBy(l => l.ReviewCount).ThenBy(l => l.TitleId),
        _ => rows,
    };
}
