using System.Data.Common;
using FilmCatalog.Web.Search;

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
    /// <summary>
    /// Sent with each search statement, in the same round trip: plan it for the query's own values. Kept prepared
    /// (<see cref="PostgresCatalog.WithPreparedStatements"/>), it would get one plan for any query after five runs,
    /// which read every name in popularity order for a prefix that begins few names (<c>bus</c>: 3x slower) and a
    /// bitmap of every name holding a word so begun for a prefix that begins many.
    /// </summary>
    private const string PlannedForItsValues = "SET plan_cache_mode = force_custom_plan; ";

    private const string PlannedAsBefore = "; RESET plan_cache_mode";

    public Statement TitleNames(DbCommand factory, NameSearch search)
    {
        const string Columns = """SELECT "Key", "TitleId", "Variant", "Name", "Qualifier", "Folded" FROM "TitleNames" WHERE """;
        var sql = new StatementText(factory).Append(PlannedForItsValues).Append("(").Append(Columns).Append("\"Folded\" = ").Value(search.Phrase);
        if (search.Year is { } year)
            sql.Append(""" AND "Year" = """).Value(year);
        sql.Append(""" ORDER BY "Key" LIMIT """).Value(search.ExactLimit).Append(")");
        foreach (var (query, limit) in search.Matches)
        {
            sql.Append(" UNION (").Append(Columns);
            Match(sql, query);
            if (query.Year is { } y)
                sql.Append(""" AND "Year" = """).Value(y);
            sql.Append(""" ORDER BY "Key" LIMIT """).Value(limit).Append(")");
        }

        return sql.Append(PlannedAsBefore).ToStatement();
    }

    public Statement PersonNames(DbCommand factory, NameSearch search)
    {
        const string Columns = """SELECT "Key", "PersonId", "Folded", "Slug", "Roles", "KnownForTitleId" FROM "PersonNames" WHERE """;
        var sql = new StatementText(factory).Append(PlannedForItsValues).Append("(").Append(Columns).Append("\"Folded\" = ").Value(search.Phrase)
            .Append(""" ORDER BY "Key" LIMIT """).Value(search.ExactLimit).Append(")");
        foreach (var (query, limit) in search.Matches)
        {
            sql.Append(" UNION (").Append(Columns);
            Match(sql, query);
            sql.Append(""" ORDER BY "Key" LIMIT """).Value(limit).Append(")");
        }

        return sql.Append(PlannedAsBefore).ToStatement();
    }

    /// <summary>
    /// A name that begins with the words in order, the last one begun (a <c>LIKE</c> range of the B-tree); or one
    /// holding every word begun, anywhere (a <c>tsquery</c> of prefixes over the GIN index).
    /// </summary>
    private static void Match(StatementText sql, NameQuery query)
    {
        if (query.FromStart)
            sql.Append("\"Folded\" LIKE ").Value(string.Join(' ', query.Words) + "%");
        else
            sql.Append("to_tsvector('simple', \"Folded\") @@ to_tsquery('simple', ").Value(string.Join(" & ", query.Words.Select(w => w + ":*"))).Append(")");
    }
}
