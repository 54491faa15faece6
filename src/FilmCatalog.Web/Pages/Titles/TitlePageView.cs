using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Pages.Shared;

namespace FilmCatalog.Web.Pages.Titles;

/// <summary>What the title page shows, read in one query; no entity reaches the view.</summary>
public sealed record TitlePageView
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public int? Year { get; init; }

    /// <summary>"I" in "Hamlet (1996/I)": shown, since it tells apart films of one name and year.</summary>
    public string? YearQualifier { get; init; }
    public bool IsCardOnly { get; init; }
    public string? Summary { get; init; }
    public string? Storyline { get; init; }
    public string? StorylineAuthor { get; init; }
    public string? CertificateSystem { get; init; }
    public string? Certificate { get; init; }
    public string? CertificateReason { get; init; }
    public string? Awards { get; init; }
    public double? Rating { get; init; }
    public int? RatingVotes { get; init; }
    public int? RuntimeMinutes { get; init; }
    public int? SourceUserReviews { get; init; }
    public int? SourceCriticReviews { get; init; }
    public int? SourceMetacriticReviews { get; init; }
    public int? Metascore { get; init; }
    public string? SoundMix { get; init; }
    public string? Color { get; init; }
    public string? AspectRatio { get; init; }

    /// <summary>Visible reviews held here; the page shows at most <see cref="DetailsModel.ReviewsShown"/>.</summary>
    public int ReviewCount { get; init; }

    /// <summary>Ratings given in reviews posted here: our own visitors' aggregate, kept apart from the source's.</summary>
    public int VisitorRatingCount { get; init; }
    public int VisitorRatingSum { get; init; }
    public double? VisitorRating => VisitorRatingCount > 0 ? Math.Round((double)VisitorRatingSum / VisitorRatingCount, 1) : null;

    public List<FactView> Facts { get; init; } = [];
    public List<CreditView> Credits { get; init; } = [];
    public List<TriviaView> Trivia { get; init; } = [];
    public List<ConnectionView> Connections { get; init; } = [];
    public List<SoundtrackView> Soundtrack { get; init; } = [];
    public List<FaqView> Faq { get; init; } = [];
    public List<CardView> Cards { get; init; } = [];
    public List<ReviewView> Reviews { get; init; } = [];

    /// <summary>Titles whose "people also liked" list named this one.</summary>
    public List<TitleLink> KnownFrom { get; init; } = [];

    public string DisplayName => Year is { } ? $"{Name} ({YearText})" : Name;

    /// <summary>"1996", or "1996/I" when a qualifier tells this film apart from another of the same name and year.</summary>
    public string? YearText => Year is { } year ? (YearQualifier is { Length: > 0 } q ? $"{year}/{q}" : $"{year}") : null;

    /// <summary>The page's meta description: the summary, shortened to 200 characters, or a sentence naming the film.</summary>
    public string Description => Summary is { Length: > 0 } summary
        ? (summary.Length > 200 ? summary[..197].TrimEnd() + "\u2026" : MarkCut(summary))
        : $"{DisplayName}: cast, storyline, details and reviews.";

    public IReadOnlyList<FactView> FactsOf(TitleFactKind kind) => [.. Facts.Where(f => f.Kind == kind)];

    public IReadOnlyList<string> Genres => [.. FactsOf(TitleFactKind.Genre).Select(f => f.Text)];

    public IReadOnlyList<CreditView> CreditsAs(CreditRole role) => [.. Credits.Where(c => c.Role == role)];

    public IReadOnlyList<string> TriviaOf(TriviaKind kind) => [.. Trivia.Where(t => t.Kind == kind).Select(t => t.Text)];

    /// <summary>Year, certificate and runtime, as the header lists them under the title.</summary>
    public IReadOnlyList<string> HeaderFacts =>
    [
        .. Year is { } year ? [year.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>(),
        .. Certificate is { Length: > 0 } certificate ? [certificate] : Array.Empty<string>(),
        .. Runtime is { } runtime ? [runtime] : Array.Empty<string>(),
    ];

    // Which sections the page shows: a section with nothing in it is left out, and so is its entry in "On this page".
    public bool HasCast => Credits.Any(c => c.Role == CreditRole.Cast);

    public bool HasStoryline => Storyline is { Length: > 0 } || Certificate is { Length: > 0 }
        || Facts.Any(f => f.Kind is TitleFactKind.Tagline or TitleFactKind.Genre or TitleFactKind.Certificate);

    public bool HasDidYouKnow => Trivia.Count > 0 || Connections.Count > 0 || Soundtrack.Count > 0;

    public bool HasAlsoLiked => Cards.Count > 0;

    public bool HasFaq => Faq.Count > 0;

    public bool HasDetails => Facts.Any(f => f.Kind is TitleFactKind.ReleaseDate or TitleFactKind.AlsoKnownAs
        or TitleFactKind.Country or TitleFactKind.Language or TitleFactKind.FilmingLocation);

    public bool HasBoxOffice => Facts.Any(f => f.Kind == TitleFactKind.BoxOffice);

    public bool HasCompanies => Facts.Any(f => f.Kind == TitleFactKind.Company);

    public bool HasTechSpecs => Runtime is not null || SoundMix is { Length: > 0 } || Color is { Length: > 0 } || AspectRatio is { Length: > 0 };

    /// <summary>The sections shown, in page order, with their anchors: "On this page" lists them. User reviews are always shown.</summary>
    public IReadOnlyList<PageSection> Sections =>
    [
        .. HasCast ? [new PageSection("cast", "Cast")] : Array.Empty<PageSection>(),
        .. HasStoryline ? [new PageSection("storyline", "Storyline")] : Array.Empty<PageSection>(),
        .. HasDidYouKnow ? [new PageSection("did-you-know", "Did you know")] : Array.Empty<PageSection>(),
        new PageSection("reviews", "User reviews"),
        .. HasAlsoLiked ? [new PageSection("also-liked", "More like this")] : Array.Empty<PageSection>(),
        .. HasFaq ? [new PageSection("faq", "FAQ")] : Array.Empty<PageSection>(),
        .. HasDetails ? [new PageSection("details", "Details")] : Array.Empty<PageSection>(),
        .. HasBoxOffice ? [new PageSection("box-office", "Box office")] : Array.Empty<PageSection>(),
        .. HasCompanies ? [new PageSection("companies", "Company credits")] : Array.Empty<PageSection>(),
        .. HasTechSpecs ? [new PageSection("tech-specs", "Technical specs")] : Array.Empty<PageSection>(),
    ];

    /// <summary>"1 review", "1,234 reviews": a count with the noun that agrees with it.</summary>
    public static string Plural(int count, string one, string many) =>
        count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>The names of <paramref name="credits"/>, comma-separated.</summary>
    public static string Names(IEnumerable<CreditView> credits) => string.Join(", ", credits.Select(c => c.Name));

    /// <summary>
    /// A short text the source cut off mid-sentence (its "See full summary" link removed) ends
    /// with an ellipsis, so the reader knows there was more.
    /// </summary>
    public static string MarkCut(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length > 0 && char.IsLetterOrDigit(trimmed[^1]) ? trimmed + "\u2026" : trimmed;
    }

    /// <summary>"1h 36min", as film databases print a runtime.</summary>
    public string? Runtime => RuntimeMinutes is { } m and > 0
        ? (m >= 60 ? $"{m / 60}h" + (m % 60 > 0 ? $" {m % 60}min" : "") : $"{m}min")
        : null;
}

/// <summary>A section of the title page: its anchor and its heading in "On this page".</summary>
public sealed record PageSection(string Id, string Heading);

public sealed record FactView(TitleFactKind Kind, string Text, string? Qualifier);

/// <summary>A credit; <see cref="Name"/> is null for a cast row whose actor's name the source lost (its character is still shown).</summary>
public sealed record CreditView(CreditRole Role, string? Name, string? Character, string? Note);

public sealed record TriviaView(TriviaKind Kind, string Text);

/// <summary>A connection; <see cref="Slug"/> is set only when the other film has a page here.</summary>
public sealed record ConnectionView(string Kind, string OtherName, int? OtherYear, string? Note, string? Slug)
{
    public string DisplayName => OtherYear is { } year ? $"{OtherName} ({year})" : OtherName;
}

public sealed record SoundtrackView(string? Song, List<string> CreditLines);

public sealed record FaqView(string Question, string? Answer);

/// <summary>A "people also liked" card as the source printed it; <see cref="Slug"/> when it has a page here.</summary>
public sealed record CardView(string? Name, int? Year, List<string> Genres, double? Rating, string? Plot,
    List<string> Directors, List<string> Stars, string? Slug);

public sealed record TitleLink(string Slug, string Name, int? Year)
{
    public string DisplayName => Year is { } year ? $"{Name} ({year})" : Name;
}
