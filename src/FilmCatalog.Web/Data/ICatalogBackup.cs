namespace FilmCatalog.Web.Data;

/// <summary>
/// The <c>backup [PATH]</c> command: a consistent copy of the live catalog. Each provider answers
/// in its own way (SQLite copies the file with <c>VACUUM INTO</c>; on PostgreSQL the tool is
/// <c>pg_dump</c>, and the command says so).
/// </summary>
public interface ICatalogBackup
{
    /// <summary>Writes the copy, or explains why not; returns the process's exit code.</summary>
    Task<int> RunAsync(string? target, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
