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
    /// <summary>Nothing to put in order: autovacuum merges the GIN indexes' pending entries.</summary>
    public Task TidyAsync(CatalogDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

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

        /// <summary>
        /// One statement for all the rows: <c>INSERT ... SELECT * FROM unnest(@c0, @c1, ...)</c>, a typed
        /// array per column, so its text is the same whatever the number of rows and the server parses
        /// few parameters. A table with a column that is itself an array (unnest would flatten it) gets
        /// multi-row VALUES instead, 64 rows a statement.
        /// </summary>
        public void Insert(ModelSql.Table table, IReadOnlyList<object> rows, bool skipExisting)
        {
            var conflict = skipExisting ? " ON CONFLICT DO NOTHING" : "";
            if (table.Inserted.Any(c => c.Mapping.ElementTypeMapping is not null))
            {
                foreach (var (start, count) in ModelSql.Chunks(rows.Count, 64))
                    Execute(table.ValuesInsert(count, skipExisting), table.ValuesParameters(ParameterFactory, rows, start, count));
                return;
            }

            var parameters = new DbParameter[table.Inserted.Count];
            for (var c = 0; c < parameters.Length; c++)
            {
                var column = table.Inserted[c];
                var type = column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
                if (type.IsValueType && column.Property.IsNullable)
                    type = typeof(Nullable<>).MakeGenericType(type);
                var values = Array.CreateInstance(type, rows.Count);
                for (var r = 0; r < rows.Count; r++)
                    values.SetValue(column.ProviderValueOf(rows[r]), r);
                parameters[c] = new NpgsqlParameter($"c{c}", values);
            }

            _held.Add(Command(
                $"INSERT INTO {table.Name} {table.InsertedList} SELECT * FROM unnest({string.Join(", ", parameters.Select(p => "@" + p.ParameterName))}){conflict}",
                parameters));
        }

        public async Task QueryAsync(IReadOnlyList<ImportQuery> queries)
        {
            await using var batch = Send(queries.Select(q => Command(q.Sql, q.Parameters)));
            await using var reader = await batch.ExecuteReaderAsync();
            var next = 0;
            do
            {
                // The held writes have no result columns; each query has, even when it finds no row.
                if (reader.FieldCount == 0)
                    continue;
                var query = queries[next++];
                while (await reader.ReadAsync())
                    query.ReadRow(reader);
            }
            while (await reader.NextResultAsync());
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
            await using var batch = Send([]);
            await batch.ExecuteNonQueryAsync();
        }

        /// <summary>A batch of the held writes, then <paramref name="queries"/>; the writes are no longer held whatever becomes of it.</summary>
        private NpgsqlBatch Send(IEnumerable<NpgsqlBatchCommand> queries)
        {
            var batch = new NpgsqlBatch(connection, transaction);
            foreach (var command in _held.Concat(queries))
                batch.BatchCommands.Add(command);
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
