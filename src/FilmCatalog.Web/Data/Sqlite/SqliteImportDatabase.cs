using System.Data.Common;
using System.Globalization;
using FilmCatalog.Web.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FilmCatalog.Web.Data.Sqlite;

/// <summary>
/// Import batches on SQLite: one write transaction through the <see cref="SqliteWriteGate"/>, each
/// statement run at once on the in-process connection and kept prepared for the batch (the same few
/// statements are run for every file), each file in a SAVEPOINT.
/// </summary>
public sealed class SqliteImportDatabase(SqliteWriteGate gate) : IImportDatabase
{
    /// <summary>Index pages of Titles, People and Reviews are read again by every file: keep them (64 MB; the default is 2 MB).</summary>
    private const int ImportCacheKibibytes = 64 * 1024;

    public async Task<IImportTransaction> BeginAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var turn = await gate.EnterAsync(db, cancellationToken);
        try
        {
            return new Transaction(turn, (SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)turn.Transaction.GetDbTransaction());
        }
        catch
        {
            await turn.DisposeAsync();
            throw;
        }
    }

    /// <summary>Pages of merged index written per write turn: a turn holds the write lock for tens of milliseconds.</summary>
    private const int MergePagesPerTurn = 200;

    public async Task TidyAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        foreach (var index in (string[])["TitleNamesFts", "PersonNamesFts"])
        {
            // A negative page count lets FTS5 merge segments of every level, so repeated merges end in
            // one segment; a merge that changed fewer than two rows found nothing left to merge.
            var merge = $"""INSERT INTO "{index}"("{index}", rank) VALUES('merge', -{MergePagesPerTurn})""";
            long changed;
            do
            {
                await using var turn = await gate.EnterAsync(db, cancellationToken);
                var before = await TotalChangesAsync(db, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(merge, cancellationToken);
                changed = await TotalChangesAsync(db, cancellationToken) - before;
                await turn.CommitAsync(cancellationToken);
            }
            while (changed >= 2);
        }
    }

    private static Task<long> TotalChangesAsync(CatalogDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<long>("""SELECT total_changes() AS "Value" """).SingleAsync(cancellationToken);

    private sealed class Transaction : IImportTransaction
    {
        private const string FileSavepoint = "import_file";

        private readonly WriteTurn _turn;
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
        private readonly long _ownCacheSize;

        public Transaction(WriteTurn turn, SqliteConnection connection, SqliteTransaction transaction)
        {
            (_turn, _connection, _transaction) = (turn, connection, transaction);
            ParameterFactory = connection.CreateCommand();
            _ownCacheSize = (long)Command("PRAGMA cache_size", []).ExecuteScalar()!;
            SetCacheSize(-(long)ImportCacheKibibytes);
        }

        public DbCommand ParameterFactory { get; }

        /// <summary>The transaction holds SQLite's one write lock already: nobody else writes a row meanwhile.</summary>
        public string LockRowsRead => "";

        public void Execute(string sql, IReadOnlyList<DbParameter> parameters) => Command(sql, parameters).ExecuteNonQuery();

        /// <summary>
        /// One prepared one-row statement, re-bound for every row: in-process, that costs microseconds,
        /// and SQLite finds each named parameter by a linear search, so one statement of many rows would
        /// cost time quadratic in its size.
        /// </summary>
        public void Insert(ModelSql.Table table, IReadOnlyList<object> rows, bool skipExisting)
        {
            var sql = table.ValuesInsert(1, skipExisting);
            for (var row = 0; row < rows.Count; row++)
                Command(sql, table.ValuesParameters(ParameterFactory, rows, row, 1)).ExecuteNonQuery();
        }

        public Task QueryAsync(IReadOnlyList<ImportQuery> queries)
        {
            foreach (var query in queries)
            {
                using var reader = Command(query.Sql, query.Parameters).ExecuteReader();
                while (reader.Read())
                    query.ReadRow(reader);
            }

            return Task.CompletedTask;
        }

        public void BeginFile() => _transaction.Save(FileSavepoint);

        public Task EndFileAsync()
        {
            _transaction.Release(FileSavepoint);
            return Task.CompletedTask;
        }

        public Task RollbackFileAsync()
        {
            _transaction.Rollback(FileSavepoint);
            _transaction.Release(FileSavepoint);
            return Task.CompletedTask;
        }

        public Task CommitAsync() => _turn.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            try
            {
                foreach (var command in _prepared.Values)
                    command.Dispose();
                ParameterFactory.Dispose();
                if (_connection.State == System.Data.ConnectionState.Open)
                    SetCacheSize(_ownCacheSize);
            }
            finally
            {
                await _turn.DisposeAsync();
            }
        }

        private void SetCacheSize(long size) =>
            Command(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}"), []).ExecuteNonQuery();

        /// <summary>The statement for <paramref name="sql"/>, prepared once per batch, bound to these parameters.</summary>
        private SqliteCommand Command(string sql, IReadOnlyList<DbParameter> parameters)
        {
            if (!_prepared.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                command.Prepare();
                _prepared[sql] = command;
            }

            // After the commit (restoring the cache size) the statement runs outside any transaction.
            command.Transaction = _transaction.Connection is null ? null : _transaction;

            command.Parameters.Clear();
            foreach (var parameter in parameters)
                command.Parameters.Add(parameter);
            return command;
        }
    }
}
