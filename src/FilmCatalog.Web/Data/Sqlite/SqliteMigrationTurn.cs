using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Sqlite;

/// <summary>
/// One migrator at a time for a SQLite catalog, by a lock the operating system holds for the process
/// (<c>catalog.db-migrate.lock</c> beside the file), so a process that dies while migrating gives its turn up.
/// </summary>
/// <remarks>
/// EF Core's own migration lock on SQLite is a row in <c>__EFMigrationsLock</c>, written by the migrator and
/// deleted when it is done. A process that dies in between (killed at start, out of memory, a cancelled
/// start: dotnet/efcore#38958) leaves the row behind, and every later start waits for it forever, silently.
/// Every FilmCatalog process migrates inside this turn, so a row found by the holder of the turn is such a
/// leftover, and is removed.
/// </remarks>
public sealed class SqliteMigrationTurn : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _lock;

    private SqliteMigrationTurn(FileStream held) => _lock = held;

    public void Dispose() => _lock.Dispose();

    /// <summary>
    /// Waits until no other process migrates the catalog at <paramref name="databaseFile"/>, then clears a
    /// migration lock a dead process left in it. Null for a database that is no file (in memory).
    /// </summary>
    public static async Task<SqliteMigrationTurn?> TakeAsync(CatalogDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (source.DataSource is not { Length: > 0 } file || file == ":memory:" || source.Mode == SqliteOpenMode.Memory)
            return null;

        var path = Path.GetFullPath(file) + "-migrate.lock";
        var waited = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: the system releases it with the process.
                var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var turn = new SqliteMigrationTurn(held);
                try
                {
                    await ClearLeftoverLockAsync(db, logger, cancellationToken);
                }
                catch
                {
                    turn.Dispose();
                    throw;
                }

                return turn;
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!waited)
                    logger.LogInformation("Another process is migrating the catalog {File}; waiting for it to finish", file);
                waited = true;
                await Task.Delay(Poll, cancellationToken);
            }
        }
    }

    private static async Task ClearLeftoverLockAsync(CatalogDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var exists = await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'""")
            .SingleAsync(cancellationToken);
        if (exists == 0)
            return;
        var removed = await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsLock" """, cancellationToken);
        if (removed > 0)
            logger.LogWarning("Removed the migration lock a process left in the catalog when it stopped while migrating it");
    }
}
