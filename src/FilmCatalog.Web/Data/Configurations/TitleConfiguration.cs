using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FilmCatalog.Web.Data.Configurations;

internal sealed class TitleConfiguration : IEntityTypeConfiguration<Title>
{
    public void Configure(EntityTypeBuilder<Title> title)
    {
        title.HasIndex(t => t.Slug).IsUnique();
        title.HasIndex(t => new { t.Name, t.Year });

        // The front page's highest rated by visitors: the few titles with enough ratings posted here.
        title.HasIndex(t => t.VisitorRatingCount);
        title.Property(t => t.Slug).HasMaxLength(200);
        title.Property(t => t.Name).HasMaxLength(500);
        title.Property(t => t.YearQualifier).HasMaxLength(10);

        title.HasMany(t => t.Facts).WithOne().HasForeignKey(f => f.TitleId);
        title.HasMany(t => t.Credits).WithOne(c => c.Title).HasForeignKey(c => c.TitleId);
        title.HasMany(t => t.Trivia).WithOne().HasForeignKey(t => t.TitleId);
        title.HasMany(t => t.Connections).WithOne().HasForeignKey(c => c.TitleId);
        title.HasMany(t => t.Soundtrack).WithOne().HasForeignKey(s => s.TitleId);
        title.HasMany(t => t.Faq).WithOne().HasForeignKey(f => f.TitleId);
        title.HasMany(t => t.AlsoLiked).WithOne().HasForeignKey(a => a.TitleId);
        title.HasMany(t => t.Reviews).WithOne(r => r.Title).HasForeignKey(r => r.TitleId);
    }
}

internal sealed class SlugAliasConfiguration : IEntityTypeConfiguration<SlugAlias>
{
    public void Configure(EntityTypeBuilder<SlugAlias> alias)
    {
        alias.Property(a => a.OldSlug).HasMaxLength(200);
        alias.HasIndex(a => a.OldSlug).IsUnique();
        alias.HasOne<Title>().WithMany().HasForeignKey(a => a.TitleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TitlePageDocumentConfiguration : IEntityTypeConfiguration<TitlePageDocument>
{
    public void Configure(EntityTypeBuilder<TitlePageDocument> document)
    {
        document.HasKey(d => d.TitleId);
        document.Property(d => d.TitleId).ValueGeneratedNever();
        document.HasOne<Title>().WithOne().HasForeignKey<TitlePageDocument>(d => d.TitleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CatalogUpgradeConfiguration : IEntityTypeConfiguration<CatalogUpgrade>
{
    public void Configure(EntityTypeBuilder<CatalogUpgrade> upgrade)
    {
        upgrade.HasKey(u => u.Name);
        upgrade.Property(u => u.Name).HasMaxLength(100);
    }
}

internal sealed class TitleFactConfiguration : IEntityTypeConfiguration<TitleFact>
{
    public void Configure(EntityTypeBuilder<TitleFact> fact) =>
        fact.HasIndex(f => new { f.TitleId, f.Kind, f.Position });
}

internal sealed class TriviaConfiguration : IEntityTypeConfiguration<Trivia>
{
    public void Configure(EntityTypeBuilder<Trivia> trivia) =>
        trivia.HasIndex(t => new { t.TitleId, t.Kind, t.Position });
}

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> connection)
    {
        connection.HasIndex(c => new { c.TitleId, c.Position });
        connection.HasIndex(c => c.OtherSlug);
    }
}

internal sealed class SoundtrackEntryConfiguration : IEntityTypeConfiguration<SoundtrackEntry>
{
    public void Configure(EntityTypeBuilder<SoundtrackEntry> entry) =>
        entry.HasIndex(s => new { s.TitleId, s.Position });
}

internal sealed class FaqEntryConfiguration : IEntityTypeConfiguration<FaqEntry>
{
    public void Configure(EntityTypeBuilder<FaqEntry> faq) =>
        faq.HasIndex(f => new { f.TitleId, f.Position });
}

internal sealed class AlsoLikedConfiguration : IEntityTypeConfiguration<AlsoLiked>
{
    public void Configure(EntityTypeBuilder<AlsoLiked> card)
    {
        // With the film a card names: a person's card credits find their films (the people page) by index alone.
        card.HasIndex(a => new { a.TitleId, a.Position, a.TargetTitleId });

        // A card-only title's page lists the films whose cards named it; the people page finds a film's cards,
        // and their credits by card, by index alone.
        card.HasOne(a => a.Target).WithMany().HasForeignKey(a => a.TargetTitleId).OnDelete(DeleteBehavior.SetNull);
        card.HasIndex(a => new { a.TargetTitleId, a.TitleId, a.Position });
    }
}
