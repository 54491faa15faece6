using System.Data.Common;
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
    /// The statement that reads the title names equal to the phrase (at most <see cref="NameSearch.ExactLimit"/>,
    /// of the year when one is set) and those each of <see cref="NameSearch.Matches"/> finds (at most its limit,
    /// most popular first, as <see cref="TitleName.Key"/> orders them), each name once. Its columns:
    /// <c>Key, TitleId, Variant, Name, Qualifier, Folded</c>.
    /// </summary>
    /// <remarks>
    /// Written as SQL, not composed in LINQ: EF Core makes a statement over <c>FromSql</c> again on every
    /// execution (its command cache cannot keep one), which was a fifth of the CPU of a search that found nothing.
    /// The provider unites the kinds of match its own way: SQLite unites keys (FTS5 gives rowids) and reads each
    /// name by its key; PostgreSQL unites rows, since its planner read keys joined back to their table as a hash
    /// over every name row (it guessed a few hundred index lookups dearer than one scan).
    /// </remarks>
    Statement TitleNames(DbCommand factory, NameSearch search);

    /// <summary>The person names, as <see cref="TitleNames"/> (no year). Its columns: <c>Key, PersonId, Folded, Slug, Roles, KnownForTitleId</c>.</summary>
    Statement PersonNames(DbCommand factory, NameSearch search);
}

/// <summary>
/// What to find: names holding a word that begins with each of <see cref="Words"/> (folded, in any
/// order), or with <see cref="FromStart"/>, names whose first words are <see cref="Words"/> in order
/// (the last one begun); for titles, only those of <see cref="Year"/> when it is set.
/// </summary>
public sealed record NameQuery(IReadOnlyList<string> Words, bool FromStart, int? Year = null);

/// <summary>
/// The names to read for a query: those equal to <see cref="Phrase"/> (the query's words folded, in order;
/// of <see cref="Year"/> when it is set), at most <see cref="ExactLimit"/>, and those each of
/// <see cref="Matches"/> finds, at most its limit each.
/// </summary>
public sealed record NameSearch(string Phrase, int? Year, int ExactLimit, IReadOnlyList<(NameQuery Query, int Limit)> Matches);
