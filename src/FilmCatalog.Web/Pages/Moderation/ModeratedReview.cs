using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Pages.Reviews;
using FilmCatalog.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>A film as the moderation pages name it.</summary>
public sealed record FilmName(string Slug, string Name, int? Year)
{
    public override string ToString() => Year is { } year ? $"{Name} ({year})" : Name;
}

/// <summary>One report as a moderator reads it: never who sent it.</summary>
public sealed record ReportLine(ReportReason Reason, string? Comment, DateTime ReportedAt, DateTime? ClosedAt)
{
    public string ReasonText => ModerationText.Reason(Reason);
}

/// <summary>
/// A review on a moderation page: the review as a visitor sees it (<see cref="View"/>, rendered by the
/// site's own review partial), where it stands, and its open reports with their reasons and comments.
/// </summary>
public sealed record ModeratedReview(
    int Id, FilmName Film, ReviewStatus Status, bool KeptByModerator, ReviewOrigin Origin, ReviewView View,
    IReadOnlyList<ReportLine> OpenReports, int OpenReportNetworks)
{
    /// <summary>"Spam × 2, Offensive or abusive × 1": the open reports' reasons, most given first.</summary>
    public IReadOnlyList<(string Reason, int Count)> ReasonTally => [.. OpenReports
        .GroupBy(r => r.Reason)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
        .Select(g => (ModerationText.Reason(g.Key), g.Count()))];

    public string StatusText => ModerationText.Status(Status);

    /// <summary>The reviews <paramref name="ids"/>, in that order, with their open reports.</summary>
    public static async Task<List<ModeratedReview>> LoadAsync(CatalogDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return [];

        var reviews = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Status, r.KeptByModerator, r.Origin, r.Title!.Slug, r.Title.Name, r.Title.Year })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var views = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(ReviewView.FromReview)
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var reports = (await db.ReviewReports.AsNoTracking()
                .Where(r => ids.Contains(r.ReviewId) && r.ClosedAt == null)
                .OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
                .Select(r => new { r.ReviewId, r.ClientHash, Line = new ReportLine(r.Reason, r.Comment, r.ReportedAt, r.ClosedAt) })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.ReviewId);

        return [.. ids.Where(reviews.ContainsKey).Select(id =>
        {
            var review = reviews[id];
            var open = reports[id].ToList();
            return new ModeratedReview(id, new FilmName(review.Slug, review.Name, review.Year), review.Status, review.KeptByModerator,
                review.Origin, views[id], [.. open.Select(r => r.Line)],
                open.Select(r => r.ClientHash).OfType<string>().Distinct(StringComparer.Ordinal).Count());
        })];
    }
}

/// <summary>The words the moderation pages use for reasons, statuses and actions.</summary>
public static class ModerationText
{
    public static string Reason(ReportReason reason) =>
        ReportModel.Reasons.FirstOrDefault(r => r.Reason == reason).Label ?? reason.ToString();

    public static string Status(ReviewStatus status) => status switch
    {
        ReviewStatus.Visible => "Visible",
        ReviewStatus.PendingModeration => "Hidden by reports, waiting for a moderator",
        ReviewStatus.Hidden => "Hidden by a moderator",
        ReviewStatus.Withdrawn => "Withdrawn by its author",
        _ => "Removed as spam",
    };

    public static string Action(ModerationKind kind) => kind switch
    {
        ModerationKind.HiddenByReports => "Hidden automatically by reports",
        ModerationKind.Hidden => "Hidden",
        ModerationKind.Restored => "Restored",
        ModerationKind.Kept => "Kept; reports dismissed",
        ModerationKind.WithdrawnByAuthor => "Withdrawn",
        _ => "Removed as spam",
    };

    /// <summary>"2 December 2026, 14:05 UTC".</summary>
    public static string When(DateTime utc) =>
        utc.ToString("d MMMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Count(int count, string one, string many) =>
        $"{count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
