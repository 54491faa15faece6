using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Search;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data.Postgres;

/// <summary>
/// The catalog on PostgreSQL: the shared model, with the migrations in <c>Data/Postgres/Migrations</c>,
/// plus the Data Protection key ring, which every site instance must share (on SQLite the keys are
/// files in the data folder, beside the catalog file).
/// </summary>
public sealed class PostgresCatalogDbContext(DbContextOptions<PostgresCatalogDbContext> options) : CatalogDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // The model's SQL fragments, in PostgreSQL's spelling: its identifiers are case-sensitive
        // only when quoted, and EF Core quotes every name it creates.
        modelBuilder.Entity<Review>().HasIndex(r => new { r.TitleId, r.SourceKey }).HasFilter("\"SourceKey\" IS NOT NULL");
        modelBuilder.Entity<Review>().HasIndex(r => new { r.AuthorVisitorId, r.TitleId }).HasFilter("\"AuthorVisitorId\" IS NOT NULL");

        // Text is stored whole, as SQLite stores it: a maximum length in the model is what the site's
        // forms accept, not a limit on what an import may bring (a long headline would be refused here
        // and kept there). PostgreSQL's text and varchar(n) are the same type underneath.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string) && property.GetMaxLength() is not null)
                property.SetColumnType("text");
        }
        // Folded names sort and compare byte by byte, as SQLite's BINARY does: the A-Z lists page in the
        // same order on both providers, and a plain B-tree index serves "name begins with" (LIKE 'a b%').
        modelBuilder.Entity<TitleName>().Property(n => n.Folded).UseCollation("C");
        modelBuilder.Entity<PersonName>().Property(n => n.Folded).UseCollation("C");
        modelBuilder.Entity<TitleListing>().Property(l => l.Folded).UseCollation("C");
        modelBuilder.Entity<CareerListing>().Property(l => l.Name).UseCollation("C");
    }
}
