using Microsoft.Data.Sqlite;

namespace FilmCatalog.Tests.Data;

/// <summary>
/// A start killed while it migrated the catalog never keeps the site from starting again. EF Core's
/// migration lock on SQLite is a row in the database (<c>__EFMigrationsLock</c>) that a dead process leaves
/// behind, and the next start waited for it forever, silently. PostgreSQL's is an advisory lock of the
/// session, which ends with the process: nothing is left to clear there.
/// </summary>
public sealed class MigrationLockTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-migration-lock-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task A_start_after_one_killed_while_migrating_starts_and_clears_the_lock_it_left()
    {
        using (var first = await SiteProcess.StartAsync(_dataFolder))
            await first.StopAsync();

        // What a start killed between taking EF Core's lock and releasing it leaves in the catalog.
        var database = $"Data Source={Path.Combine(_dataFolder, "catalog.db")};Pooling=false";
        await using (var connection = new SqliteConnection(database))
        {
            await connection.OpenAsync();
            await using var leave = connection.CreateCommand();
            leave.CommandText = """INSERT INTO "__EFMigrationsLock"("Id", "Timestamp") VALUES (1, '2026-11-29 13:26:38+00:00')""";
            await leave.ExecuteNonQueryAsync();
        }

        using var site = await SiteProcess.StartAsync(_dataFolder);

        Assert.Contains(site.Lines, line => line.Contains("Removed the migration lock a process left", StringComparison.Ordinal));
        await using var check = new SqliteConnection(database);
        await check.OpenAsync();
        await using var count = check.CreateCommand();
        count.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsLock" """;
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }
}
