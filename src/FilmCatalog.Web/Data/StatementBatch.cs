using System.Data.Common;

namespace FilmCatalog.Web.Data;

/// <summary>A statement and its parameters, for <see cref="StatementBatch"/>.</summary>
public sealed record Statement(string Sql, IReadOnlyList<DbParameter> Parameters);

/// <summary>
/// Runs statements in order inside a transaction: as one batch (one round trip) where the provider
/// sends batches (PostgreSQL), one after another where statements run in the process (SQLite).
/// </summary>
public static class StatementBatch
{
    /// <summary>Runs <paramref name="statements"/>; returns the rows of the one statement that returns rows, read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> RunAsync<T>(DbConnection connection, DbTransaction transaction, IReadOnlyList<Statement> statements, Func<DbDataReader, T> read)
    {
        var rows = new List<T>();
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var statement in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = statement.Sql;
                command.Parameters.AddRange(statement.Parameters.ToArray());
                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync();
            do
            {
                while (reader.FieldCount > 0 && await reader.ReadAsync())
                    rows.Add(read(reader));
            }
            while (await reader.NextResultAsync());
            return rows;
        }

        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement.Sql;
            command.Parameters.AddRange(statement.Parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (reader.FieldCount > 0 && await reader.ReadAsync())
                rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Runs <paramref name="statements"/>, none of which returns rows.</summary>
    public static Task RunAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Statement> statements) =>
        RunAsync<bool>(connection, transaction, statements, _ => true);
}
