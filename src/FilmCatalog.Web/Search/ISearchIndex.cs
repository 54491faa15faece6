using FilmCatalog.Web.Data;

namespace FilmCatalog.Web.Search;

/// <summary>
/// The provider-specific part of search: the names whose words begin with every word of a query,
/// read most popular first (in <see cref="TitleName.Key"/> or <see cref="PersonName.Key"/> order) and
/// cut at a limit, so a query that matches half the catalog costs what one matching a few does.
/// Everything else (reading the query, exact matches, ranking, what a result shows) is the same on
/// every provider (<see cref="CatalogSearch"/>), which unites these name rows with the exact matches'
/// in one statement.
/// </summary>
/// <remarks>
/// SQLite answers from FTS5 (<c>Data/Sqlite/SqliteSearchIndex</c>); PostgreSQL from a GIN index over
/// a <c>tsvector</c> of the folded names, with <c>pg_trgm</c> for names that start with the query
/// (<c>Data/Postgres/PostgresSearchIndex</c>). Both see the same folded names (<see cref="Catalog.TextFold"/>),
/// so both find the same rows.
/// </remarks>
public interface ISearchIndex
{
    /// <summary>
    /// The title names in <paramref name="exact"/> (the names equal to the query, cut already) and those each of
    /// <paramref name="matches"/> finds (at most its limit, most popular first, as <see cref="TitleName.Key"/> orders
    /// them), each name once, as one query for <see cref="CatalogSearch"/> to compose.
    /// </summary>
    /// <remarks>
    /// The provider unites them: SQLite unites the keys and reads each name by its key once; PostgreSQL unites
    /// the rows, because its planner read keys joined back to their table as a hash over every name row (it
    /// guessed a few hundred index lookups dearer than one scan).
    /// </remarks>
    IQueryable<TitleName> TitleNames(CatalogDbContext db, IQueryable<TitleName> exact, IEnumerable<(NameQuery Query, int Limit)> matches);

    /// <summary>The person names in <paramref name="exact"/> and those each of <paramref name="matches"/> finds, each once, as <see cref="TitleNames"/>.</summary>
    IQueryable<PersonName> PersonNames(CatalogDbContext db, IQueryable<PersonName> exact, IEnumerable<(NameQuery Query, int Limit)> matches);
}

/// <summary>
/// What to find: names holding a word that begins with each of <see cref="Words"/> (folded, in any
/// order), or with <see cref="FromStart"/>, names whose first words are <see cref="Words"/> in order
/// (the last one begun); for titles, only those of <see cref="Year"/> when it is set.
/// </summary>
public sealed record NameQuery(IReadOnlyList<string> Words, bool FromStart, int? Year = null);
