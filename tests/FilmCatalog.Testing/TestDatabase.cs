using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FilmCatalog.Testing;

/// <summary>A migrated SQLite file of its own, without the web site: for importer and service tests.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("filmcatalog-db-").FullName;

    /// <param name="migration">Migrate only up to this one: a catalog as an older version of the site left it.</param>
    public TestDatabase(string? migration = null)
    {
        using var db = NewDbContext();
        db.Database.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().Migrate(migration);
    }

    public string Path => System.IO.Path.Combine(_folder, "catalog.db");

    public WriteGate Gate { get; } = new();

    /// <summary>Page evictions go nowhere: there is no site and no cache here.</summary>
    public PageCache Pages { get; } = new(new NoOutputCache(), new CacheGeneration());

    public CatalogDbContext NewDbContext() =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite($"Data Source={Path}").Options);

    /// <summary>An importer with its own context; dispose the context through the returned scope.</summary>
    public (CatalogImporter Importer, CatalogDbContext Db) NewImporter(TimeProvider? clock = null)
    {
        var db = NewDbContext();
        return (new CatalogImporter(db, Gate, Pages, clock ?? TimeProvider.System, NullLogger<CatalogImporter>.Instance), db);
    }

    /// <summary>Runs SQL on the database directly, for arranging what the site's code cannot (a trigger that fails a write).</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

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
    }
}

internal sealed class NoOutputCache : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
