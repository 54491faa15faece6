using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FilmCatalog.Web.Data.Configurations;

/// <remarks>
/// On SQLite the table also feeds the FTS5 index <c>TitleNamesFts</c> through triggers created by the
/// migration <c>AddSearch</c>; a migration that rebuilds this table must create them again.
/// </remarks>
internal sealed class TitleNameConfiguration : IEntityTypeConfiguration<TitleName>
{
    public void Configure(EntityTypeBuilder<TitleName> name)
    {
        name.HasKey(n => n.Key);
        name.Property(n => n.Key).ValueGeneratedNever();
        name.HasOne<Title>().WithMany().HasForeignKey(n => n.TitleId);
        name.HasIndex(n => n.TitleId);

        // Exact matches; the A-Z index (own names, Variant 0) in folded order, over all years and in one.
        name.HasIndex(n => new { n.Folded, n.TitleId });
        name.HasIndex(n => new { n.Variant, n.Folded, n.TitleId });
        name.HasIndex(n => new { n.Variant, n.Year, n.Folded, n.TitleId });
    }
}

/// <remarks>On SQLite the table also feeds the FTS5 index <c>PersonNamesFts</c>, as <see cref="TitleNameConfiguration"/> says.</remarks>
internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> name)
    {
        name.HasKey(n => n.Key);
        name.Property(n => n.Key).ValueGeneratedNever();
        name.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId);
        name.HasIndex(n => n.PersonId).IsUnique();
        name.HasIndex(n => n.Slug);
        name.HasIndex(n => n.Folded);
    }
}

internal sealed class CardCreditConfiguration : IEntityTypeConfiguration<CardCredit>
{
    public void Configure(EntityTypeBuilder<CardCredit> credit)
    {
        credit.HasOne<Title>().WithMany().HasForeignKey(c => c.TitleId);
        credit.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId);
        credit.HasIndex(c => new { c.TitleId, c.CardPosition });
        credit.HasIndex(c => c.PersonId);
    }
}

/// <remarks>Each index is one sort of the genre pages, with the title id as the tie-break that makes keyset paging exact.</remarks>
internal sealed class TitleGenreConfiguration : IEntityTypeConfiguration<TitleGenre>
{
    public void Configure(EntityTypeBuilder<TitleGenre> genre)
    {
        genre.HasKey(g => new { g.Genre, g.TitleId });
        genre.HasOne<Title>().WithMany().HasForeignKey(g => g.TitleId);
        genre.HasIndex(g => g.TitleId);
        genre.HasIndex(g => new { g.Genre, g.Rating, g.TitleId });
        genre.HasIndex(g => new { g.Genre, g.Year, g.Rating, g.TitleId });
        genre.HasIndex(g => new { g.Genre, g.Folded, g.TitleId });
        genre.HasIndex(g => new { g.Genre, g.ReviewCount, g.TitleId });
    }
}
