namespace FilmCatalog.Web.Data;

/// <summary>
/// Brings the database to the model: the provider's own migrations, then whatever that database
/// needs set once (SQLite's journal mode). Run at start-up and before a command-line import.
/// </summary>
public interface ICatalogSchema
{
    Task MigrateAsync(CatalogDbContext db, CancellationToken cancellationToken);
}
