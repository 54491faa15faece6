using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Reviews;

/// <summary>
/// A visitor corrects or withdraws a review they posted. Only the review's author may (the visitor id of
/// their signed cookie is the one stored on the review), only a review posted here, and only while it is
/// visible: one hidden or waiting for a moderator stays as the moderators saw it. Each change is one write
/// turn that keeps the title's counts and rating aggregate in step, then evicts the cached pages, as posting does.
/// </summary>
public sealed class ReviewEditing(CatalogDbContext db, ReviewMarkdown markdown, IWriteGate gate, PageCache pages, TimeProvider clock)
{
    /// <summary>Replaces the review's text, rating, name and spoiler flag; the title's slug, or null when the visitor may not edit it.</summary>
    public async Task<string?> EditAsync(int reviewId, Guid visitor, NewReview input, CancellationToken cancellationToken)
    {
        // Render before taking the write turn: it is the slow part and needs no database.
        var html = markdown.ToHtml(input.Body);

        string slug;
        {
            await using var turn = await gate.EnterAsync(db, cancellationToken);
            if (await FindOwnAsync(reviewId, visitor, cancellationToken) is not { } review)
                return null;

            var headline = input.Headline.Trim();
            var name = string.IsNullOrWhiteSpace(input.AuthorName) ? null : input.AuthorName.Trim();
            // A moderator who kept the review against its reports kept the text they read, not the next one.
            if (review.Headline != headline || review.Body != input.Body)
                review.KeptByModerator = false;

            // Readers (and those who voted it helpful) see that it changed since it was written; saving it unchanged is no edit.
            if ((review.Headline, review.Body, review.AuthorName, review.ContainsSpoilers, review.Rating) != (headline, input.Body, name, input.ContainsSpoilers, input.Rating))
                review.EditedAt = clock.GetUtcNow().UtcDateTime;
            review.Headline = headline;
            review.Body = input.Body;
            review.BodyHtml = html;
            review.AuthorName = name;
            review.ContainsSpoilers = input.ContainsSpoilers;
            if (review.Rating != input.Rating)
            {
                if (review.Rating is { } old)
                    review.Title!.RemoveVisitorRating(old);
                review.Title!.AddVisitorRating(input.Rating);
                review.Rating = input.Rating;
            }

            await db.SaveChangesAsync(cancellationToken);
            await turn.CommitAsync(cancellationToken);
            slug = review.Title!.Slug;
        }

        await EvictAsync(slug);
        return slug;
    }

    /// <summary>
    /// Takes the review off the site and out of the counts for good, recorded in its moderation history; its
    /// open reports are answered by it. The title's slug, or null when the visitor may not withdraw it.
    /// </summary>
    public async Task<string?> WithdrawAsync(int reviewId, Guid visitor, CancellationToken cancellationToken)
    {
        string slug;
        {
            await using var turn = await gate.EnterAsync(db, cancellationToken);
            if (await FindOwnAsync(reviewId, visitor, cancellationToken) is not { } review)
                return null;

            ReviewAggregates.Hide(review, review.Title!, ReviewStatus.Withdrawn);
            // Nothing is left for a moderator to decide: its open reports are answered by the withdrawal.
            await Moderation.ModerationRecord.AddClosingReportsAsync(db, review, new ModerationAction
            {
                Kind = ModerationKind.WithdrawnByAuthor,
                Note = "Withdrawn by the visitor who posted it.",
                At = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
            await turn.CommitAsync(cancellationToken);
            slug = review.Title!.Slug;
        }

        await EvictAsync(slug);
        return slug;
    }

    /// <summary>The review, with its title, when <paramref name="visitor"/> posted it here and it is visible; read inside the write turn.</summary>
    private Task<Review?> FindOwnAsync(int reviewId, Guid visitor, CancellationToken cancellationToken) =>
        db.Reviews.Include(r => r.Title).SingleOrDefaultAsync(
            r => r.Id == reviewId && r.AuthorVisitorId == visitor && r.Origin == ReviewOrigin.Site && r.Status == ReviewStatus.Visible,
            cancellationToken);

    /// <summary>The title page and the lists (the front page's recent reviews, the charts' visitor ratings) show the review.</summary>
    private async Task EvictAsync(string slug)
    {
        await pages.EvictTitleAsync(slug, CancellationToken.None);
        await pages.EvictListsAsync(CancellationToken.None);
    }
}
