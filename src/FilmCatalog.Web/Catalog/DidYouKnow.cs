namespace FilmCatalog.Web.Catalog;

/// <summary>A "did you know" item that is a paragraph: trivia, a goof, a quote or a crazy credit.</summary>
public sealed class Trivia
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public TriviaKind Kind { get; set; }
    public int Position { get; set; }

    /// <summary>For quotes, one "Character: line" per line.</summary>
    public required string Text { get; set; }
}

public enum TriviaKind
{
    Trivia = 1,
    Goof = 2,
    Quote = 3,
    CrazyCredit = 4,
}

/// <summary>A link to another film: "Featured in X (2007)", "Remade as Y (2001)".</summary>
public sealed class Connection
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public int Position { get; set; }

    /// <summary>"Featured in", "Referenced in", "Follows", ...</summary>
    public required string Kind { get; set; }
    public required string OtherName { get; set; }
    public int? OtherYear { get; set; }

    /// <summary>The other title's kind when its line names one, "Video Game" in "Featured in Halo 3 (Video Game 2007)"; else null.</summary>
    public TitleKind? OtherKind { get; set; }

    /// <summary>The other title's run as its line gives it: "2004" in "(TV Series 1994–2004)", or open, "(TV Series 2005–)".</summary>
    public int? OtherEndYear { get; set; }
    public bool OtherIsOpenRun { get; set; }

    /// <summary>Slug the other film would have in this catalog; the page links when it exists.</summary>
    public required string OtherSlug { get; set; }
    public string? Note { get; set; }
}

public sealed class SoundtrackEntry
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public int Position { get; set; }

    /// <summary>The song title; null when the source lost it.</summary>
    public string? Song { get; set; }

    /// <summary>"Written by Don Smith", "Performed by ...", "Courtesy of ...", one per line, in order.</summary>
    public List<string> CreditLines { get; set; } = [];
}

public sealed class FaqEntry
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public int Position { get; set; }
    public required string Question { get; set; }
    public string? Answer { get; set; }
}
