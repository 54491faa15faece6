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

        // Exact matches.
        name.HasIndex(n => n.Folded);
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
        // A card's people by index alone: the people page finds the cards naming its films, then the name's credits on them.
        credit.HasIndex(c => new { c.TitleId, c.CardPosition, c.PersonId, c.Role });
        // A person's card credits and the cards they are on (the people page), by index alone.
        credit.HasIndex(c => new { c.PersonId, c.Role, c.TitleId, c.CardPosition });
        // A film's people named on cards (the people page's career lists, Browse/CareerListings).
        credit.HasIndex(c => new { c.FilmId, c.PersonId, c.Role });
    }
}

/// <remarks>Each index is one order of the browse pages (in one list, or one list and one year), the title id breaking ties so keyset paging is exact.</remarks>
internal sealed class TitleListingConfiguration : IEntityTypeConfiguration<TitleListing>
{
    public void Configure(EntityTypeBuilder<TitleListing> listing)
    {
        listing.HasKey(l => new { l.Genre, l.TitleId });
        listing.HasOne<Title>().WithMany().HasForeignKey(l => l.TitleId);
        listing.HasIndex(l => l.TitleId);
        listing.HasIndex(l => new { l.Genre, l.RatingTenths, l.TitleId });
        listing.HasIndex(l => new { l.Genre, l.Year, l.RatingTenths, l.TitleId });
        listing.HasIndex(l => new { l.Genre, l.Folded, l.TitleId });
        listing.HasIndex(l => new { l.Genre, l.Year, l.Folded, l.TitleId });
        listing.HasIndex(l => new { l.Genre, l.ReviewCount, l.TitleId });
        listing.HasIndex(l => new { l.Genre, l.Year, l.ReviewCount, l.TitleId });
    }
}

/// <remarks>
/// No key: a row is a name and a film (<see cref="CareerListing.TitleId"/> and <see cref="CareerListing.CardId"/>), written
/// only by <see cref="CareerListings.RefreshSql"/>. One index holds every column in the page's order, so that a page and
/// the counts are read from it alone; the other finds a film's rows, or one name's row for it, when they are derived again.
/// </remarks>
internal sealed class CareerListingConfiguration : IEntityTypeConfiguration<CareerListing>
{
    public void Configure(EntityTypeBuilder<CareerListing> listing)
    {
        listing.HasNoKey();
        listing.HasIndex(l => new { l.Slug, l.Group, l.Year, l.Name, l.CardId, l.TitleId, l.Roles, l.CardRoles })
            .IsDescending(false, false, true, false, false, false, false, false);
        listing.HasIndex(l => new { l.TitleId, l.Slug, l.CardId, l.Group, l.Year, l.Roles });
    }
}

/// <remarks>The counts a refresh took down to none are found for deleting by the small index of those alone.</remarks>
internal sealed class CareerYearConfiguration : IEntityTypeConfiguration<CareerYear>
{
    public void Configure(EntityTypeBuilder<CareerYear> year)
    {
        year.HasKey(y => new { y.Slug, y.Group, y.Year, y.Roles });
        // A people page's head by index alone: a name's rows lie all over the table (each batch adds to them), and
        // reading each from it was a third of the page's database time at 100,000 titles (652 rows).
        year.HasIndex(y => new { y.Slug, y.Group, y.Year, y.Roles, y.Films });
        year.HasIndex(y => y.Films).HasFilter("\"Films\" = 0");
    }
}
