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
    DateTime? EditedAt,
    string? AuthorName,
    string? AuthorPlace,
    int? Rating,
    bool ContainsSpoilers,
    string BodyHtml,
    int Helpful,
    int Voted,
    bool PostedHere)
{
    /// <summary>The one projection of a review for display, shared by every query that shows reviews.</summary>
    public static readonly Expression<Func<Review, ReviewView>> FromReview = r => new ReviewView(
        r.Id, r.Headline, r.WrittenAt, r.EditedAt, r.AuthorName, r.AuthorPlace, r.Rating, r.ContainsSpoilers, r.BodyHtml,
        r.SourceHelpful + r.SiteHelpful,
        r.SourceHelpful + r.SourceNotHelpful + r.SiteHelpful + r.SiteNotHelpful,
        r.Origin == ReviewOrigin.Site);

    /// <summary>
    /// Bodies longer than this (in HTML characters, about eight lines of the review column) are
    /// clamped with a "Read more".
    /// </summary>
    public const int ClampAbove = 640;

    public bool IsLong => BodyHtml.Length > ClampAbove;
}
