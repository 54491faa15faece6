using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Reviews;

/// <summary>What the vote and report pages show of the review they act on.</summary>
public sealed record ReviewSummary(int Id, string Headline, string? AuthorName, string TitleSlug, string TitleName, int? TitleYear, Guid? AuthorVisitorId)
{
    public string Film => TitleYear is { } year ? $"{TitleName} ({year})" : TitleName;

    public static Task<ReviewSummary?> FindAsync(CatalogDbContext db, int id, CancellationToken cancellationToken) =>
        Of(db.Reviews.Where(r => r.Id == id && r.Status == ReviewStatus.Visible)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The review whatever its status: for its reporter, who is told what became of it.</summary>
    public static Task<ReviewSummary?> FindAnyAsync(CatalogDbContext db, int id, CancellationToken cancellationToken) =>
        Of(db.Reviews.Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<ReviewSummary> Of(IQueryable<Review> reviews) =>
        reviews.Select(r => new ReviewSummary(r.Id, r.Headline, r.AuthorName, r.Title!.Slug, r.Title.Name, r.Title.Year, r.AuthorVisitorId));
}
