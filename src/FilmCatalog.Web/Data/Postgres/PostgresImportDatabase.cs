using System.Data.Common;
using FilmCatalog.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FilmCatalog.Web.Data.Postgres;

/// <summary>
/// Import batches on PostgreSQL. A statement costs a round trip to the server, so writes are held
/// back and sent together, with the next read or when the file ends, as one <see cref="NpgsqlBatch"/>:
/// a file is a handful of round trips (the titles and people it names, the ids of new ones, its
/// imported reviews, then everything else) instead of one per row. The batch's transaction is taken
/// through the <see cref="PostgresWriteGate"/>, so imports, posts and reports from every instance
/// take turns; each file is a SAVEPOINT inside it.
/// </summary>
public sealed class PostgresImportDatabase(PostgresWriteGate gate) : IImportDatabase
{
    public async Task<IImportTransaction> BeginAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var turn = await gate.EnterAsync(db, cancellationToken);
        return new Transaction(turn, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)turn.Transaction.GetDbTransaction());
    }

    private sealed class Transaction(WriteTurn turn, NpgsqlConnection connection, NpgsqlTransaction transaction) : IImportTransaction
    {
        private const string FileSavepoint = "import_file";

        /// <summary>Writes not sent yet, in order.</summary>
        private readonly List<NpgsqlBatchCommand> _held = [];

        public DbCommand ParameterFactory { get; } = connection.CreateCommand();

        /// <summary>Rows the file rewrites are locked until the batch commits, so a vote cannot slip between the read and the write.</summary>
        public string LockRowsRead => " FOR UPDATE";

        public void Execute(string sql, IReadOnlyList<DbParameter> parameters) => _held.Add(Command(sql, parameters));

        public async Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<DbParameter> parameters, Func<DbDataReader, T> read)
        {
            var rows = new List<T>();
            await using var batch = Send(Command(sql, parameters));
            await using var reader = await batch.ExecuteReaderAsync();
            do
            {
                // The held writes have no result columns; only the query does.
                if (reader.FieldCount == 0)
                    continue;
                while (await reader.ReadAsync())
                    rows.Add(read(reader));
            }
            while (await reader.NextResultAsync());
            return rows;
        }

        public void BeginFile() => Execute($"SAVEPOINT {FileSavepoint}", []);

        public async Task EndFileAsync()
        {
            Execute($"RELEASE SAVEPOINT {FileSavepoint}", []);
            await FlushAsync();
        }

        public async Task RollbackFileAsync()
        {
            _held.Clear();
            Execute($"ROLLBACK TO SAVEPOINT {FileSavepoint}", []);
            Execute($"RELEASE SAVEPOINT {FileSavepoint}", []);
            await FlushAsync();
        }

        public async Task CommitAsync()
        {
            await FlushAsync();
            await turn.CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            _held.Clear();
            ParameterFactory.Dispose();
            await turn.DisposeAsync();
        }

        private async Task FlushAsync()
        {
            if (_held.Count == 0)
                return;
            await using var batch = Send(null);
            await batch.ExecuteNonQueryAsync();
        }

        /// <summary>A batch of the held writes (and <paramref name="last"/>), which are no longer held whatever becomes of it.</summary>
        private NpgsqlBatch Send(NpgsqlBatchCommand? last)
        {
            var batch = new NpgsqlBatch(connection, transaction);
            foreach (var command in _held)
                batch.BatchCommands.Add(command);
            if (last is not null)
                batch.BatchCommands.Add(last);
            _held.Clear();
            return batch;
        }

        private static NpgsqlBatchCommand Command(string sql, IReadOnlyList<DbParameter> parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var parameter in parameters)
                command.Parameters.Add((NpgsqlParameter)parameter);
            return command;
        }
    }
}
