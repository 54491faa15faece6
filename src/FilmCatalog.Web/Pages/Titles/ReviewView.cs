namespace FilmCatalog.Web.Pages.Titles;

/// <summary>
/// One review as <c>_Review.cshtml</c> shows it. <see cref="BodyHtml"/> is sanitized when the review
/// is written, so the partial renders it raw; every other field is encoded.
/// </summary>
public sealed record ReviewView(
    int Id,
    string Headline,
    DateTime WrittenAt,
    string? AuthorName,
    int? Rating,
    bool ContainsSpoilers,
    string BodyHtml,
    int Helpful,
    int Voted);
