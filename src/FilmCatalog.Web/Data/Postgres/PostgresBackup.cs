using Npgsql;

namespace FilmCatalog.Web.Data.Postgres;

/// <summary>
/// A PostgreSQL catalog is backed up with the server's own tool: <c>pg_dump</c> takes a consistent
/// snapshot while the site runs, and <c>pg_restore</c> puts it back. The command prints how, for
/// this catalog's server and database (never its password), and exits with 2: nothing was written.
/// </summary>
public sealed class PostgresBackup(CatalogSettings settings) : ICatalogBackup
{
    public const int NotWritten = 2;

    public async Task<int> RunAsync(string? target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var file = target ?? "catalog-$(date -u +%Y%m%d-%H%M%S).dump";
        await error.WriteLineAsync(
            "backup: the catalog is on PostgreSQL, which backs itself up: nothing was written. Use pg_dump, for example\n" +
            $"  pg_dump --format=custom --host={connection.Host} --port={connection.Port} --username={connection.Username} --file={file} {connection.Database}\n" +
            "and pg_restore --clean --dbname=... to restore (README: Running at scale).");
        return NotWritten;
    }
}
