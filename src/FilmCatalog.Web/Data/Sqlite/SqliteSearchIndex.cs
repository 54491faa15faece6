using System.Text;
using FilmCatalog.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Sqlite;

/// <summary>
/// Search on SQLite: an FTS5 query over <c>TitleNamesFts</c> or <c>PersonNamesFts</c> (created by the
/// migration <c>AddSearch</c>), read in rowid order, which is the name rows' popularity key, and cut
/// at the limit: FTS5 walks its doclists in rowid order and stops there. Only the rowids are read
/// there; the name rows are read once each, by key, after the keys of every kind of match are united.
/// </summary>
/// <remarks>
/// Every word goes into the MATCH expression as a quoted string with a prefix star (<c>"bus"*</c>),
/// so nothing a visitor types is read as FTS5 syntax: the words come from <see cref="Catalog.TextFold"/>
/// and hold only letters and digits anyway, and a quote would be doubled.
/// </remarks>
public sealed class SqliteSearchIndex : ISearchIndex
{
    public IQueryable<TitleName> TitleNames(CatalogDbContext db, IQueryable<TitleName> exact, IEnumerable<(NameQuery Query, int Limit)> matches)
    {
        var keys = exact.Select(n => n.Key);
        foreach (var (query, limit) in matches)
            keys = keys.Union(TitleKeys(db, query, limit));
        return from k in keys join n in db.TitleNames on k equals n.Key select n;
    }

    public IQueryable<PersonName> PersonNames(CatalogDbContext db, IQueryable<PersonName> exact, IEnumerable<(NameQuery Query, int Limit)> matches)
    {
        var keys = exact.Select(n => n.Key);
        foreach (var (query, limit) in matches)
            keys = keys.Union(PersonKeys(db, query, limit));
        return from k in keys join n in db.PersonNames on k equals n.Key select n;
    }

    private static IQueryable<long> TitleKeys(CatalogDbContext db, NameQuery query, int limit)
    {
        var match = new StringBuilder("\"Folded\" : ").Append(Words(query));
        if (query.Year is { } year)
            match.Append(" AND \"Year\" : \"").Append(year).Append('"');
        var text = match.ToString();
        return db.Database.SqlQuery<long>(
            $"""SELECT rowid AS "Value" FROM "TitleNamesFts" WHERE "TitleNamesFts" MATCH {text} ORDER BY rowid LIMIT {limit}""");
    }

    private static IQueryable<long> PersonKeys(CatalogDbContext db, NameQuery query, int limit)
    {
        var text = Words(query);
        return db.Database.SqlQuery<long>(
            $"""SELECT rowid AS "Value" FROM "PersonNamesFts" WHERE "PersonNamesFts" MATCH {text} ORDER BY rowid LIMIT {limit}""");
    }

    /// <summary><c>("a"* "b"*)</c>: every word begun, anywhere; or <c>^"a b"*</c>: the name begins with the words in order.</summary>
    private static string Words(NameQuery query)
    {
        if (query.FromStart)
            return "^" + Quoted(string.Join(' ', query.Words)) + "*";
        return "(" + string.Join(' ', query.Words.Select(w => Quoted(w) + "*")) + ")";
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
