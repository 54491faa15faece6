using System.Data.Common;
using System.Text;
using FilmCatalog.Web.Search;

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
/// and hold only letters and digits anyway, and a quote would be doubled. The expression is a parameter.
/// </remarks>
public sealed class SqliteSearchIndex : ISearchIndex
{
    public Statement TitleNames(DbCommand factory, NameSearch search)
    {
        var sql = new StatementText(factory)
            .Append("""SELECT n."Key", n."TitleId", n."Variant", n."Name", n."Qualifier", n."Folded" FROM (SELECT k FROM (SELECT "Key" AS k FROM "TitleNames" WHERE "Folded" = """)
            .Value(search.Phrase);
        if (search.Year is { } year)
            sql.Append(""" AND "Year" = """).Value(year);
        sql.Append(""" ORDER BY "Key" LIMIT """).Value(search.ExactLimit).Append(")");
        foreach (var (query, limit) in search.Matches)
        {
            var match = new StringBuilder("\"Folded\" : ").Append(Words(query));
            if (query.Year is { } y)
                match.Append(" AND \"Year\" : \"").Append(y).Append('"');
            sql.Append(""" UNION SELECT k FROM (SELECT rowid AS k FROM "TitleNamesFts" WHERE "TitleNamesFts" MATCH """).Value(match.ToString())
                .Append(" ORDER BY rowid LIMIT ").Value(limit).Append(")");
        }

        return sql.Append(""") u JOIN "TitleNames" n ON n."Key" = u.k""").ToStatement();
    }

    public Statement PersonNames(DbCommand factory, NameSearch search)
    {
        var sql = new StatementText(factory)
            .Append("""SELECT n."Key", n."PersonId", n."Folded", n."Slug", n."Roles", n."KnownForTitleId" FROM (SELECT k FROM (SELECT "Key" AS k FROM "PersonNames" WHERE "Folded" = """)
            .Value(search.Phrase)
            .Append(""" ORDER BY "Key" LIMIT """).Value(search.ExactLimit).Append(")");
        foreach (var (query, limit) in search.Matches)
        {
            sql.Append(""" UNION SELECT k FROM (SELECT rowid AS k FROM "PersonNamesFts" WHERE "PersonNamesFts" MATCH """).Value(Words(query))
                .Append(" ORDER BY rowid LIMIT ").Value(limit).Append(")");
        }

        return sql.Append(""") u JOIN "PersonNames" n ON n."Key" = u.k""").ToStatement();
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
