using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// "Did you know": trivia, goofs, quotes, crazy credits, connections and soundtrack entries. Items
/// are told apart by blank lines. Under a surviving sub-heading ("Goofs") an item is of that kind;
/// where the sub-headings were lost, each item is weighed by its shape and the page's evidence.
/// </summary>
/// <remarks>
/// A connection starts with its verb and names a film with its year; a song is followed by its
/// credit lines. A quote is "Speaker: line", and the speaker is usually one of the cast's characters,
/// or at least a name: "The house used in the film is real: ..." has a colon, but no speaker, and
/// is trivia. A goof may have lost its category prefix: it then speaks the language of mistakes
/// ("visible in the next shot", "wasn't invented until"), and stands where the page puts goofs,
/// right after the trivia.
/// </remarks>
internal sealed class DidYouKnowReader(TitlePageParser page) : PartReader(page)
{
    private readonly List<int> block = [];
    private readonly List<SoundtrackDraft> soundtrack = [];
    private SectionKind explicitKind = SectionKind.Whole;
    private string? connectionVerb;

    /// <summary>The kind of the last item read by shape: the page's order (trivia, goofs, quotes, ...) hints at the next one's.</summary>
    private TriviaKind? previousKind;

    public override PagePart Part => PagePart.DidYouKnow;

    /// <summary>Lines of the item being gathered, not yet told apart: counted against the caps before they are.</summary>
    public int PendingItems => block.Count;

    /// <summary>Soundtrack entries read so far.</summary>
    public int SoundtrackCount => soundtrack.Count;

    public override Fit Opens(int i)
    {
        var text = Text(i);
        if (!Page.HaveTitle)
        {
            return Fit.None;
        }

        if (Shapes.TryConnection(text, requireYear: true, out _))
        {
            return Fit.Strong;
        }

        if (Shapes.IsGoof(text))
        {
            return Fit.Likely;
        }

        // A song title with its credits under it.
        if (Page.NextContent(i) == i + 1 && Shapes.IsSoundtrackCredit(Text(i + 1)) && text.Length <= 120)
        {
            return Fit.Likely;
        }

        // A quote whose speaker is one of the cast's characters.
        if (Shapes.IsQuoteLine(text, out var speaker) && speaker is not null && IsCastCharacter(speaker))
        {
            return Fit.Likely;
        }

        // A sentence below the storyline, details or specs, where the page puts "did you know": a hint only.
        return Page.PastHeader && Page.OpenPart is >= PagePart.Storyline and < PagePart.DidYouKnow && IsSentence(text) ? Fit.Weak : Fit.None;
    }

    private static bool IsSentence(string text) =>
        text.Length is >= 20 and <= 2000 && text.Contains(' ', StringComparison.Ordinal) && ".!?\"')".Contains(text[^1], StringComparison.Ordinal);

    public override Fit Continues(int i)
    {
        var text = Text(i);
        return Shapes.IsSoundtrackCredit(text) || Shapes.TryConnection(text, requireYear: false, out _) ? Fit.Certain : Fit.Likely;
    }

    public override bool Take(int i)
    {
        block.Add(i);
        return true;
    }

    public override void OpenSection(SectionKind kind, string? system)
    {
        EndBlock();
        explicitKind = kind;
    }

    /// <summary>"Trivia: ..." (the 2010-2011 layout): an item with its kind in front.</summary>
    public override void OpenField(Field field, string heading, string? system) =>
        OpenSection(Headings.Section(heading)?.Kind ?? SectionKind.Whole, system);

    public override bool TakeFieldValue(string text, int i)
    {
        block.Add(i);
        inlineValue[i] = text;
        return true;
    }

    /// <summary>Values of "Trivia: ..." lines, without their label.</summary>
    private readonly Dictionary<int, string> inlineValue = [];

    private string ItemText(int i) => inlineValue.TryGetValue(i, out var value) ? value : Text(i);

    public override void Blank() => EndBlock();

    public override void Close()
    {
        EndBlock();
        explicitKind = SectionKind.Whole;
        Title.Soundtrack = soundtrack.ConvertAll(s => new ParsedSoundtrack(s.Song, s.CreditLines));
    }

    private void EndBlock()
    {
        if (block.Count == 0)
        {
            return;
        }

        switch (explicitKind)
        {
            case SectionKind.Trivia:
                block.ForEach(i => AddTrivia(TriviaKind.Trivia, ItemText(i)));
                break;
            case SectionKind.Goofs:
                block.ForEach(i => AddTrivia(TriviaKind.Goof, ItemText(i)));
                break;
            case SectionKind.CrazyCredits:
                block.ForEach(i => AddTrivia(TriviaKind.CrazyCredit, ItemText(i)));
                break;
            case SectionKind.Quotes:
                AddTrivia(TriviaKind.Quote, string.Join("\n", block.Select(ItemText)));
                break;
            case SectionKind.Connections:
                block.ForEach(AddListedConnection);
                break;
            case SectionKind.Soundtracks:
                block.ForEach(i => AddSoundtrackLine(ItemText(i)));
                soundtrack.ForEach(s => s.Closed = true);
                break;
            default:
                ClassifyByShape();
                break;
        }

        block.Clear();
    }

    private void AddTrivia(TriviaKind kind, string text) => Title.Trivia.Add(new ParsedTrivia(kind, text));

    /// <summary>Under a "Connections" heading a verb may stand alone above the titles it applies to.</summary>
    private void AddListedConnection(int i)
    {
        var text = ItemText(i);
        if (Shapes.TryConnectionVerb(text, out var verb))
        {
            connectionVerb = verb;
        }
        else if (Shapes.TryConnection(text, requireYear: false, out var connection))
        {
            Title.Connections.Add(connection);
        }
        else if (connectionVerb is not null && Shapes.TryTitle(text, out TitleLineParts line))
        {
            Title.Connections.Add(new ParsedConnection(connectionVerb, line.Name, line.Year, null)
            {
                OtherYearQualifier = line.Qualifier,
                OtherKind = line.Kind,
                OtherEndYear = line.EndYear,
                OtherIsOpenRun = line.IsOpenRun,
            });
        }
        else
        {
            Page.Warn(i, "could not read this connection");
        }
    }

    /// <summary>A song line, a credit line, or (2010-2011 layout) both on one: "Salt Hymn Written by ... Performed by ...".</summary>
    private void AddSoundtrackLine(string text)
    {
        var parts = Shapes.SplitSoundtrackCredits(text);
        if (parts.Count > 1)
        {
            parts.ForEach(AddSoundtrackLine);
            return;
        }

        if (Shapes.IsSoundtrackCredit(text))
        {
            if (soundtrack.Count == 0 || soundtrack[^1].Closed)
            {
                soundtrack.Add(new SoundtrackDraft(null));
            }

            soundtrack[^1].CreditLines.Add(text);
        }
        else
        {
            if (soundtrack.Count > 0)
            {
                soundtrack[^1].Closed = true;
            }

            soundtrack.Add(new SoundtrackDraft(text));
        }
    }

    private void ClassifyByShape()
    {
        var at = 0;
        while (at < block.Count)
        {
            var text = ItemText(block[at]);
            var next = at + 1 < block.Count ? ItemText(block[at + 1]) : null;
            if (Shapes.TryConnection(text, requireYear: true, out var connection))
            {
                Title.Connections.Add(connection);
                previousKind = null;
                at++;
            }
            else if (Shapes.IsGoof(text))
            {
                AddTrivia(TriviaKind.Goof, text);
                previousKind = TriviaKind.Goof;
                at++;
            }
            else if ((next is not null && Shapes.IsSoundtrackCredit(next)) || (Shapes.IsSoundtrackCredit(text) && next is not null))
            {
                at = TakeSoundtrackEntry(at);
                previousKind = null;
            }
            else if (IsQuoteAt(at))
            {
                at = TakeQuote(at);
                previousKind = TriviaKind.Quote;
            }
            else
            {
                var kind = IsUnprefixedGoof(text) ? TriviaKind.Goof : TriviaKind.Trivia;
                AddTrivia(kind, text);
                previousKind = kind;
                at++;
            }
        }
    }

    /// <summary>
    /// Goof language is evidence: two of its phrases make a goof; one does where the page puts goofs
    /// (right after trivia or another goof, before quotes and connections).
    /// </summary>
    private bool IsUnprefixedGoof(string text)
    {
        var phrases = Shapes.GoofPhrases(text);
        return phrases >= 2 || (phrases == 1 && previousKind is TriviaKind.Trivia or TriviaKind.Goof);
    }

    /// <summary>
    /// A quote's lines are "Speaker: line" (or a stage direction). A speaker of the cast list is
    /// evidence enough; a name-shaped speaker is when the quote has several lines or the name is short.
    /// </summary>
    private bool IsQuoteAt(int at)
    {
        var speakers = new List<string>();
        for (var i = at; i < block.Count && Shapes.IsQuoteLine(ItemText(block[i]), out var speaker); i++)
        {
            if (speaker is not null)
            {
                speakers.Add(speaker);
            }
        }

        if (speakers.Count == 0)
        {
            return false;
        }

        if (speakers.Exists(IsCastCharacter))
        {
            return true;
        }

        return speakers.TrueForAll(Shapes.LooksLikeSpeaker) && (speakers.Count > 1 || speakers[0].Split(' ').Length <= 2);
    }

    private bool IsCastCharacter(string speaker) =>
        Title.Cast.Exists(m => string.Equals(m.Character, speaker, StringComparison.OrdinalIgnoreCase)
            || m.Character?.Split(' ', 2)[0] == speaker || string.Equals(m.Name, speaker, StringComparison.OrdinalIgnoreCase));

    private int TakeSoundtrackEntry(int start)
    {
        var at = start;
        var entry = new SoundtrackDraft(Shapes.IsSoundtrackCredit(ItemText(block[at])) ? null : ItemText(block[at++]));
        while (at < block.Count && Shapes.IsSoundtrackCredit(ItemText(block[at])))
        {
            entry.CreditLines.Add(ItemText(block[at++]));
        }

        entry.Closed = true;
        soundtrack.Add(entry);
        return at;
    }

    /// <summary>Consecutive "Character: line" lines (and stage directions) are one quote.</summary>
    private int TakeQuote(int start)
    {
        var at = start;
        var lines = new List<string>();
        while (at < block.Count && Shapes.IsQuoteLine(ItemText(block[at]), out _))
        {
            lines.Add(ItemText(block[at++]));
        }

        AddTrivia(TriviaKind.Quote, string.Join("\n", lines));
        return at;
    }

    private sealed class SoundtrackDraft(string? song)
    {
        public string? Song { get; } = song;
        public List<string> CreditLines { get; } = [];

        /// <summary>A later credit line belongs to a new entry whose song title was lost.</summary>
        public bool Closed { get; set; }
    }
}
