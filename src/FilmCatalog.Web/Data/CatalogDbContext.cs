using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data;

/// <summary>
/// The catalog: titles and everything known about them, reviews, their votes and reports, the
/// moderators' accounts (ASP.NET Core Identity's tables) and what moderators did.
/// </summary>
/// <remarks>
/// One model for every database engine. Entity configuration lives in <c>Data/Configurations</c>,
/// one class per entity. Each provider has a context of its own deriving from this one
/// (<see cref="Sqlite.SqliteCatalogDbContext"/>, <see cref="Postgres.PostgresCatalogDbContext"/>),
/// which carries that provider's migrations (EF Core's "migrations with multiple providers", one
/// set per provider: <c>Data/Sqlite/Migrations</c>, <c>Data/Postgres/Migrations</c>). The rest of
/// the site asks for <see cref="CatalogDbContext"/> and never knows which one it has.
/// <para>
/// To change the schema, edit the entities or configurations, then add the migration for both
/// providers from the repository root (no database server is needed to generate them):
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add NameOfChange --project src/FilmCatalog.Web --context SqliteCatalogDbContext --output-dir Data/Sqlite/Migrations
/// dotnet ef migrations add NameOfChange --project src/FilmCatalog.Web --context PostgresCatalogDbContext --output-dir Data/Postgres/Migrations
/// dotnet ef dbcontext optimize --project src/FilmCatalog.Web --context SqliteCatalogDbContext --output-dir Data/Sqlite/CompiledModel --namespace FilmCatalog.Web.Data.Sqlite.CompiledModel
/// dotnet ef dbcontext optimize --project src/FilmCatalog.Web --context PostgresCatalogDbContext --output-dir Data/Postgres/CompiledModel --namespace FilmCatalog.Web.Data.Postgres.CompiledModel
/// </code>
/// The last two regenerate the compiled models, which the site runs on (building the model from
/// the configurations took half a second of every start). The site applies pending migrations at
/// start-up. <c>ProviderModelTests</c> fails when either set of migrations, or either compiled
/// model, lags behind the model.
/// </para>
/// </remarks>
public abstract class CatalogDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
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
    public DbSet<CardCredit> CardCredits => Set<CardCredit>();
    public DbSet<TitleName> TitleNames => Set<TitleName>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<TitleListing> TitleListings => Set<TitleListing>();
    public DbSet<CareerListing> CareerListings => Set<CareerListing>();
    public DbSet<CareerYear> CareerYears => Set<CareerYear>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<SlugAlias> SlugAliases => Set<SlugAlias>();
    public DbSet<CatalogUpgrade> CatalogUpgrades => Set<CatalogUpgrade>();
    public DbSet<TitlePageDocument> TitlePageDocuments => Set<TitlePageDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's tables first (AspNetUsers, AspNetRoles, ...), then the catalog's own.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
    }
}
