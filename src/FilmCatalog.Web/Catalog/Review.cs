namespace FilmCatalog.Web.Catalog;

/// <summary>
/// A user review: either carried from a source page (<see cref="ReviewOrigin.Imported"/>) or posted
/// on this site. Helpfulness is the source's counts plus the votes cast here.
/// </summary>
public sealed class Review
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public Title? Title { get; set; }

    public ReviewOrigin Origin { get; set; }

    /// <summary>Identity of an imported review within its title, so re-imports update instead of duplicating.</summary>
    public string? SourceKey { get; set; }

    public required string Headline { get; set; }

    /// <summary>The Markdown the author wrote (for imported reviews: paragraphs separated by blank lines).</summary>
    public required string Body { get; set; }

    /// <summary>Sanitized HTML rendered from <see cref="Body"/>; the source text stays authoritative.</summary>
    public required string BodyHtml { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>Where an imported review's author said they were ("Quimper").</summary>
    public string? AuthorPlace { get; set; }

    /// <summary>1-10, when the author gave one.</summary>
    public int? Rating { get; set; }
    public bool ContainsSpoilers { get; set; }

    /// <summary>The date the review was written (UTC midnight for imported ones, whose time is unknown).</summary>
    public DateTime WrittenAt { get; set; }

    /// <summary>When its author last changed what it says (text, rating, name or spoiler flag); null if never. Readers see it beside the date.</summary>
    public DateTime? EditedAt { get; set; }

    /// <summary>Visitor who posted it on this site; they may not vote on it.</summary>
    public Guid? AuthorVisitorId { get; set; }

    public int SourceHelpful { get; set; }
    public int SourceNotHelpful { get; set; }

    /// <summary>Counters of <see cref="HelpfulVote"/> rows, kept in step in the same transaction as the vote.</summary>
    public int SiteHelpful { get; set; }
    public int SiteNotHelpful { get; set; }

    public int Helpful => SourceHelpful + SiteHelpful;
    public int Voted => SourceHelpful + SourceNotHelpful + SiteHelpful + SiteNotHelpful;

    /// <summary>Lower bound of the Wilson score interval of the helpful share; stored so sorting is an index scan.</summary>
    public double HelpfulScore { get; set; }

    public ReviewStatus Status { get; set; }

    /// <summary>Open reports: those no moderator has acted on yet (see <see cref="ReviewReport.ClosedAt"/>).</summary>
    public int ReportCount { get; set; }

    /// <summary>A moderator kept or restored this review: new reports bring it back to the queue but no longer hide it.</summary>
    public bool KeptByModerator { get; set; }

    public List<HelpfulVote> Votes { get; set; } = [];
    public List<ReviewReport> Reports { get; set; } = [];
}

public enum ReviewOrigin
{
    Imported = 1,
    Site = 2,
}

public enum ReviewStatus
{
    Visible = 0,

    /// <summary>Reported by enough distinct visitors: out of the page and the aggregates until moderated.</summary>
    PendingModeration = 1,

    /// <summary>Removed by a moderator as spam; kept only for the moderation history.</summary>
    Removed = 2,

    /// <summary>Hidden by a moderator: out of the page and the aggregates until a moderator restores it.</summary>
    Hidden = 3,

    /// <summary>Taken back by the visitor who posted it: out of the page and the aggregates for good; kept for the moderation history.</summary>
    Withdrawn = 4,
}

/// <summary>One visitor's vote on one review; the database keeps it unique per (review, visitor).</summary>
public sealed class HelpfulVote
{
    public long Id { get; set; }
    public int ReviewId { get; set; }
    public Guid VisitorId { get; set; }

    /// <summary>Keyed hash of the client address (an IPv6 /64) the vote came from; null for votes from before it was kept.</summary>
    public string? ClientHash { get; set; }
    public bool IsHelpful { get; set; }
    public DateTime CastAt { get; set; }
}

public sealed class ReviewReport
{
    public long Id { get; set; }
    public int ReviewId { get; set; }
    public Guid VisitorId { get; set; }

    /// <summary>Keyed hash of the client address (an IPv6 /64) the report came from; null for reports from before it was kept.</summary>
    public string? ClientHash { get; set; }
    public ReportReason Reason { get; set; }
    public string? Comment { get; set; }
    public DateTime ReportedAt { get; set; }

    /// <summary>When a moderator acted on the review and so closed this report; null while it is open.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>
    /// The <see cref="ModerationAction"/> that closed it, which the reporter is told of. A plain column,
    /// not a foreign key: adding one to an existing table makes SQLite rebuild it outside a transaction,
    /// and actions are never deleted.
    /// </summary>
    public long? ClosedByActionId { get; set; }
}

public enum ReportReason
{
    SpoilerInHeadline = 1,
    Offensive = 2,
    Spam = 3,
    OffTopic = 4,
    Other = 5,
}
