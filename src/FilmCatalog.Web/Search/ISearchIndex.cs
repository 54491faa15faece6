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
    /// <summary>The title names that match, at most <paramref name="limit"/>, the most popular (lowest <see cref="TitleName.Key"/>) first.</summary>
    /// <remarks>
    /// Rows, not keys: united as keys and joined back to their table, the names were read on PostgreSQL by a
    /// hash join over every name row (its planner guessed a few hundred index lookups dearer than one scan).
    /// </remarks>
    IQueryable<TitleName> TitleNames(CatalogDbContext db, NameQuery query, int limit);

    /// <summary>The person names that match, at most <paramref name="limit"/>, the most popular (lowest <see cref="PersonName.Key"/>) first.</summary>
    IQueryable<PersonName> PersonNames(CatalogDbContext db, NameQuery query, int limit);
}

/// <summary>
/// What to find: names holding a word that begins with each of <see cref="Words"/> (folded, in any
/// order), or with <see cref="FromStart"/>, names whose first words are <see cref="Words"/> in order
/// (the last one begun); for titles, only those of <see cref="Year"/> when it is set.
/// </summary>
public sealed record NameQuery(IReadOnlyList<string> Words, bool FromStart, int? Year = null);
