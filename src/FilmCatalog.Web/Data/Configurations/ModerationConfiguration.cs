using FilmCatalog.Web.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FilmCatalog.Web.Data.Configurations;

internal sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public const int NoteMaxLength = 500;

    public void Configure(EntityTypeBuilder<ModerationAction> action)
    {
        // A review's history is read in order; the log of recent actions is read newest first.
        action.HasIndex(a => new { a.ReviewId, a.At });
        action.HasIndex(a => a.At);
        action.Property(a => a.Note).HasMaxLength(NoteMaxLength);
        action.Property(a => a.ModeratorEmail).HasMaxLength(256);

        action.HasOne<Review>().WithMany().HasForeignKey(a => a.ReviewId);

        // Removing a moderator's account keeps what they did: the email stays, the link goes.
        action.HasOne<IdentityUser>().WithMany().HasForeignKey(a => a.ModeratorId).OnDelete(DeleteBehavior.SetNull);
    }
}
