using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Everything the parser read from one title page, with no database in sight.
/// Lists keep the page's order; a value the page lacks is null or empty, never invented.
/// </summary>
public sealed record ParsedTitle
{
    public required string Name { get; init; }
    public int? Year { get; init; }

    /// <summary>1-based line of the title line, for messages.</summary>
    public int TitleLine { get; init; }

    public int? SourceUserReviews { get; init; }
    public int? SourceCriticReviews { get; init; }

    public string? Summary { get; init; }
    public string? Storyline { get; init; }
    public string? StorylineAuthor { get; init; }
    public List<string> Taglines { get; init; } = [];
    public List<string> Genres { get; init; } = [];

    public string? CertificateSystem { get; init; }
    public string? Certificate { get; init; }
    public string? CertificateReason { get; init; }

    public string? Awards { get; init; }
    public double? Rating { get; init; }
    public int? RatingVotes { get; init; }
    public int? RuntimeMinutes { get; init; }

    /// <summary>Names left over from the lost director/writer/star links, e.g. "as Someone".</summary>
    public List<string> CreditFragments { get; init; } = [];
    public List<string> Directors { get; init; } = [];
    public List<string> Writers { get; init; } = [];
    public List<string> Stars { get; init; } = [];
    public List<ParsedCastMember> Cast { get; init; } = [];

    public List<ParsedFact> ReleaseDates { get; init; } = [];
    public List<ParsedFact> AlsoKnownAs { get; init; } = [];
    public List<string> Countries { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public List<string> FilmingLocations { get; init; } = [];

    /// <summary>Label ("Budget", "Gross USA", "Opening Weekend") and figure as printed.</summary>
    public List<ParsedFact> BoxOffice { get; init; } = [];
    public List<string> Companies { get; init; } = [];

    public string? SoundMix { get; init; }
    public string? Color { get; init; }
    public string? AspectRatio { get; init; }

    public List<ParsedTrivia> Trivia { get; init; } = [];
    public List<ParsedConnection> Connections { get; init; } = [];
    public List<ParsedSoundtrack> Soundtrack { get; init; } = [];
    public List<ParsedFaq> Faq { get; init; } = [];
    public bool FaqEmpty { get; init; }

    public List<ParsedReview> Reviews { get; init; } = [];
    public List<ParsedCard> AlsoLiked { get; init; } = [];
}

/// <summary>A text with an optional qualifier: a date and its country, a figure and its label.</summary>
public sealed record ParsedFact(string Text, string? Qualifier);

/// <summary>A cast line. <see cref="Name"/> is null when the source lost it.</summary>
public sealed record ParsedCastMember(string? Name, string? Character, string? Note);

public sealed record ParsedTrivia(TriviaKind Kind, string Text);

public sealed record ParsedConnection(string Kind, string OtherName, int? OtherYear, string? Note);

public sealed record ParsedSoundtrack(string? Song, IReadOnlyList<string> CreditLines);

public sealed record ParsedFaq(string Question, string? Answer);

public sealed record ParsedReview
{
    public required string Headline { get; init; }
    public DateOnly? Date { get; init; }
    public string? Author { get; init; }
    public int? Rating { get; init; }
    public bool ContainsSpoilers { get; init; }

    /// <summary>Paragraphs in order.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public int Helpful { get; init; }
    public int Voted { get; init; }
}

/// <summary>A "people also liked" card; <see cref="Name"/> is null when its title line was lost.</summary>
public sealed record ParsedCard
{
    public string? Name { get; init; }
    public int? Year { get; init; }
    public List<string> Genres { get; init; } = [];
    public double? Rating { get; init; }
    public string? Plot { get; init; }
    public List<string> Directors { get; init; } = [];
    public List<string> Stars { get; init; } = [];
}

/// <summary>A line the parser could not place, reported with its 1-based number.</summary>
public sealed record ParseWarning(int Line, string Message);

/// <summary>The parser's result: the title plus the lines it could not place.</summary>
public sealed record ParseResult(ParsedTitle Title, IReadOnlyList<ParseWarning> Warnings);

/// <summary>The file is not a title page at all; <see cref="Line"/> says where that became clear.</summary>
public sealed class TitlePageFormatException(int line, string reason) : Exception(reason)
{
    public int Line { get; } = line;
}
