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

    /// <summary>What the title is; null when not known (then, as for a film, no kind is shown).</summary>
    public TitleKind? Kind { get; init; }
    public int? EndYear { get; init; }
    public bool IsOpenRun { get; init; }
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

    /// <summary>Visitors' ratings per score ([0] counts 1/10), kept on the title: the chart costs no query.</summary>
    public List<int>? VisitorRatingCounts { get; init; }

    public RatingDistribution VisitorRatings => RatingDistribution.From(VisitorRatingCounts);

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

    /// <summary>"TV Series", "Video Game": the kind the header shows; null for a film and a kind not known.</summary>
    public string? KindLabel => TitleKinds.Label(Kind);

    /// <summary>The years the header shows beside the kind: "1994–2004", an open run "2005–", or the one year.</summary>
    public string? Years => TitleKinds.Years(Year, EndYear, IsOpenRun);

    /// <summary>The page's meta description: the summary, shortened to 200 characters, or a sentence naming the film.</summary>
    public string Description => Summary is { Length: > 0 } summary
        ? (summary.Length > 200 ? summary[..197].TrimEnd() + "\u2026" : MarkCut(summary))
        : $"{DisplayName}: cast, storyline, details and reviews.";

    public IReadOnlyList<FactView> FactsOf(TitleFactKind kind) => [.. Facts.Where(f => f.Kind == kind)];

    public IReadOnlyList<string> Genres => [.. FactsOf(TitleFactKind.Genre).Select(f => f.Text)];

    public IReadOnlyList<CreditView> CreditsAs(CreditRole role) => [.. Credits.Where(c => c.Role == role)];

    public IReadOnlyList<string> TriviaOf(TriviaKind kind) => [.. Trivia.Where(t => t.Kind == kind).Select(t => t.Text)];

    /// <summary>The tagline the header shows under the title: the first one; the others are in the storyline section.</summary>
    public string? Tagline => Facts.FirstOrDefault(f => f.Kind == TitleFactKind.Tagline)?.Text;

    public IReadOnlyList<FactView> OtherTaglines => [.. FactsOf(TitleFactKind.Tagline).Skip(1)];

    /// <summary>
    /// Whether the header's plot is the storyline. The source's summary is usually the storyline's
    /// first lines cut short; then the page tells the storyline once, whole, at the top, instead of
    /// the cut summary there and the same text again further down. A storyline without a summary is
    /// told at the top too.
    /// </summary>
    public bool PlotIsStoryline => Storyline is { Length: > 0 } storyline
        && (Summary is not { Length: > 0 } summary || storyline.StartsWith(WithoutCutMark(summary), StringComparison.Ordinal));

    /// <summary>The plot the header shows: the storyline (see <see cref="PlotIsStoryline"/>) or the summary.</summary>
    public string? Plot => PlotIsStoryline ? Storyline : Summary is { Length: > 0 } summary ? MarkCut(summary) : null;

    /// <summary>Certificate, runtime and genres, as the header lists them under the title (the year is in the title).</summary>
    public bool HasHeaderFacts => Certificate is { Length: > 0 } || Runtime is not null || Facts.Any(f => f.Kind == TitleFactKind.Genre);

    /// <summary>The source's own review counts, in words: "13 user reviews, 21 critic reviews and 9 Metacritic reviews".</summary>
    public string? SourceReviewCounts
    {
        get
        {
            var parts = new List<string>(3);
            if (SourceUserReviews is { } users)
                parts.Add(Plural(users, "user review", "user reviews"));
            if (SourceCriticReviews is { } critics)
                parts.Add(Plural(critics, "critic review", "critic reviews"));
            if (SourceMetacriticReviews is { } metacritic)
                parts.Add(Plural(metacritic, "Metacritic review", "Metacritic reviews"));
            return parts.Count switch
            {
                0 => null,
                1 => parts[0],
                _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
            };
        }
    }

    /// <summary>
    /// Why a "people also liked" card is there, when the film's own credits show it: a director they
    /// share ("Also directed by ..."), else the actors they share ("Shares ..."). Null for a card
    /// with nothing in common that the file records.
    /// </summary>
    public string? WhyLiked(CardView card)
    {
        var directors = Credits.Where(c => c.Role == CreditRole.Director && c.Name is not null).Select(c => c.Name!).ToHashSet(StringComparer.Ordinal);
        if (card.Directors.FirstOrDefault(directors.Contains) is { } director)
            return $"Also directed by {director}";

        var actors = Credits.Where(c => c.Role is CreditRole.Cast or CreditRole.Star && c.Name is not null).Select(c => c.Name!).ToHashSet(StringComparer.Ordinal);
        var shared = card.Stars.Where(actors.Contains).Take(2).ToList();
        return shared.Count == 0 ? null : "Shares " + string.Join(" and ", shared);
    }

    // Which sections the page shows: a section with nothing in it is left out, and so is its entry in "On this page".
    public bool HasCast => Credits.Any(c => c.Role == CreditRole.Cast);

    /// <summary>The storyline section holds what the header does not: the storyline when the header tells the summary, and further taglines.</summary>
    public bool HasStoryline => (!PlotIsStoryline && Storyline is { Length: > 0 }) || Facts.Count(f => f.Kind == TitleFactKind.Tagline) > 1;

    public bool HasDidYouKnow => Trivia.Count > 0 || Connections.Count > 0 || Soundtrack.Count > 0;

    public bool HasAlsoLiked => Cards.Count > 0;

    public bool HasFaq => Faq.Count > 0;

    public bool HasDetails => Certificate is { Length: > 0 } || Facts.Any(f => f.Kind is TitleFactKind.Certificate or TitleFactKind.ReleaseDate or TitleFactKind.AlsoKnownAs
        or TitleFactKind.Country or TitleFactKind.Language or TitleFactKind.FilmingLocation);

    public bool HasBoxOffice => Facts.Any(f => f.Kind == TitleFactKind.BoxOffice);

    public bool HasCompanies => Facts.Any(f => f.Kind == TitleFactKind.Company);

    /// <summary>Runtimes beside the title's own: "105 min" of the director's cut, of another country's release.</summary>
    public IReadOnlyList<FactView> OtherRuntimes => FactsOf(TitleFactKind.Runtime);

    public bool HasTechSpecs => Runtime is not null || OtherRuntimes.Count > 0 || SoundMix is { Length: > 0 } || Color is { Length: > 0 } || AspectRatio is { Length: > 0 };

    /// <summary>The sections shown, in page order (main column, then sidebar), with their anchors: "On this page" lists them. User reviews are always shown.</summary>
    public IReadOnlyList<PageSection> Sections =>
    [
        .. HasStoryline ? [new PageSection("storyline", "Storyline")] : Array.Empty<PageSection>(),
        .. HasCast ? [new PageSection("cast", "Cast")] : Array.Empty<PageSection>(),
        .. HasDidYouKnow ? [new PageSection("did-you-know", "Did you know")] : Array.Empty<PageSection>(),
        new PageSection("reviews", "User reviews"),
        .. HasAlsoLiked ? [new PageSection("also-liked", "More like this")] : Array.Empty<PageSection>(),
        .. HasFaq ? [new PageSection("faq", "FAQ")] : Array.Empty<PageSection>(),
        .. HasDetails ? [new PageSection("details", "Details")] : Array.Empty<PageSection>(),
        .. HasBoxOffice ? [new PageSection("box-office", "Box office")] : Array.Empty<PageSection>(),
        .. HasCompanies ? [new PageSection("companies", "Company credits")] : Array.Empty<PageSection>(),
        .. HasTechSpecs ? [new PageSection("tech-specs", "Technical specs")] : Array.Empty<PageSection>(),
    ];

    /// <summary>Whether the sidebar (details, box office, company credits, technical specs) has anything.</summary>
    public bool HasSidebar => HasDetails || HasBoxOffice || HasCompanies || HasTechSpecs;

    /// <summary>"1 review", "1,234 reviews": a count with the noun that agrees with it.</summary>
    public static string Plural(int count, string one, string many) =>
        count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>The names of <paramref name="credits"/>, comma-separated.</summary>
    public static string Names(IEnumerable<CreditView> credits) => string.Join(", ", credits.Select(c => c.Name).OfType<string>());

    /// <summary>
    /// A short text the source cut off mid-sentence (its "See full summary" link removed) ends
    /// with an ellipsis, so the reader knows there was more.
    /// </summary>
    public static string MarkCut(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length > 0 && char.IsLetterOrDigit(trimmed[^1]) ? trimmed + "\u2026" : trimmed;
    }

    /// <summary>
    /// Trivia, goofs and answers that warn they give the plot away ("Spoiler: ...", "SPOILERS!") fold
    /// away like spoiler reviews, and the page's spoiler switch hides them.
    /// </summary>
    public static bool IsSpoiler(string text) =>
        text.StartsWith("spoiler", StringComparison.OrdinalIgnoreCase)
        && text.AsSpan(text.StartsWith("spoilers", StringComparison.OrdinalIgnoreCase) ? 8 : 7) is var rest
        && (rest.IsEmpty || rest[0] is ':' or '!' or '.' or ' ' or '-' or ')');

    /// <summary>Whether anything on the page is marked as a spoiler: the spoiler switch is shown only then.</summary>
    public bool HasSpoilers => Reviews.Any(r => r.ContainsSpoilers) || Trivia.Any(t => IsSpoiler(t.Text))
        || Faq.Any(f => f.Answer is { } answer && IsSpoiler(answer));

    /// <summary>
    /// The column class of a grid of <paramref name="items"/> boxes, chosen so the last row is not one
    /// box alone where a count allows it: 3 columns if that works, else 2, else 4 (4 as 2 + 2, 5 as
    /// 3 + 2, 7 as 4 + 3).
    /// </summary>
    public static string GridColumns(int items) =>
        items <= 3 ? $"cols-{Math.Max(items, 1)}"
        : "cols-" + (new[] { 3, 2, 4 }.FirstOrDefault(columns => items % columns != 1) is var columns and > 0 ? columns : 3);

    /// <summary>The text without the "..." the source left where it cut it.</summary>
    public static string WithoutCutMark(string text) => text.TrimEnd().TrimEnd('.', '\u2026').TrimEnd();

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
    /// <summary>The other title's kind and run, when its line gave them: "Halo 3 (Video Game 2007)", "Six Flights Up (TV Series 1994–2004)".</summary>
    public TitleKind? OtherKind { get; init; }
    public int? OtherEndYear { get; init; }
    public bool OtherIsOpenRun { get; init; }

    public string DisplayName => TitleKinds.Years(OtherYear, OtherEndYear, OtherIsOpenRun) is { } years
        ? $"{OtherName} ({(TitleKinds.Label(OtherKind) is { } kind ? kind + " " : "")}{years})"
        : OtherName;
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
