using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Reviews;

/// <summary>What a visitor submits; validated by the form before it gets here.</summary>
public sealed record NewReview(string Headline, int Rating, string Body, string? AuthorName, bool ContainsSpoilers);

/// <summary>Stores a visitor's review and keeps the title's counts and rating aggregate in step.</summary>
public sealed class ReviewPosting(CatalogDbContext db, ReviewMarkdown markdown, IWriteGate gate, PageCache pages, TimeProvider clock)
{
    public async Task<Review?> PostAsync(string titleSlug, NewReview input, Guid visitor, CancellationToken cancellationToken)
    {
        // Render before taking the write turn: it is the slow part and needs no database.
        var html = markdown.ToHtml(input.Body);

        await using var turn = await gate.EnterAsync(db, cancellationToken);
        var title = await db.Titles.SingleOrDefaultAsync(t => t.Slug == titleSlug, cancellationToken);
        if (title is null)
            return null;

        var review = new Review
        {
            TitleId = title.Id,
            Origin = ReviewOrigin.Site,
            Headline = input.Headline.Trim(),
            Body = input.Body,
            BodyHtml = html,
            AuthorName = string.IsNullOrWhiteSpace(input.AuthorName) ? null : input.AuthorName.Trim(),
            Rating = input.Rating,
            ContainsSpoilers = input.ContainsSpoilers,
            WrittenAt = clock.GetUtcNow().UtcDateTime,
            AuthorVisitorId = visitor,
            Status = ReviewStatus.Visible,
        };
        db.Reviews.Add(review);
        title.ReviewCount++;
        title.AddVisitorRating(input.Rating);

        await db.SaveChangesAsync(cancellationToken);
        await turn.CommitAsync(cancellationToken);
        await pages.EvictTitleAsync(title.Slug, CancellationToken.None);
        return review;
    }
}
