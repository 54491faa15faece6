using System.Linq.Expressions;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>
/// One review as <c>_Review.cshtml</c> shows it. <see cref="BodyHtml"/> is sanitized when the review
/// is written, so the partial renders it raw; every other field is encoded.
/// </summary>
public sealed record ReviewView(
    int Id,
    string Headline,
    DateTime WrittenAt,
    string? AuthorName,
    string? AuthorPlace,
    int? Rating,
    bool ContainsSpoilers,
    string BodyHtml,
    int Helpful,
    int Voted)
{
    /// <summary>The one projection of a review for display, shared by every query that shows reviews.</summary>
    public static readonly Expression<Func<Review, ReviewView>> FromReview = r => new ReviewView(
        r.Id, r.Headline, r.WrittenAt, r.AuthorName, r.AuthorPlace, r.Rating, r.ContainsSpoilers, r.BodyHtml,
        r.SourceHelpful + r.SiteHelpful,
        r.SourceHelpful + r.SourceNotHelpful + r.SiteHelpful + r.SiteNotHelpful);
}
