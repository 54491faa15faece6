using System.Text;
using FilmCatalog.Web.Search;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Sqlite;

/// <summary>
/// Search on SQLite: an FTS5 query over <c>TitleNamesFts</c> or <c>PersonNamesFts</c> (created by the
/// migration <c>AddSearch</c>), read in rowid order, which is the name rows' popularity key, and cut
/// at the limit: FTS5 walks its doclists in rowid order and stops there. The name rows of the rowids
/// found are then read by their key.
/// </summary>
/// <remarks>
/// Every word goes into the MATCH expression as a quoted string with a prefix star (<c>"bus"*</c>),
/// so nothing a visitor types is read as FTS5 syntax: the words come from <see cref="Catalog.TextFold"/>
/// and hold only letters and digits anyway, and a quote would be doubled.
/// </remarks>
public sealed class SqliteSearchIndex : ISearchIndex
{
    public IQueryable<TitleName> TitleNames(CatalogDbContext db, NameQuery query, int limit)
    {
        var match = new StringBuilder("\"Folded\" : ").Append(Words(query));
        if (query.Year is { } year)
            match.Append(" AND \"Year\" : \"").Append(year).Append('"');
        var text = match.ToString();
        return db.TitleNames.FromSql(
            $"""SELECT n.* FROM (SELECT rowid AS "Key" FROM "TitleNamesFts" WHERE "TitleNamesFts" MATCH {text} ORDER BY rowid LIMIT {limit}) f JOIN "TitleNames" n ON n."Key" = f."Key" """);
    }

    public IQueryable<PersonName> PersonNames(CatalogDbContext db, NameQuery query, int limit)
    {
        var text = Words(query);
        return db.PersonNames.FromSql(
            $"""SELECT n.* FROM (SELECT rowid AS "Key" FROM "PersonNamesFts" WHERE "PersonNamesFts" MATCH {text} ORDER BY rowid LIMIT {limit}) f JOIN "PersonNames" n ON n."Key" = f."Key" """);
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
