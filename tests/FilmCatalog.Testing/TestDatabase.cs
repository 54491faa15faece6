using FilmCatalog.Web.Data;
using FilmCatalog.Web.Data.Postgres;
using FilmCatalog.Web.Data.Sqlite;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FilmCatalog.Testing;

/// <summary>The database a <see cref="TestDatabase"/> is made on.</summary>
public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A migrated catalog of its own, without the web site, for importer and service tests: a SQLite
/// file in a temporary folder, or a fresh database on the run's PostgreSQL server (<see cref="TestServers"/>).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("filmcatalog-db-").FullName;
    private readonly PostgresDatabase? _postgres;

    /// <param name="migration">
    /// Migrate only up to the migration of this name ("InitialCatalog"), in the provider's own set: a
    /// catalog as an older version of the site left it.
    /// </param>
    public TestDatabase(TestProvider provider = TestProvider.Sqlite, string? migration = null)
    {
        Provider = provider;
        if (provider == TestProvider.Postgres)
            _postgres = TestServers.NewPostgresDatabase();
        Gate = provider == TestProvider.Postgres ? new PostgresWriteGate() : new SqliteWriteGate();
        using var db = NewDbContext();
        var target = migration is null ? null : db.Database.GetMigrations().Single(id => id.EndsWith("_" + migration, StringComparison.Ordinal));
        db.Database.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().Migrate(target);
    }

    public TestProvider Provider { get; }

    /// <summary><c>ConnectionStrings:Catalog</c> of a site on this database.</summary>
    public string ConnectionString => _postgres?.ConnectionString ?? $"Data Source={Path}";

    /// <summary>The SQLite file (SQLite only).</summary>
    public string Path => System.IO.Path.Combine(_folder, "catalog.db");

    public IWriteGate Gate { get; }

    /// <summary>Page evictions go nowhere: there is no site and no cache here.</summary>
    public PageCache Pages { get; } = new(new NoOutputCache(), new CacheGeneration());

    public CatalogDbContext NewDbContext() => Provider == TestProvider.Postgres
        ? new PostgresCatalogDbContext(new DbContextOptionsBuilder<PostgresCatalogDbContext>().UseNpgsql(_postgres!.ConnectionString).Options)
        : new SqliteCatalogDbContext(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>An importer with its own context; dispose the context through the returned scope.</summary>
    public (CatalogImporter Importer, CatalogDbContext Db) NewImporter(TimeProvider? clock = null)
    {
        var db = NewDbContext();
        IImportDatabase writes = Gate is PostgresWriteGate postgres ? new PostgresImportDatabase(postgres) : new SqliteImportDatabase((SqliteWriteGate)Gate);
        return (new CatalogImporter(db, writes, Pages, clock ?? TimeProvider.System, NullLogger<CatalogImporter>.Instance), db);
    }

    /// <summary>Runs SQL on the database directly, for arranging what the site's code cannot.</summary>
    public void Execute(string sql)
    {
        using var db = NewDbContext();
        db.Database.ExecuteSqlRaw(sql);
    }

    /// <summary>Makes the database refuse to store a review with this headline, so a file fails halfway through its writes.</summary>
    public void RefuseReviewsHeaded(string headline) => Execute(Provider == TestProvider.Postgres
        ? $$"""
            CREATE FUNCTION refuse_review() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW."Headline" = '{{headline}}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_review BEFORE INSERT ON "Reviews" FOR EACH ROW EXECUTE FUNCTION refuse_review();
            """
        : $"""
            CREATE TRIGGER refuse_review BEFORE INSERT ON Reviews WHEN NEW.Headline = '{headline}'
            BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;
            """);

    public async Task<ImportOutcome> ImportAsync(string file, byte[] content)
    {
        var (importer, db) = NewImporter();
        await using (db)
            return await importer.ImportAsync(file, content);
    }

    /// <summary>Arranges and inspects this database (see <see cref="TestCatalog"/>).</summary>
    public TestCatalog Catalog => new(NewDbContext);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        _postgres?.Dispose();
    }
}

internal sealed class NoOutputCache : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
