using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Reviews;

/// <summary>What a visitor submits; validated by the form before it gets here.</summary>
public sealed record NewReview(string Headline, int Rating, string Body, string? AuthorName, bool ContainsSpoilers);

/// <summary>
/// Stores a visitor's review and keeps the title's counts and rating aggregate in step. Posting the same
/// review again (same visitor, title, headline, body and rating) stores nothing and answers the first one.
/// </summary>
public sealed class ReviewPosting(CatalogDbContext db, ReviewMarkdown markdown, IWriteGate gate, PageCache pages, TimeProvider clock)
{
    /// <summary>How long a repost of the same review is taken for the first one.</summary>
    private static readonly TimeSpan RepostWindow = TimeSpan.FromHours(1);

    public async Task<Review?> PostAsync(string titleSlug, NewReview input, Guid visitor, CancellationToken cancellationToken)
    {
        // Render before taking the write turn: it is the slow part and needs no database.
        var html = markdown.ToHtml(input.Body);

        await using var turn = await gate.EnterAsync(db, cancellationToken);
        var title = await db.Titles.SingleOrDefaultAsync(t => t.Slug == titleSlug, cancellationToken);
        if (title is null)
            return null;

        // A form posted twice (a double click, a resent request) is one review: the visitor's identical review
        // on this title, posted within the hour, is the answer. Checked inside the write turn, which posts take
        // one at a time on either provider, so parallel copies of one form cannot both miss it. The hour and the
        // status make it a range of the (title, status, date) index: a film's 100,000 older reviews are not read.
        var headline = input.Headline.Trim();
        var since = clock.GetUtcNow().UtcDateTime - RepostWindow;
        var posted = await db.Reviews.FirstOrDefaultAsync(
            r => r.TitleId == title.Id && r.Status == ReviewStatus.Visible && r.WrittenAt >= since
                && r.AuthorVisitorId == visitor && r.Origin == ReviewOrigin.Site
                && r.Headline == headline && r.Rating == input.Rating && r.Body == input.Body,
            cancellationToken);
        if (posted is not null)
            return posted;

        var review = new Review
        {
            TitleId = title.Id,
            Origin = ReviewOrigin.Site,
            Headline = headline,
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
        await pages.EvictListsAsync(CancellationToken.None);
        return review;
    }
}
