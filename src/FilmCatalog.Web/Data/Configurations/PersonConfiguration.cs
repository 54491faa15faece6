using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FilmCatalog.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.Property(p => p.Name).HasMaxLength(300);
        person.HasIndex(p => p.Name).IsUnique();
        person.HasMany(p => p.Credits).WithOne(c => c.Person).HasForeignKey(c => c.PersonId);
    }
}

internal sealed class CreditConfiguration : IEntityTypeConfiguration<Credit>
{
    public void Configure(EntityTypeBuilder<Credit> credit)
    {
        credit.HasIndex(c => new { c.TitleId, c.Role, c.Position });
        // A person's credits, whether any gives them a role (PersonSummary), and their films (the people
        // page, the best-known film), by index alone: with the title, a credit's row is never read.
        credit.HasIndex(c => new { c.PersonId, c.Role, c.TitleId });
    }
}
