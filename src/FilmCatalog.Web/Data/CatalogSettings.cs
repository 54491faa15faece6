using Microsoft.Data.Sqlite;
using Npgsql;

namespace FilmCatalog.Web.Data;

/// <summary>Which database engine holds the catalog (<c>Catalog:Provider</c>).</summary>
public enum CatalogProvider
{
    /// <summary>An embedded SQLite file: the default, with no server to run.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by any number of site instances.</summary>
    Postgres,
}

/// <summary>
/// Where the catalog lives, read once from configuration: the provider, its connection string
/// (a SQLite file path made absolute from the content root), and the data folder that holds what
/// the site keeps beside the database (logs, backups, and on SQLite the Data Protection keys).
/// </summary>
public sealed record CatalogSettings(CatalogProvider Provider, string ConnectionString, string DataFolder)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/catalog.db";

    /// <summary>
    /// How long a write of the site waits at most for its turn (<c>Catalog:WriteWaitSeconds</c>): in the
    /// process's queue and for SQLite's write lock, or for PostgreSQL's locks; then the visitor gets a 503.
    /// </summary>
    public TimeSpan WriteWait { get; init; } = TimeSpan.FromSeconds(Hosting.DatabaseBusy.DefaultWriteWaitSeconds);

    public static CatalogSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerName = configuration["Catalog:Provider"];
        CatalogProvider provider;
        if (string.IsNullOrWhiteSpace(providerName))
            provider = CatalogProvider.Sqlite;
        else if (!Enum.TryParse(providerName, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
            throw new Hosting.SiteConfigurationException($"Catalog:Provider is \"{providerName}\"; it must be Sqlite (the default) or Postgres.");

        var configured = configuration.GetConnectionString("Catalog");
        var dataFolder = configuration["Catalog:DataFolder"] is { Length: > 0 } folder ? Path.GetFullPath(folder, contentRoot) : null;
        if (provider == CatalogProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured) || configured == DefaultSqliteConnectionString)
                throw new Hosting.SiteConfigurationException(
                    "Catalog:Provider is Postgres but ConnectionStrings:Catalog is not a PostgreSQL connection string " +
                    "(e.g. \"Host=db.example;Database=filmcatalog;Username=filmcatalog;Password=...\").");
            Readable("PostgreSQL", () => new NpgsqlConnectionStringBuilder(configured));
            return new CatalogSettings(provider, configured, dataFolder ?? Path.Combine(contentRoot, "data")) { WriteWait = WriteWaitOf(configuration) };
        }

        var sqlite = Readable("SQLite", () => new SqliteConnectionStringBuilder(configured ?? DefaultSqliteConnectionString));
        if (sqlite.DataSource is { Length: > 0 } source && source != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
            sqlite.DataSource = Path.GetFullPath(source, contentRoot);
        var fileFolder = Path.GetDirectoryName(sqlite.DataSource) is { Length: > 0 } f ? f : contentRoot;
        return new CatalogSettings(provider, sqlite.ToString(), dataFolder ?? fileFolder) { WriteWait = WriteWaitOf(configuration) };
    }

    /// <summary>
    /// The connection string read by its provider's builder, or the operator told which setting is wrong: the
    /// builders' messages name the keyword or the place in the string, never a value (a password may be one).
    /// </summary>
    private static T Readable<T>(string provider, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException e)
        {
            throw new Hosting.SiteConfigurationException($"ConnectionStrings:Catalog is not a connection string {provider} can read: {e.Message}");
        }
    }

    private static TimeSpan WriteWaitOf(IConfiguration configuration) =>
        TimeSpan.FromSeconds(configuration.GetValue("Catalog:WriteWaitSeconds", Hosting.DatabaseBusy.DefaultWriteWaitSeconds));
}
