using FilmCatalog.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Postgres;

/// <summary>
/// Search on PostgreSQL: a <c>tsvector</c> of each folded name, in a GIN index (created by the
/// migration <c>AddSearch</c>), matched by a <c>tsquery</c> of prefixes (<c>bus:* &amp; quin:*</c>);
/// a name that begins with the query is a range of the B-tree over the folded names (collation
/// "C", so <c>LIKE 'a b%'</c> is an index range). Matches are read in <c>Key</c> order, the name
/// rows' popularity, and cut at the limit, as on SQLite.
/// </summary>
/// <remarks>
/// The names and the query are folded by <see cref="Catalog.TextFold"/> before either database sees
/// them (accents, case, ł, ø, ß, other scripts), so the <c>simple</c> configuration (no stemming, no
/// stop words) is all the index needs, and <c>unaccent</c> would find nothing left to do; both
/// providers therefore find exactly the same rows. The words hold only ASCII letters and digits, so
/// nothing a visitor types can be read as <c>tsquery</c> or <c>LIKE</c> syntax.
/// </remarks>
public sealed class PostgresSearchIndex : ISearchIndex
{
    public IQueryable<TitleName> TitleNames(CatalogDbContext db, IQueryable<TitleName> exact, IEnumerable<(NameQuery Query, int Limit)> matches) =>
        matches.Aggregate(exact, (names, match) => names.Union(TitleNames(db, match.Query, match.Limit)));

    public IQueryable<PersonName> PersonNames(CatalogDbContext db, IQueryable<PersonName> exact, IEnumerable<(NameQuery Query, int Limit)> matches) =>
        matches.Aggregate(exact, (names, match) => names.Union(PersonNames(db, match.Query, match.Limit)));

    private static IQueryable<TitleName> TitleNames(CatalogDbContext db, NameQuery query, int limit)
    {
        var year = query.Year ?? 0;
        var text = MatchText(query);
        return (query.FromStart, query.Year is null) switch
        {
            (true, true) => db.TitleNames.FromSql($"""SELECT * FROM "TitleNames" WHERE "Folded" LIKE {text} ORDER BY "Key" LIMIT {limit}"""),
            (true, false) => db.TitleNames.FromSql($"""SELECT * FROM "TitleNames" WHERE "Folded" LIKE {text} AND "Year" = {year} ORDER BY "Key" LIMIT {limit}"""),
            (false, true) => db.TitleNames.FromSql($"""SELECT * FROM "TitleNames" WHERE to_tsvector('simple', "Folded") @@ to_tsquery('simple', {text}) ORDER BY "Key" LIMIT {limit}"""),
            (false, false) => db.TitleNames.FromSql($"""SELECT * FROM "TitleNames" WHERE to_tsvector('simple', "Folded") @@ to_tsquery('simple', {text}) AND "Year" = {year} ORDER BY "Key" LIMIT {limit}"""),
        };
    }

    private static IQueryable<PersonName> PersonNames(CatalogDbContext db, NameQuery query, int limit)
    {
        var text = MatchText(query);
        return query.FromStart
            ? db.PersonNames.FromSql($"""SELECT * FROM "PersonNames" WHERE "Folded" LIKE {text} ORDER BY "Key" LIMIT {limit}""")
            : db.PersonNames.FromSql($"""SELECT * FROM "PersonNames" WHERE to_tsvector('simple', "Folded") @@ to_tsquery('simple', {text}) ORDER BY "Key" LIMIT {limit}""");
    }

    /// <summary>The <c>LIKE</c> pattern of a name that begins with the words in order, the last one begun; or the <c>tsquery</c> of every word begun, anywhere.</summary>
    private static string MatchText(NameQuery query) => query.FromStart
        ? string.Join(' ', query.Words) + "%"
        : string.Join(" & ", query.Words.Select(w => w + ":*"));
}
