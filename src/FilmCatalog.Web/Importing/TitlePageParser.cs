using System.Text.RegularExpressions;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Reads one title page saved as text (see <c>docs/FORMAT.md</c> in the shared notes) into a
/// <see cref="ParsedTitle"/>. The capture lost every link's text, so a part is recognised by its
/// heading where that survived and by its shape where it did not. Lines it cannot place become
/// warnings with their line numbers; navigation is dropped silently. The only exception it throws
/// is <see cref="TitlePageFormatException"/>, for files that are not a title page at all.
/// </summary>
public sealed partial class TitlePageParser
{
    private enum Part
    {
        Header,
        General,
        Cards,
        Cast,
        DidYouKnow,
        Faq,
        Reviews,
    }

    /// <summary>The heading whose values the next lines hold ("Release Date:" then "14 October 1987 (...)").</summary>
    private enum Field
    {
        None,
        Storyline,
        Taglines,
        Genres,
        ReleaseDates,
        AlsoKnownAs,
        FilmingLocations,
        Countries,
        Languages,
        Runtime,
        Color,
        SoundMix,
        AspectRatio,
        BoxOffice,
        Companies,
        Certificate,
        Directors,
        Writers,
        Stars,
        Rating,

        /// <summary>A heading the catalog keeps nothing for (its values were links): values become warnings.</summary>
        Unkept,
    }

    private readonly List<PageLine> lines;
    private readonly List<ParseWarning> warnings;
    private ParsedTitle title = new() { Name = "" };
    private bool haveTitle;

    private Part part = Part.Header;
    private Field field;
    private string? fieldLabel;
    private bool fieldTaken;
    private bool taglineExpected;

    private TitlePageParser(List<PageLine> lines, List<ParseWarning> warnings)
    {
        this.lines = lines;
        this.warnings = warnings;
    }

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
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case LineKind.Navigation:
                    continue;
                case LineKind.Blank:
                    OnBlank();
                    continue;
                case LineKind.TaglineMarker:
                    LeaveCurrentPart(Part.General);
                    taglineExpected = true;
                    continue;
                default:
                    Place(i, line);
                    CheckCaps(line);
                    break;
            }
        }

        EndBlock();
        if (!haveTitle)
        {
            var first = lines.Find(l => l.Kind != LineKind.Blank);
            throw new TitlePageFormatException(Math.Max(1, first.Number), "no title line");
        }

        return new ParseResult(Build(), warnings.OrderBy(w => w.Line).ToList());
    }

    private void Place(int index, PageLine line)
    {
        var expectTagline = taglineExpected;
        taglineExpected = false;

        if (part == Part.Cards && TryCardCredit(line.Text))
        {
            return;
        }

        if (TryHeading(line))
        {
            return;
        }

        var placed = part switch
        {
            Part.Cards => TryCard(line.Text),
            Part.Cast => TryCast(line.Text),
            Part.DidYouKnow => AddToBlock(line),
            Part.Faq => TryFaq(line.Text),
            Part.Reviews => TryReview(index, line),
            _ => false,
        };

        if (!placed)
        {
            PlaceGeneral(line, expectTagline);
        }
    }

    private void OnBlank()
    {
        switch (part)
        {
            case Part.Cast:
                // A character sits right under its "Name ..." line; after a gap it cannot follow.
                pendingCast = null;
                break;
            case Part.DidYouKnow:
                EndBlock();
                break;
        }
    }

    /// <summary>Closes whatever the current part had open and moves to <paramref name="next"/>.</summary>
    private void LeaveCurrentPart(Part next)
    {
        EndBlock();
        pendingCast = null;
        currentReview = null;
        currentFaq = null;
        card = null;
        field = Field.None;
        fieldLabel = null;
        fieldTaken = false;
        part = next;
    }

    private bool TryHeading(PageLine line)
    {
        var text = line.Text;
        if (text.Length > 200)
        {
            return false;
        }

        var section = SectionHeading().Match(text);
        if (section.Success)
        {
            OpenSection(section.Groups["h"].Value, section.Groups["sys"].Value);
            return true;
        }

        // Inside the prose parts a long "Word: ..." line is a paragraph, not the Details heading it resembles.
        var inProse = part is Part.Reviews or Part.Faq or Part.DidYouKnow;
        var valued = ValueHeading().Match(text);
        if (!valued.Success || (inProse && text.Length > 80))
        {
            return false;
        }

        OpenField(valued.Groups["h"].Value, valued.Groups["sys"].Value);
        var value = valued.Groups["v"].Value.Trim();
        if (value.Length > 0 && !TakeFieldValue(value))
        {
            Warn(line, $"could not read the value of \"{valued.Groups["h"].Value}\"");
        }

        return true;
    }

    private void OpenSection(string heading, string system)
    {
        var h = heading.ToLowerInvariant();
        if (h.StartsWith("people who liked", StringComparison.Ordinal))
        {
            LeaveCurrentPart(Part.Cards);
        }
        else if (h.StartsWith("cast", StringComparison.Ordinal) || h.Contains("credited cast", StringComparison.Ordinal)
            || h.StartsWith("rest of cast", StringComparison.Ordinal))
        {
            LeaveCurrentPart(Part.Cast);
        }
        else if (h.StartsWith("motion picture rating", StringComparison.Ordinal))
        {
            LeaveCurrentPart(Part.General);
            field = Field.Certificate;
            fieldLabel = Shapes.NullIfEmpty(system);
        }
        else if (h.StartsWith("did you know", StringComparison.Ordinal))
        {
            LeaveCurrentPart(Part.DidYouKnow);
            explicitKind = DidYouKnowKind.ByShape;
        }
        else if (TryDidYouKnowHeading(h, out var kind))
        {
            LeaveCurrentPart(Part.DidYouKnow);
            explicitKind = kind;
        }
        else if (h is "frequently asked questions" or "faq")
        {
            LeaveCurrentPart(Part.Faq);
        }
        else if (h == "user reviews")
        {
            LeaveCurrentPart(Part.Reviews);
        }
        else if (h == "storyline")
        {
            LeaveCurrentPart(Part.General);
            field = Field.Storyline;
        }
        else
        {
            // Details, Box Office, Company Credits, Technical Specs: only group the value headings.
            LeaveCurrentPart(Part.General);
        }
    }

    private void OpenField(string heading, string system)
    {
        var h = heading.ToLowerInvariant();
        var next = h switch
        {
            _ when h.StartsWith("release date", StringComparison.Ordinal) => Field.ReleaseDates,
            "also known as" => Field.AlsoKnownAs,
            _ when h.StartsWith("filming location", StringComparison.Ordinal) => Field.FilmingLocations,
            "country" or "countries" => Field.Countries,
            "language" or "languages" => Field.Languages,
            "runtime" => Field.Runtime,
            "color" or "colour" => Field.Color,
            "sound mix" => Field.SoundMix,
            "aspect ratio" => Field.AspectRatio,
            _ when h.StartsWith("budget", StringComparison.Ordinal) || h.StartsWith("opening weekend", StringComparison.Ordinal)
                || h.Contains("gross", StringComparison.Ordinal) => Field.BoxOffice,
            _ when h.StartsWith("production co", StringComparison.Ordinal) => Field.Companies,
            "tagline" or "taglines" => Field.Taglines,
            "genre" or "genres" => Field.Genres,
            _ when h.StartsWith("certifica", StringComparison.Ordinal) || h.StartsWith("motion picture rating", StringComparison.Ordinal) => Field.Certificate,
            "director" or "directors" or "creator" or "creators" => Field.Directors,
            _ when h.StartsWith("writer", StringComparison.Ordinal) => Field.Writers,
            "star" or "stars" => Field.Stars,
            "rating" or "ratings" => Field.Rating,
            _ => Field.Unkept,
        };

        // Value headings sit inside Details/Technical Specs/Storyline, never inside a list part.
        if (part is not (Part.Header or Part.General))
        {
            LeaveCurrentPart(Part.General);
        }

        field = next;
        fieldLabel = next == Field.Certificate ? Shapes.NullIfEmpty(system) : heading.Trim();
        fieldTaken = false;
    }

    /// <summary>Fields that take one value; later lines go back to being placed by shape.</summary>
    private static bool IsSingleValued(Field f) =>
        f is Field.Runtime or Field.Color or Field.SoundMix or Field.AspectRatio or Field.Certificate or Field.Rating;

    private void PlaceGeneral(PageLine line, bool expectTagline)
    {
        var text = line.Text;
        if (!haveTitle && Shapes.TryTitle(text, out var name, out var year))
        {
            haveTitle = true;
            title = title with { Name = name, Year = year, TitleLine = line.Number };
            return;
        }

        if (field != Field.None && !fieldTaken && TakeFieldValue(text))
        {
            return;
        }

        if (TryKnownShape(line, expectTagline))
        {
            return;
        }

        if (field != Field.None && !IsSingleValued(field) && TakeFieldValue(text))
        {
            return;
        }

        if (expectTagline && text.Length <= 200)
        {
            title.Taglines.Add(text);
            return;
        }

        if (part == Part.Header && haveTitle && title.Summary is null)
        {
            title = title with { Summary = text };
            return;
        }

        Warn(line, "could not place this line");
    }

    /// <summary>Parts that look the same wherever they stand on the page.</summary>
    private bool TryKnownShape(PageLine line, bool expectTagline)
    {
        var text = line.Text;
        if (Shapes.TryReviewCounts(text, out var user, out var critic))
        {
            title = title with { SourceUserReviews = user ?? title.SourceUserReviews, SourceCriticReviews = critic ?? title.SourceCriticReviews };
            return true;
        }

        if (Shapes.TryTitle(text, out var name, out var year))
        {
            // The page may repeat its own title line; any other film's title is out of place here.
            return name == title.Name && year == title.Year;
        }

        if (Shapes.IsFaqEmpty(text))
        {
            title = title with { FaqEmpty = true };
            return true;
        }

        if (Shapes.TryTitleRating(text, out var rating, out var votes))
        {
            title = title with { Rating = rating, RatingVotes = votes ?? title.RatingVotes };
            return true;
        }

        if (Shapes.IsAwards(text))
        {
            title = title with { Awards = title.Awards is null ? text : $"{title.Awards} {text}" };
            return true;
        }

        if (Shapes.TryCreditFragments(text, out var fragments))
        {
            title.CreditFragments.AddRange(fragments);
            return true;
        }

        if (Shapes.TryStoryline(text, out var storyline, out var author))
        {
            title = title with { Storyline = storyline, StorylineAuthor = author };
            return true;
        }

        if (Shapes.TryRated(text, out var certificate, out var reason))
        {
            SetCertificate(null, certificate, reason);
            return true;
        }

        if (Shapes.TryGenres(text, out var genres))
        {
            AddDistinct(title.Genres, genres);
            return true;
        }

        if (!expectTagline && TryHeaderInfo(line))
        {
            return true;
        }

        if (Shapes.TryConnection(text, requireYear: true, out var connection))
        {
            title.Connections.Add(connection);
            return true;
        }

        return false;
    }

    /// <summary>The line under the title: "PG | 104 min | Drama, War | 14 October 1987 (Country)".</summary>
    private bool TryHeaderInfo(PageLine line)
    {
        var text = line.Text;
        if (text.Length > 200 || !Shapes.TryRuntime(text, out _) || text.EndsWith('.'))
        {
            return false;
        }

        foreach (var segment in HeaderSeparator().Split(text))
        {
            var s = segment.Trim();
            if (s.Length == 0)
            {
                continue;
            }

            if (Shapes.TryRuntime(s, out var minutes) && s.Length <= 20)
            {
                title = title with { RuntimeMinutes = title.RuntimeMinutes ?? minutes };
            }
            else if (Shapes.IsStandaloneCertificate(s))
            {
                SetCertificate(null, s.Replace("Rated ", "", StringComparison.Ordinal), null);
            }
            else if (Shapes.IsReleaseDate(s))
            {
                AddAll(title.ReleaseDates, Shapes.SplitFacts(s));
            }
            else if (Shapes.TryGenres(s, out var genres))
            {
                AddDistinct(title.Genres, genres);
            }
            else
            {
                Warn(line, $"could not place \"{s}\" in the line under the title");
            }
        }

        return true;
    }

    /// <summary>Stores a value under the open heading; false when it does not fit that heading.</summary>
    private bool TakeFieldValue(string text)
    {
        var taken = field switch
        {
            Field.Storyline => TakeStoryline(text),
            Field.Taglines => AddAll(title.Taglines, [text]),
            Field.Genres => AddGenres(text),
            Field.ReleaseDates => AddAll(title.ReleaseDates, Shapes.SplitFacts(text)),
            Field.AlsoKnownAs => AddAll(title.AlsoKnownAs, Shapes.SplitFacts(text)),
            Field.FilmingLocations => AddAll(title.FilmingLocations, [text]),
            Field.Countries => AddAll(title.Countries, Shapes.SplitList(text)),
            Field.Languages => AddAll(title.Languages, Shapes.SplitList(text)),
            Field.Runtime => TakeRuntime(text),
            Field.Color => Set(() => title = title with { Color = JoinPipes(text) }),
            Field.SoundMix => Set(() => title = title with { SoundMix = JoinPipes(text) }),
            Field.AspectRatio => Set(() => title = title with { AspectRatio = text }),
            Field.BoxOffice => AddAll(title.BoxOffice, [new ParsedFact(text, fieldLabel)]),
            Field.Companies => AddAll(title.Companies, SplitCompanies(text)),
            Field.Certificate => TakeCertificate(text),
            Field.Directors => AddNames(title.Directors, text),
            Field.Writers => AddNames(title.Writers, text),
            Field.Stars => AddNames(title.Stars, text),
            Field.Rating => TakeRating(text),
            _ => false,
        };

        fieldTaken |= taken;
        if (taken && IsSingleValued(field))
        {
            field = Field.None;
        }

        return taken;
    }

    private bool TakeStoryline(string text)
    {
        if (Shapes.TryStoryline(text, out var storyline, out var author))
        {
            title = title with { Storyline = Append(title.Storyline, storyline), StorylineAuthor = author };
        }
        else
        {
            title = title with { Storyline = Append(title.Storyline, text) };
        }

        return true;
    }

    private bool AddGenres(string text)
    {
        var genres = Shapes.SplitList(text);
        AddDistinct(title.Genres, genres);
        return genres.Count > 0;
    }

    private bool TakeRuntime(string text)
    {
        if (!Shapes.TryRuntime(text, out var minutes))
        {
            return false;
        }

        title = title with { RuntimeMinutes = minutes };
        return true;
    }

    private bool TakeRating(string text)
    {
        if (!Shapes.TryTitleRating(text, out var rating, out var votes))
        {
            return false;
        }

        title = title with { Rating = rating, RatingVotes = votes };
        return true;
    }

    /// <summary>"Rated PG for mild peril" under a system heading, or "Certificate: Country:R | ...".</summary>
    private bool TakeCertificate(string text)
    {
        if (Shapes.TryRated(text, out var rated, out var reason))
        {
            SetCertificate(fieldLabel, rated, reason);
            return true;
        }

        var first = Shapes.SplitList(text, alsoPipes: true).FirstOrDefault();
        if (first is null)
        {
            return false;
        }

        var colon = first.IndexOf(':');
        if (colon > 0 && colon < first.Length - 1)
        {
            SetCertificate(first[..colon].Trim(), first[(colon + 1)..].Trim(), null);
        }
        else
        {
            SetCertificate(fieldLabel, first, null);
        }

        return true;
    }

    private void SetCertificate(string? system, string certificate, string? reason)
    {
        title = title with
        {
            CertificateSystem = system ?? title.CertificateSystem,
            Certificate = certificate,
            CertificateReason = reason ?? title.CertificateReason,
        };
    }

    private bool AddNames(List<string> names, string text)
    {
        foreach (var item in Shapes.SplitList(text, alsoPipes: true))
        {
            if (Shapes.TryCreditFragments(item, out var fragments))
            {
                title.CreditFragments.AddRange(fragments);
            }
            else
            {
                names.Add(item);
            }
        }

        return true;
    }

    /// <summary>Company names may end in ", Inc." or ", Ltd.", which is not a second company.</summary>
    private static List<string> SplitCompanies(string text)
    {
        var companies = new List<string>();
        foreach (var item in Shapes.SplitList(text))
        {
            if (companies.Count > 0 && CompanySuffix().IsMatch(item))
            {
                companies[^1] = $"{companies[^1]}, {item}";
            }
            else
            {
                companies.Add(item);
            }
        }

        return companies;
    }

    private static string JoinPipes(string text) => string.Join(" | ", text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }

    /// <summary>Adds what is not there yet (a part may be repeated); true when the line gave any value.</summary>
    private static bool AddAll<T>(List<T> list, IEnumerable<T> items)
    {
        var any = false;
        foreach (var item in items)
        {
            any = true;
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }

        return any;
    }

    private static void AddDistinct(List<string> list, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            if (!list.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(item);
            }
        }
    }

    private static string Append(string? existing, string text) => existing is null ? text : $"{existing}\n\n{text}";

    /// <summary>
    /// A title page places most of its lines. Past this many unplaced lines, when they are also most
    /// of the lines read so far, the file is noise that happens to hold a title-shaped line: it is
    /// refused at once rather than imported with half a million warnings.
    /// </summary>
    private const int MaxUnplacedLines = 500;

    private void Warn(PageLine line, string message)
    {
        if (warnings.Count >= MaxUnplacedLines && warnings.Count * 2 > line.Number)
        {
            throw new TitlePageFormatException(
                line.Number, $"{warnings.Count} warnings in the first {line.Number} lines: too little of it can be placed for a title page");
        }

        var text = line.Text.Length > 80 ? line.Text[..77] + "..." : line.Text;
        warnings.Add(new ParseWarning(line.Number, $"{message}: \"{text}\""));
    }

    private ParsedTitle Build() => title with
    {
        AlsoLiked = cards.ConvertAll(c => c.ToParsed()),
        Reviews = reviews.ConvertAll(r => r.ToParsed()),
        Soundtrack = soundtrack.ConvertAll(s => new ParsedSoundtrack(s.Song, s.CreditLines)),
        Faq = faqs.ConvertAll(f => new ParsedFaq(f.Question, f.Answer)),
    };

    [GeneratedRegex(
        @"^(?<h>Did You Know\??|Trivia|Goofs|Quotes|Crazy Credits|(?:Movie )?Connections|Soundtracks?|Frequently Asked Questions|FAQ|User Reviews|Storyline|Details|Box Office|Company Credits|Technical Specs|People who liked this also liked.*|Cast overview.*|Cast(?: \([^)]*\))?|(?:Complete |Series )?Credited cast.*|Rest of cast listed alphabetically|Motion Picture Rating \((?<sys>[^)]*)\))\s*:?(?:\s*Edit)?$",
        RegexOptions.IgnoreCase)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(
        @"^(?<h>Release Dates?|Also Known As|Filming Locations?|Countr(?:y|ies)|Languages?|Runtime|Colou?r|Sound Mix|Aspect Ratio|Budget|Opening Weekend(?: USA)?|Gross(?: USA)?|Cumulative Worldwide Gross|Production Co(?:mpan(?:y|ies)|s)?|Taglines?|Genres?|Certificate|Certification|Directors?|Writers?|Writer\(s\)|Stars?|Creators?|Ratings?|Plot Keywords|Official Sites?|Parents Guide|Motion Picture Rating \((?<sys>[^)]*)\))\s*:\s*(?<v>.*)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex ValueHeading();

    [GeneratedRegex(@"\s+\|\s+|\s+-\s+|\s+–\s+")]
    private static partial Regex HeaderSeparator();

    [GeneratedRegex(@"^(?:Inc|Ltd|LLC|L\.L\.C|Co|Corp|GmbH|S\.A|S\.L|AG|KG|BV|Pty)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex CompanySuffix();
}
