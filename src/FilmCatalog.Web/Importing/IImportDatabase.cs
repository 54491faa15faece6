using System.Data.Common;
using FilmCatalog.Web.Data;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// How the importer's statements reach the database: the one provider-specific part of importing.
/// The statements are the same on every provider (<see cref="ModelSql"/> derives them from the EF
/// model); an implementation decides how a batch takes its turn to write and how statements travel.
/// SQLite (<c>Data/Sqlite/SqliteImportDatabase</c>) runs each at once on its in-process connection;
/// PostgreSQL (<c>Data/Postgres/PostgresImportDatabase</c>) holds writes back and sends them in one
/// round trip with the next read.
/// </summary>
/// <remarks>
/// Anything that must change in step with an import (a search index, say) writes through the same
/// <see cref="IImportTransaction"/>, so it commits or rolls back with the file.
/// </remarks>
public interface IImportDatabase
{
    /// <summary>Waits for the turn to write and begins the batch's transaction on <paramref name="db"/>'s connection.</summary>
    Task<IImportTransaction> BeginAsync(CatalogDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// After a run of imports, puts what the run wrote in order for reading, a short write turn at a
    /// time. SQLite merges its full-text indexes' segments: each batch adds small ones, and a search
    /// reads every segment (one merged index answered the bench's two-word search in a quarter of
    /// the time). PostgreSQL has nothing to do: autovacuum merges its GIN indexes' pending entries.
    /// </summary>
    Task TidyAsync(CatalogDbContext db, CancellationToken cancellationToken);
}

/// <summary>One import batch's write transaction; disposing it without <see cref="CommitAsync"/> rolls it back.</summary>
public interface IImportTransaction : IAsyncDisposable
{
    /// <summary>A command of this provider, for creating parameters through the model's type mappings.</summary>
    DbCommand ParameterFactory { get; }

    /// <summary>
    /// Appended to a SELECT whose rows the file is about to rewrite (" FOR UPDATE" where the database
    /// locks rows, "" where a write transaction already excludes every other writer).
    /// </summary>
    string LockRowsRead { get; }

    /// <summary>A write whose result nobody reads: it may travel with later statements, and its error surface there.</summary>
    void Execute(string sql, IReadOnlyList<DbParameter> parameters);

    /// <summary>
    /// Inserts rows of <paramref name="table"/> (entities of its type), as <see cref="Execute"/> does
    /// a write; with <paramref name="skipExisting"/>, a row a unique index already holds is left alone.
    /// The statements are the provider's: SQLite runs a prepared one-row INSERT per row, PostgreSQL
    /// sends one INSERT per table with an array per column.
    /// </summary>
    void Insert(ModelSql.Table table, IReadOnlyList<object> rows, bool skipExisting);

    /// <summary>Sends every write held back, then runs the queries in order, handing each row to its query's reader.</summary>
    Task QueryAsync(IReadOnlyList<ImportQuery> queries);

    /// <summary>Opens the savepoint a file is written in.</summary>
    void BeginFile();

    /// <summary>Sends what the file still holds back and releases its savepoint; throws (a <see cref="DbException"/>) if any of its writes failed.</summary>
    Task EndFileAsync();

    /// <summary>Undoes the file back to its savepoint; throws if the database already gave up the whole transaction.</summary>
    Task RollbackFileAsync();

    Task CommitAsync();
}

/// <summary>A SELECT of the importer's and what to do with each of its rows.</summary>
public sealed record ImportQuery(string Sql, IReadOnlyList<DbParameter> Parameters, Action<DbDataReader> ReadRow);
