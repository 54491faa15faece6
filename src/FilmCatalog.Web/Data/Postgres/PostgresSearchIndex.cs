using FilmCatalog.Web.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
    public Task<List<TitleName>> TitlesAsync(CatalogDbContext db, NameQuery query, int limit, CancellationToken cancellationToken)
    {
        var (where, parameter) = Match(query);
        var sql = "SELECT * FROM \"TitleNames\" WHERE " + where + (query.Year is null ? "" : " AND \"Year\" = @year") + " ORDER BY \"Key\" LIMIT @limit";
        return db.TitleNames
            .FromSqlRaw(sql, parameter, new NpgsqlParameter<int>("year", query.Year ?? 0), new NpgsqlParameter<int>("limit", limit))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    public Task<List<PersonName>> PeopleAsync(CatalogDbContext db, NameQuery query, int limit, CancellationToken cancellationToken)
    {
        var (where, parameter) = Match(query);
        var sql = "SELECT * FROM \"PersonNames\" WHERE " + where + " ORDER BY \"Key\" LIMIT @limit";
        return db.PersonNames
            .FromSqlRaw(sql, parameter, new NpgsqlParameter<int>("limit", limit))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every word begun, anywhere in the name; or the name begins with the words in order, the last one begun.</summary>
    private static (string Where, NpgsqlParameter Parameter) Match(NameQuery query) => query.FromStart
        ? ("\"Folded\" LIKE @match", new NpgsqlParameter<string>("match", string.Join(' ', query.Words) + "%"))
        : ("to_tsvector('simple', \"Folded\") @@ to_tsquery('simple', @match)",
            new NpgsqlParameter<string>("match", string.Join(" & ", query.Words.Select(w => w + ":*"))));
}
