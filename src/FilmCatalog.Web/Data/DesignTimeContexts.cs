using FilmCatalog.Web.Data.Postgres;
using FilmCatalog.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FilmCatalog.Web.Data;

/// <summary>
/// Contexts for <c>dotnet ef migrations add</c>, one per provider, so that each set of migrations
/// can be generated whichever provider the site is configured for, with no server running.
/// </summary>
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteCatalogDbContext>
{
    public SqliteCatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite(CatalogSettings.DefaultSqliteConnectionString).Options);
}

internal sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresCatalogDbContext>
{
    public PostgresCatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCatalogDbContext>().UseNpgsql("Host=localhost;Database=filmcatalog").Options);
}
