using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FilmCatalog.Web.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.Property(r => r.Headline).HasMaxLength(200);
        review.Property(r => r.AuthorName).HasMaxLength(100);
        review.Property(r => r.AuthorPlace).HasMaxLength(100);
        review.Ignore(r => r.Helpful);
        review.Ignore(r => r.Voted);

        // An imported review is found again by its key when a newer capture of the page comes in.
        review.HasIndex(r => new { r.TitleId, r.SourceKey }).IsUnique().HasFilter("SourceKey IS NOT NULL");

        // One index per sort of the all-reviews page, so a deep page is a range scan (keyset paging).
        review.HasIndex(r => new { r.TitleId, r.Status, r.HelpfulScore, r.Id });
        review.HasIndex(r => new { r.TitleId, r.Status, r.WrittenAt, r.Id });
        review.HasIndex(r => new { r.TitleId, r.Status, r.Rating, r.Id });

        // The front page's recent reviews, across titles.
        review.HasIndex(r => new { r.Origin, r.Status, r.WrittenAt });

        // A visitor's own reviews of a film (the review form lists them to edit): a seek, however many reviews the film has.
        // Only reviews posted here have an author, so the index holds those alone.
        review.HasIndex(r => new { r.AuthorVisitorId, r.TitleId }).HasFilter("AuthorVisitorId IS NOT NULL");

        // The moderators' queue (open reports, most first) and their list of hidden reviews.
        review.HasIndex(r => new { r.Status, r.ReportCount });

        review.HasMany(r => r.Votes).WithOne().HasForeignKey(v => v.ReviewId);
        review.HasMany(r => r.Reports).WithOne().HasForeignKey(r => r.ReviewId);
    }
}

internal sealed class HelpfulVoteConfiguration : IEntityTypeConfiguration<HelpfulVote>
{
    public void Configure(EntityTypeBuilder<HelpfulVote> vote)
    {
        // The unique index is what makes "one vote per visitor per review" true under parallel requests.
        vote.HasIndex(v => new { v.ReviewId, v.VisitorId }).IsUnique();

        // Counting one address's votes on a review is a seek, however many votes the review has.
        vote.HasIndex(v => new { v.ReviewId, v.ClientHash });
        vote.Property(v => v.ClientHash).HasMaxLength(ClientAddress.HashLength);
    }
}

internal sealed class ReviewReportConfiguration : IEntityTypeConfiguration<ReviewReport>
{
    public void Configure(EntityTypeBuilder<ReviewReport> report)
    {
        report.HasIndex(r => new { r.ReviewId, r.VisitorId }).IsUnique();
        report.Property(r => r.Comment).HasMaxLength(500);
        report.Property(r => r.ClientHash).HasMaxLength(ClientAddress.HashLength);
    }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> record)
    {
        record.HasIndex(r => r.ContentHash);
        record.HasIndex(r => r.TitleSlug);
    }
}
