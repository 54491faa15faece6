namespace FilmCatalog.Web.Catalog;

/// <summary>
/// One decision about a review, kept for good: who made it (a moderator, or the site itself when
/// reports hid the review), when, what and why. A review's moderation history is its actions in order.
/// </summary>
public sealed class ModerationAction
{
    public long Id { get; set; }
    public int ReviewId { get; set; }
    public ModerationKind Kind { get; set; }

    /// <summary>The moderator's account; null for the site's or the author's own action, or once the account is removed.</summary>
    public string? ModeratorId { get; set; }

    /// <summary>The moderator's email as it was when they acted, so the history still names them after their account is removed.</summary>
    public string? ModeratorEmail { get; set; }

    /// <summary>Why, in the moderator's words (or the site's, for an automatic hide).</summary>
    public required string Note { get; set; }

    /// <summary>Open reports this action closed.</summary>
    public int ReportsClosed { get; set; }

    public DateTime At { get; set; }
}

public enum ModerationKind
{
    /// <summary>Reports from enough distinct visitors and networks hid the review until a moderator looks.</summary>
    HiddenByReports = 1,
    Hidden = 2,

    /// <summary>A hidden review shown again; its open reports are closed.</summary>
    Restored = 3,

    /// <summary>A visible review whose reports a moderator found unfounded: it stays, its reports are closed, reports alone no longer hide it.</summary>
    Kept = 4,
    RemovedAsSpam = 5,

    /// <summary>Not a moderator's: the visitor who posted the review withdrew it; its open reports are closed.</summary>
    WithdrawnByAuthor = 6,
}
