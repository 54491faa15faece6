using System.Text.RegularExpressions;
using FilmCatalog.Web.Importing.Reading;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Reads one title page saved as text (see <c>docs/FORMAT.md</c>) into a <see cref="ParsedTitle"/>.
/// The capture lost every link's text, so many headings are gone; the page is read by one
/// <see cref="PartReader"/> per part (header, cards, cast, storyline, details, box office, company
/// credits, technical specs, did you know, FAQ, reviews, footer), and this class only dispatches.
/// </summary>
/// <remarks>
/// For each line: a heading that survived opens its part outright. Otherwise the open part says how
/// well the line continues it and every other part how well the line would begin it; the evidence
/// is weighed with the site's fixed order of parts (a part further down the page is the likelier
/// next one) and a small preference for staying in the open part. A line no part wants is a warning
/// with its line number; navigation is dropped. Every line ends up placed, recognised as structure or
/// navigation, or warned (<see cref="ParseResult.Fates"/>). The only exception thrown is
/// <see cref="TitlePageFormatException"/>, for files that are not a title page at all.
/// </remarks>
public sealed partial class TitlePageParser
{
    /// <summary>
    /// Raised whenever the parser reads a page differently: files imported by an older version are
    /// read again on their next import instead of being skipped as unchanged (see <see cref="Catalog.ImportRecord"/>).
    /// Version 1 was the single-pass parser; version 2 reads with one reader per part; version 3 reads the shapes
    /// found on unseen pages (docs/FORMAT.md 13-23: bare ratings, names ending in '.', lists joined by "and", ...);
    /// version 4 keeps the kind and run of a title line ("(TV Series 1994–2004)") for the page, its cards and its connections;
    /// version 5 stores the runtimes beside the first ("| 105 min (director's cut)").
    /// </summary>
    public const int Version = 5;

    /// <summary>Evidence is a <see cref="Fit"/> times ten, plus these: the open part holds its line on a tie...</summary>
    private const int Stay = 5;

    /// <summary>...and a part further down the page's usual order is likelier than one above.</summary>
    private const int Forward = 2, Backward = -2;

    /// <summary>
    /// A title page places most of its lines. Past this many unplaced lines, when they are also most
    /// of the lines read so far, the file is noise that happens to hold a title-shaped line: it is
    /// refused at once rather than imported with half a million warnings.
    /// </summary>
    private const int MaxUnplacedLines = 500;

    private readonly LineFate[] fates;
    private readonly List<ParseWarning> warnings;
    private readonly PartReader[] readers;
    private PartReader? open;

    /// <summary>The readers whose lists are theirs until they close (the caps count them as they grow).</summary>
    private readonly CardsReader cards;
    private readonly DidYouKnowReader didYouKnow;
    private readonly FaqReader faq;
    private readonly ReviewsReader reviews;

    private TitlePageParser(List<PageLine> lines, List<ParseWarning> warnings)
    {
        Lines = lines;
        this.warnings = warnings;
        fates = new LineFate[lines.Count];
        Header = new HeaderReader(this);
        Storyline = new StorylineReader(this);
        cards = new CardsReader(this);
        didYouKnow = new DidYouKnowReader(this);
        faq = new FaqReader(this);
        reviews = new ReviewsReader(this);
        readers =
        [
            Header, cards, new CastReader(this), Storyline, new FieldReader(this, PagePart.Details),
            new FieldReader(this, PagePart.BoxOffice), new FieldReader(this, PagePart.Companies), new FieldReader(this, PagePart.TechSpecs),
            didYouKnow, faq, reviews, new FooterReader(this),
        ];
    }

    internal List<PageLine> Lines { get; }

    /// <summary>The record the readers fill.</summary>
    internal ParsedTitle Title { get; } = new() { Name = "" };

    internal bool HaveTitle { get; set; }

    internal HeaderReader Header { get; }

    internal StorylineReader Storyline { get; }

    /// <summary>The part open now (null before the first line).</summary>
    internal PagePart? OpenPart => open?.Part;

    /// <summary>Set once a part below the header (cards, cast, storyline, did you know, FAQ, reviews) has opened.</summary>
    internal bool PastHeader { get; private set; }

    /// <summary>Decodes the file's bytes (UTF-8, UTF-16 by its mark, or Windows-1252) and parses the text.</summary>
    /// <exception cref="TitlePageFormatException">The file is empty, binary, or has no title line.</exception>
    public static ParseResult Parse(byte[] content)
    {
        var (text, warnings) = TitlePageDecoder.Decode(content);
        return ParseText(text, warnings);
    }

    /// <summary>Parses a title page's text.</summary>
    /// <exception cref="TitlePageFormatException">The text is empty, binary, or has no title line.</exception>
    public static ParseResult Parse(string text) => ParseText(text, []);

    private static ParseResult ParseText(string? text, List<ParseWarning> warnings)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TitlePageFormatException(1, "empty file");
        }

        TitlePageDecoder.RefuseBinary(text);
        var lines = PageLine.Split(text);
        if (lines.TrueForAll(l => l.Kind == LineKind.Blank))
        {
            throw new TitlePageFormatException(1, "empty file");
        }

        return new TitlePageParser(lines, warnings).Run();
    }

    private ParseResult Run()
    {
        for (var i = 0; i < Lines.Count; i++)
        {
            switch (Lines[i].Kind)
            {
                case LineKind.Blank:
                    fates[i] = LineFate.Blank;
                    open?.Blank();
                    break;
                case LineKind.Navigation:
                    fates[i] = LineFate.Navigation;
                    break;
                case LineKind.TaglineMarker:
                    // "Plot Summary | Add Synopsis": navigation itself, but the storyline's tagline follows it.
                    fates[i] = LineFate.Structure;
                    SwitchTo(Storyline);
                    Storyline.ExpectTagline();
                    break;
                default:
                    Read(i);
                    CheckCaps(i);
                    break;
            }
        }

        open?.Close();
        RemoveRepeats();
        if (!HaveTitle)
        {
            var first = Lines.FindIndex(l => l.Kind != LineKind.Blank);
            throw new TitlePageFormatException(Math.Max(1, first + 1), "no title line");
        }

        // A content line no reader claimed and none warned about is still reported, never dropped silently.
        var unaccounted = 0;
        for (var i = 0; i < fates.Length; i++)
        {
            if (fates[i] == LineFate.Unread)
            {
                unaccounted++;
                Warn(i, "could not place this line");
            }
        }

        return new ParseResult(Title, warnings.OrderBy(w => w.Line).ToList()) { Fates = fates, Unaccounted = unaccounted };
    }

    private void Read(int i)
    {
        if (open?.OwnsBeforeHeadings(i) == true)
        {
            Take(open, i);
            return;
        }

        if (TryHeading(i))
        {
            return;
        }

        var stay = open?.Continues(i) ?? Fit.None;
        if (stay == Fit.Certain)
        {
            Take(open!, i);
            return;
        }

        var best = stay > Fit.None ? open : null;
        var bestScore = stay > Fit.None ? ((int)stay * 10) + Stay : 0;
        foreach (var reader in readers)
        {
            if (reader == open)
            {
                continue;
            }

            var fit = reader.Opens(i);
            if (fit == Fit.None)
            {
                continue;
            }

            var score = ((int)fit * 10) + (open is null || reader.Part >= open.Part ? Forward : Backward);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }

        if (best is null)
        {
            Warn(i, "could not place this line");
            return;
        }

        SwitchTo(best);
        Take(best, i);
    }

    private void Take(PartReader reader, int i)
    {
        if (!reader.Take(i))
        {
            Warn(i, "could not place this line");
        }
        else if (fates[i] == LineFate.Unread)
        {
            fates[i] = LineFate.Placed;
        }
    }

    private void SwitchTo(PartReader reader)
    {
        if (reader == open)
        {
            return;
        }

        open?.Close();
        open = reader;
        PastHeader |= reader.Part is PagePart.Cards or PagePart.Cast or PagePart.Storyline or PagePart.DidYouKnow or PagePart.Faq or PagePart.Reviews;
    }

    private PartReader ReaderOf(PagePart part) => Array.Find(readers, r => r.Part == part)!;

    /// <summary>A heading that survived the capture: a section ("Storyline") or a value heading ("Release Date: ...").</summary>
    private bool TryHeading(int i)
    {
        var text = Lines[i].Text;
        if (text.Length > 200)
        {
            return false;
        }

        var section = SectionHeading().Match(text);
        if (section.Success && Headings.Section(section.Groups["h"].Value) is { } named)
        {
            var reader = ReaderOf(named.Part);
            SwitchTo(reader);
            reader.OpenSection(named.Kind, Shapes.NullIfEmpty(section.Groups["sys"].Value));
            fates[i] = LineFate.Structure;
            return true;
        }

        var valued = ValueHeading().Match(text);
        if (!valued.Success)
        {
            return TryUnknownLabel(i, text);
        }

        var heading = valued.Groups["h"].Value;
        var (part, field) = Headings.Field(heading);
        var value = valued.Groups["v"].Value.Trim();
        if (field == Field.None || (part == PagePart.DidYouKnow && value.Length == 0))
        {
            return false;
        }

        // Inside the prose parts a long "Word: ..." line is a paragraph, not the heading it resembles;
        // in "did you know", "Trivia: ..." is the item's label whatever its length (the 2010-2011 layout).
        var inProse = open?.Part is PagePart.Reviews or PagePart.Faq or PagePart.DidYouKnow;
        if (inProse && text.Length > 80 && !(part == PagePart.DidYouKnow && open?.Part == PagePart.DidYouKnow))
        {
            return false;
        }

        var owner = ReaderOf(part);
        SwitchTo(owner);
        owner.OpenField(field, heading.Trim(), Shapes.NullIfEmpty(valued.Groups["sys"].Value));
        if (value.Length == 0)
        {
            fates[i] = LineFate.Structure;
        }
        else if (owner.TakeFieldValue(value, i))
        {
            fates[i] = fates[i] == LineFate.Unread ? LineFate.Placed : fates[i];
        }
        else
        {
            Warn(i, $"could not read the value of \"{heading}\"");
        }

        return true;
    }

    /// <summary>
    /// "Seasons: 1 2 3" or "Episode Guide: 236 Episodes" under "Stars:": a label the catalog keeps
    /// nothing for closes the open list of names and is reported, so its value never becomes people;
    /// so is each label line right under it ("Years: 1994").
    /// </summary>
    private bool TryUnknownLabel(int i, string text)
    {
        var afterLabel = unknownLabel >= 0 && PreviousContent(i) == unknownLabel;
        if (!(afterLabel || open is FieldReader { NamesOpen: true }) || UnknownLabel().Match(text) is not { Success: true } label)
        {
            return false;
        }

        (open as FieldReader)?.CloseField();
        unknownLabel = i;
        Warn(i, $"\"{label.Groups["h"].Value}\" is not a heading the catalog keeps; its line is not read");
        return true;
    }

    /// <summary>The last line read as a label the catalog does not know (-1 when none).</summary>
    private int unknownLabel = -1;

    /// <summary>
    /// A part may be repeated whole (a capture that saved a block twice): an item identical to one read
    /// before is that item again, not a second one, as release dates already were. A cast row whose
    /// actor was lost is kept each time: two extras may play "Soldier".
    /// </summary>
    private void RemoveRepeats()
    {
        Title.Cast = Once(Title.Cast, c => c.Name is null ? null : string.Join('\u0001', c.Name, c.Character, c.Note));
        Title.Trivia = Once(Title.Trivia, t => $"{t.Kind}\u0001{t.Text}");
        Title.Connections = Once(Title.Connections, c => string.Join('\u0001', c.Kind, c.OtherName, c.OtherYear, c.OtherYearQualifier, c.OtherKind, c.OtherEndYear, c.OtherIsOpenRun, c.Note));
        Title.Soundtrack = Once(Title.Soundtrack, s => string.Join('\u0001', [s.Song, .. s.CreditLines]));
        Title.Faq = Once(Title.Faq, f => $"{f.Question}\u0001{f.Answer}");
        Title.Reviews = Once(Title.Reviews, r => string.Join(
            '\u0001', [r.Headline, r.Date?.ToString("O", System.Globalization.CultureInfo.InvariantCulture), r.Author, r.AuthorPlace,
                r.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ContainsSpoilers ? "s" : "", $"{r.Helpful}/{r.Voted}", .. r.Paragraphs]));
        Title.AlsoLiked = Once(Title.AlsoLiked, c => string.Join(
            '\u0001', [c.Name, c.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.YearQualifier, c.Kind?.ToString(),
                c.EndYear?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.IsOpenRun ? "open" : "", c.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Plot,
                string.Join('|', c.Genres), string.Join('|', c.Directors), string.Join('|', c.Stars)]));
    }

    /// <summary>The items in order, each key once; an item whose key is null is always kept.</summary>
    private static List<T> Once<T>(List<T> items, Func<T, string?> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return items.FindAll(item => key(item) is not { } k || seen.Add(k));
    }

    /// <summary>Index of the next line holding content (or the tagline marker) after <paramref name="index"/>; -1 when none.</summary>
    internal int NextContent(int index)
    {
        for (var i = index + 1; i >= 1 && i < Lines.Count; i++)
        {
            if (Lines[i].Kind is LineKind.Content or LineKind.TaglineMarker)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the content line before <paramref name="index"/>; -1 when none.</summary>
    internal int PreviousContent(int index)
    {
        for (var i = index - 1; i >= 0 && i < Lines.Count; i--)
        {
            if (Lines[i].Kind == LineKind.Content)
            {
                return i;
            }
        }

        return -1;
    }

    internal void MarkNavigation(int index) => fates[index] = LineFate.Navigation;

    /// <summary>Reports line <paramref name="index"/> (0-based) as a warning with its 1-based number.</summary>
    internal void Warn(int index, string message)
    {
        var number = index + 1;
        if (warnings.Count >= MaxUnplacedLines && warnings.Count * 2 > number)
        {
            throw new TitlePageFormatException(
                number, $"{warnings.Count} warnings in the first {number} lines: too little of it can be placed for a title page");
        }

        var text = Lines[index].Text;
        text = text.Length > 80 ? text[..77] + "..." : text;
        warnings.Add(new ParseWarning(number, $"{message}: \"{text}\""));
        fates[index] = LineFate.Warned;
    }

    /// <summary>Reports something about a line that was placed all the same (an unknown genre kept, say).</summary>
    internal void Note(int index, string message) => warnings.Add(new ParseWarning(index + 1, message));

    [GeneratedRegex(
        @"^(?<h>Did You Know\??|Trivia|Goofs|Quotes|Crazy Credits|(?:Movie )?Connections|Soundtracks?|Frequently Asked Questions|FAQ|User Reviews|Storyline|Details|Box Office|Company Credits|Technical Specs|People who liked this also liked.*|Recommendations|Cast overview.*|Cast(?: \([^)]*\))?|(?:Complete |Series )?Credited cast.*|Rest of cast listed alphabetically|Motion Picture Rating \((?<sys>[^)]*)\))\s*:?(?:\s*Edit)?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(
        @"^(?<h>Release Dates?|Also Known As|Filming Locations?|Countr(?:y|ies)|Languages?|Runtime|Colou?r|Sound Mix|Aspect Ratio|Budget|Opening Weekend(?: USA)?|Gross(?: USA)?|Cumulative Worldwide Gross|Production Co(?:mpan(?:y|ies)|s)?|Taglines?|Genres?|Certificate|Certification|Directors?|Writers?(?: \(WGA\))?|Writer\(s\)|Stars?|Creators?|Ratings?|Reviews|Metascore|Plot Keywords|Official Sites?|Parents Guide|Trivia|Goofs|Quotes|Crazy Credits|(?:Movie )?Connections|Soundtracks?|Motion Picture Rating \((?<sys>[^)]*)\))\s*:\s*(?<v>.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex ValueHeading();

    /// <summary>A label and its value, "Seasons: 1 2 3": one to four words, the first capitalised, then a colon and a space or nothing.</summary>
    [GeneratedRegex(@"^(?<h>\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,3}(?: \([^()]{1,20}\))?)\s*:(?:\s+\S.*)?$")]
    private static partial Regex UnknownLabel();
}

/// <summary>The parts of a title page, in the site's own order from top to bottom.</summary>
internal enum PagePart
{
    Header,
    Cards,
    Cast,
    Storyline,
    Details,
    BoxOffice,
    Companies,
    TechSpecs,
    DidYouKnow,
    Faq,
    Reviews,
    Footer,
}

/// <summary>How well a line fits a part: the evidence a reader gives for it.</summary>
internal enum Fit
{
    None,

    /// <summary>Could be, if nothing else wants it.</summary>
    Weak,

    /// <summary>The part's usual content in the usual place.</summary>
    Likely,

    /// <summary>A shape that is this part's, rarely another's.</summary>
    Strong,

    /// <summary>Unmistakable: taken without asking the other parts.</summary>
    Certain,
}
