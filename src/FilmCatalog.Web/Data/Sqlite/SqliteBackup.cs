using Microsoft.Data.Sqlite;

namespace FilmCatalog.Web.Data.Sqlite;

/// <summary>
/// A consistent copy of the live catalog, taken while the site serves traffic. SQLite's
/// <c>VACUUM INTO</c> reads the database in one read transaction, so the copy is the catalog as of
/// one moment, with every committed write before it and none after; under WAL it does not block
/// the site's writers. The copy is written beside its final name and renamed when complete, so a
/// backup file that exists is a whole one.
/// </summary>
public sealed class SqliteBackup(CatalogSettings settings, TimeProvider clock) : ICatalogBackup
{
    public async Task<int> RunAsync(string? target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        target = target is null ? DefaultPath(settings.DataFolder, clock.GetUtcNow().UtcDateTime) : Path.GetFullPath(target);
        try
        {
            await WriteAsync(settings.ConnectionString, target, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            await error.WriteLineAsync($"backup: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"backup written to {target}");
        return 0;
    }

    /// <summary><c>backups/catalog-YYYYMMDD-HHMMSS.db</c> under the data folder, in UTC.</summary>
    public static string DefaultPath(string dataFolder, DateTime utcNow) =>
        Path.Combine(dataFolder, "backups", $"catalog-{utcNow:yyyyMMdd-HHmmss}.db");

    public static async Task WriteAsync(string connectionString, string target, CancellationToken cancellationToken = default)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(source.DataSource))
            throw new FileNotFoundException($"there is no catalog at {source.DataSource}", source.DataSource);
        if (File.Exists(target))
            throw new IOException($"{target} already exists; a backup never overwrites a file");

        // A backup holds what the catalog holds, moderators' authenticator keys and recovery codes among it:
        // readable by its owner only, whatever the umask (0022 made every backup world-readable).
        var unix = !OperatingSystem.IsWindows();
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        if (unix)
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        else
            Directory.CreateDirectory(folder);
        var partial = target + ".partial";
        File.Delete(partial);
        if (unix)
        {
            // VACUUM INTO writes into an empty file that exists, keeping its mode.
            File.Create(partial).Dispose();
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            await using (var connection = new SqliteConnection(source.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout = 10000; VACUUM INTO $target;";
                command.Parameters.AddWithValue("$target", partial);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            File.Move(partial, target);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
