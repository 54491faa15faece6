using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Everything the parser read from one title page, with no database in sight.
/// Lists keep the page's order; a value the page lacks is null or empty, never invented.
/// </summary>
public sealed record ParsedTitle
{
    public required string Name { get; set; }
    public int? Year { get; set; }

    /// <summary>The roman numeral after the year that tells apart films of one name and year: "I" in "(1996/I)".</summary>
    public string? YearQualifier { get; set; }

    /// <summary>What the title line says the title is when it is not a film: "TV Series", "Video Game", "TV" (a TV movie) in "Duel (1971) (TV)"; null when it names no kind.</summary>
    public TitleKind? Kind { get; set; }

    /// <summary>The end of the run the title line gives: "2004" in "(TV Series 1994–2004)".</summary>
    public int? EndYear { get; set; }

    /// <summary>The title line gives a run with no end: "(TV Series 2005–)".</summary>
    public bool IsOpenRun { get; set; }

    /// <summary>1-based line of the title line, for messages.</summary>
    public int TitleLine { get; set; }

    public int? SourceUserReviews { get; set; }
    public int? SourceCriticReviews { get; set; }

    /// <summary>The 2010-2011 layout's "9 from Metacritic.com".</summary>
    public int? SourceMetacriticReviews { get; set; }

    /// <summary>Metacritic's score out of 100, as the page printed it.</summary>
    public int? Metascore { get; set; }

    public string? Summary { get; set; }
    public string? Storyline { get; set; }
    public string? StorylineAuthor { get; set; }
    public List<string> Taglines { get; set; } = [];
    public List<string> Genres { get; set; } = [];

    public string? CertificateSystem { get; set; }
    public string? Certificate { get; set; }
    public string? CertificateReason { get; set; }

    /// <summary>Certificates of other rating systems ("15" qualified by "UK"), in the page's order.</summary>
    public List<ParsedFact> OtherCertificates { get; set; } = [];

    public string? Awards { get; set; }
    public double? Rating { get; set; }
    public int? RatingVotes { get; set; }
    public int? RuntimeMinutes { get; set; }

    /// <summary>Runtimes beside the first, as printed ("105 min" qualified by "director's cut"); the catalog does not store them yet.</summary>
    public List<ParsedFact> OtherRuntimes { get; set; } = [];

    /// <summary>Names left over from the lost director/writer/star links, e.g. "as Someone".</summary>
    public List<string> CreditFragments { get; set; } = [];
    public List<string> Directors { get; set; } = [];
    public List<string> Writers { get; set; } = [];
    public List<string> Stars { get; set; } = [];
    public List<ParsedCastMember> Cast { get; set; } = [];

    public List<ParsedFact> ReleaseDates { get; set; } = [];
    public List<ParsedFact> AlsoKnownAs { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<string> FilmingLocations { get; set; } = [];

    /// <summary>Label ("Budget", "Gross USA", "Opening Weekend") and figure as printed.</summary>
    public List<ParsedFact> BoxOffice { get; set; } = [];
    public List<string> Companies { get; set; } = [];

    public string? SoundMix { get; set; }
    public string? Color { get; set; }
    public string? AspectRatio { get; set; }

    public List<ParsedTrivia> Trivia { get; set; } = [];
    public List<ParsedConnection> Connections { get; set; } = [];
    public List<ParsedSoundtrack> Soundtrack { get; set; } = [];
    public List<ParsedFaq> Faq { get; set; } = [];
    public bool FaqEmpty { get; set; }

    public List<ParsedReview> Reviews { get; set; } = [];
    public List<ParsedCard> AlsoLiked { get; set; } = [];
}

/// <summary>A text with an optional qualifier: a date and its country, a figure and its label.</summary>
public sealed record ParsedFact(string Text, string? Qualifier);

/// <summary>A cast line. <see cref="Name"/> is null when the source lost it.</summary>
public sealed record ParsedCastMember(string? Name, string? Character, string? Note);

public sealed record ParsedTrivia(TriviaKind Kind, string Text);

public sealed record ParsedConnection(string Kind, string OtherName, int? OtherYear, string? Note)
{
    /// <summary>"I" in "(1996/I)".</summary>
    public string? OtherYearQualifier { get; init; }

    /// <summary>The other title's kind, when its line names one: "Featured in Halo 3 (Video Game 2007)".</summary>
    public TitleKind? OtherKind { get; init; }

    /// <summary>The other title's run: "(TV Series 1994–2004)" ends in 2004, "(TV Series 2005–)" is open.</summary>
    public int? OtherEndYear { get; init; }
    public bool OtherIsOpenRun { get; init; }
}

public sealed record ParsedSoundtrack(string? Song, IReadOnlyList<string> CreditLines);

public sealed record ParsedFaq(string Question, string? Answer);

public sealed record ParsedReview
{
    public required string Headline { get; init; }
    public DateOnly? Date { get; init; }
    public string? Author { get; init; }

    /// <summary>Where the author said they were: "Quimper" in "by Anaïs Kerbrat (Quimper)".</summary>
    public string? AuthorPlace { get; init; }
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

    /// <summary>"I" in "(1996/I)".</summary>
    public string? YearQualifier { get; init; }

    /// <summary>The kind the card's title line names ("Wine Tycoon (Video Game 2009)"); null when it names none.</summary>
    public TitleKind? Kind { get; init; }

    /// <summary>The run the card's title line gives: "(TV Series 1994–2004)" ends in 2004, "(TV Series 2005–)" is open.</summary>
    public int? EndYear { get; init; }
    public bool IsOpenRun { get; init; }
    public List<string> Genres { get; init; } = [];
    public double? Rating { get; init; }
    public string? Plot { get; init; }
    public List<string> Directors { get; init; } = [];
    public List<string> Stars { get; init; } = [];
}

/// <summary>
/// A title line read: its name, year and qualifier, its kind as the catalog keeps it ("(TV)" is a TV movie)
/// and a series' run.
/// </summary>
public sealed record TitleLineParts(string Name, int? Year, string? Qualifier, TitleKind? Kind, int? EndYear, bool IsOpenRun)
{
    public static readonly TitleLineParts None = new("", null, null, null, null, false);
}

/// <summary>A line the parser could not place, reported with its 1-based number.</summary>
public sealed record ParseWarning(int Line, string Message);

/// <summary>The parser's result: the title plus the lines it could not place.</summary>
public sealed record ParseResult(ParsedTitle Title, IReadOnlyList<ParseWarning> Warnings)
{
    /// <summary>What became of each line (index 0 is line 1): the importer's accounting.</summary>
    public IReadOnlyList<LineFate> Fates { get; init; } = [];

    /// <summary>
    /// Content lines no reader claimed and no rule warned about: each was still reported as a
    /// warning, but a non-zero count means a reader let a line fall through. Tests hold it at 0.
    /// </summary>
    public int Unaccounted { get; init; }
}

/// <summary>What became of one line of a title page.</summary>
public enum LineFate
{
    Unread,
    Blank,

    /// <summary>Link text whose target was lost ("See more »"), the page's chrome and footer.</summary>
    Navigation,

    /// <summary>A heading or marker that says which part follows ("Storyline", "Release Date:").</summary>
    Structure,

    /// <summary>Its content is in the record.</summary>
    Placed,

    /// <summary>Reported as a warning with its line number.</summary>
    Warned,
}

/// <summary>The file is not a title page at all; <see cref="Line"/> says where that became clear.</summary>
public sealed class TitlePageFormatException(int line, string reason) : Exception(reason)
{
    public int Line { get; } = line;
}
