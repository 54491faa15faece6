namespace FilmCatalog.Web.Catalog;

/// <summary>
/// A film. Either imported from a title page, or known only from a "people also liked" card
/// (<see cref="IsCardOnly"/>) until its own page is imported.
/// </summary>
public sealed class Title
{
    public int Id { get; set; }

    /// <summary>Readable, unique, stable: <c>name-year</c>, e.g. <c>some-film-1992</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }
    public int? Year { get; set; }

    /// <summary>The roman numeral that tells apart films of one name and year: "I" in "Hamlet (1996/I)". Part of the slug.</summary>
    public string? YearQualifier { get; set; }

    /// <summary>
    /// What the title is (a film, a TV series, a video game...), from its own page's title line, or from a card's
    /// while it is card-only; null when not known (imported before kinds were stored, or named only by cards without one).
    /// </summary>
    public TitleKind? Kind { get; set; }

    /// <summary>The last year of a run, "2004" in "(TV Series 1994–2004)"; null when the title line gives none.</summary>
    public int? EndYear { get; set; }

    /// <summary>The title line gave a run with no end, "(TV Series 2005–)": still running when the page was saved.</summary>
    public bool IsOpenRun { get; set; }
    public bool IsCardOnly { get; set; }

    public string? Summary { get; set; }
    public string? Storyline { get; set; }
    public string? StorylineAuthor { get; set; }

    /// <summary>Rating system the certificate belongs to, e.g. "MPAA".</summary>
    public string? CertificateSystem { get; set; }
    public string? Certificate { get; set; }
    public string? CertificateReason { get; set; }

    public string? Awards { get; set; }

    /// <summary>Source rating on a 1-10 scale.</summary>
    public double? Rating { get; set; }
    public int? RatingVotes { get; set; }
    public int? RuntimeMinutes { get; set; }

    /// <summary>Review counts printed on the source page: not reviews we hold.</summary>
    public int? SourceUserReviews { get; set; }
    public int? SourceCriticReviews { get; set; }

    /// <summary>"9 from Metacritic.com" on the source page (2010-2011 layout).</summary>
    public int? SourceMetacriticReviews { get; set; }

    /// <summary>Metacritic's score out of 100, as the source printed it.</summary>
    public int? Metascore { get; set; }

    public string? SoundMix { get; set; }
    public string? Color { get; set; }
    public string? AspectRatio { get; set; }

    /// <summary>The source said the FAQ is empty; kept so nothing the file held is lost.</summary>
    public bool FaqEmpty { get; set; }

    /// <summary>Visible reviews we hold (imported and posted here), kept in step by every review write.</summary>
    public int ReviewCount { get; set; }

    /// <summary>Ratings given in visible reviews posted on this site, for our visitors' own average.</summary>
    public int VisitorRatingCount { get; set; }
    public int VisitorRatingSum { get; set; }

    /// <summary>
    /// How many of those ratings gave each score: [0] counts 1/10, [9] counts 10/10; null before
    /// the first. Kept beside the count and sum so the title page draws the distribution without a query.
    /// </summary>
    public List<int>? VisitorRatingCounts { get; set; }

    /// <summary>A visible review posted here with <paramref name="rating"/> now counts in the visitors' aggregate.</summary>
    public void AddVisitorRating(int rating) => CountVisitorRating(rating, +1);

    /// <summary>A review posted here with <paramref name="rating"/> left the visible ones (hidden or removed).</summary>
    public void RemoveVisitorRating(int rating) => CountVisitorRating(rating, -1);

    private void CountVisitorRating(int rating, int change)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 10);
        VisitorRatingCount += change;
        VisitorRatingSum += change * rating;

        // A new list, not the old one changed in place: EF Core compares the property's value to see that it changed.
        var counts = VisitorRatingCounts is { Count: 10 } known ? new List<int>(known) : [.. new int[10]];
        counts[rating - 1] = Math.Max(0, counts[rating - 1] + change);
        VisitorRatingCounts = counts;
    }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<TitleFact> Facts { get; set; } = [];
    public List<Credit> Credits { get; set; } = [];
    public List<Trivia> Trivia { get; set; } = [];
    public List<Connection> Connections { get; set; } = [];
    public List<SoundtrackEntry> Soundtrack { get; set; } = [];
    public List<FaqEntry> Faq { get; set; } = [];
    public List<AlsoLiked> AlsoLiked { get; set; } = [];
    public List<Review> Reviews { get; set; } = [];
}
