using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FilmCatalog.Web.Data;

/// <summary>
/// Runs a statement written as SQL (<see cref="StatementText"/>, names from <see cref="ModelSql"/>) on a
/// context's connection. For the small, hot statements of the finding pages: composed in LINQ with a list
/// of ids, EF Core makes the SQL again for every request (its command cache keeps no statement whose list
/// it expands), which cost more than running it (<c>perf</c>, docs/SEARCH.md).
/// </summary>
public static class StatementReading
{
    /// <summary>Runs the statement and hands its reader (every result set of it) to <paramref name="read"/>.</summary>
    public static async Task<T> ReadAsync<T>(this DatabaseFacade database, Func<DbCommand, Statement> statement,
        Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        // Opened and closed by EF Core's count: a caller holding the connection open keeps it open.
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            var (sql, parameters) = statement(command);
            command.CommandText = sql;
            command.Parameters.AddRange(parameters.ToArray());
            command.CommandTimeout = database.GetCommandTimeout() ?? command.CommandTimeout;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader, cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs the statement and reads each of its rows with <paramref name="row"/>.</summary>
    public static Task<List<T>> ReadRowsAsync<T>(this DatabaseFacade database, Func<DbCommand, Statement> statement,
        Func<DbDataReader, T> row, CancellationToken cancellationToken) =>
        database.ReadAsync(statement, async (reader, token) =>
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(token))
                rows.Add(row(reader));
            return rows;
        }, cancellationToken);
}
