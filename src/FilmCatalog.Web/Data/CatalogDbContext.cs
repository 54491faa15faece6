using FilmCatalog.Web.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data;

/// <summary>
/// The catalog: titles and everything known about them, reviews, their votes and reports, the
/// moderators' accounts (ASP.NET Core Identity's tables) and what moderators did.
/// </summary>
/// <remarks>
/// Entity configuration lives in <c>Data/Configurations</c>, one class per entity. To change the
/// schema, edit the entities or configurations, then add a migration from the repository root:
/// <code>dotnet tool restore; dotnet ef migrations add NameOfChange --project src/FilmCatalog.Web --output-dir Data/Migrations</code>
/// The site applies pending migrations at start-up.
/// </remarks>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Title> Titles => Set<Title>();
    public DbSet<TitleFact> TitleFacts => Set<TitleFact>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Credit> Credits => Set<Credit>();
    public DbSet<Trivia> Trivia => Set<Trivia>();
    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<SoundtrackEntry> Soundtrack => Set<SoundtrackEntry>();
    public DbSet<FaqEntry> Faq => Set<FaqEntry>();
    public DbSet<AlsoLiked> AlsoLiked => Set<AlsoLiked>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<HelpfulVote> HelpfulVotes => Set<HelpfulVote>();
    public DbSet<ReviewReport> ReviewReports => Set<ReviewReport>();
    public DbSet<ImportRecord> ImportRecords => Set<ImportRecord>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<SlugAlias> SlugAliases => Set<SlugAlias>();
    public DbSet<CatalogUpgrade> CatalogUpgrades => Set<CatalogUpgrade>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's tables first (AspNetUsers, AspNetRoles, ...), then the catalog's own.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
    }
}
