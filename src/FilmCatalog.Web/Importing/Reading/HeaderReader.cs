using System.Text.RegularExpressions;

namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// The top of the page: review counts, the title line, the line under it ("R | 104 min | Drama"),
/// the rating (with its vote count on the same line or the next, and the 2010-2011 layout's
/// Metascore), the summary, the director/writer/star credits and the awards. Its unmistakable
/// shapes are placed here wherever they stand, since a capture may move them.
/// </summary>
internal sealed partial class HeaderReader(TitlePageParser page) : FieldReader(page, PagePart.Header)
{
    private enum Kind
    {
        None,
        Title,
        OwnTitle,
        Votes,
        ReviewCounts,
        Rating,
        BareRating,
        Metascore,
        Awards,
        Fragments,
        InfoLine,
        Summary,
        Field,
    }

    private int classified = -1;
    private Kind kind;

    public override Fit Opens(int i) => Classify(i, continuing: false);

    public override Fit Continues(int i) => Classify(i, continuing: true);

    private Fit Classify(int i, bool continuing)
    {
        var (k, fit) = Read(i, continuing);
        classified = i;
        kind = k;
        return fit;
    }

    private (Kind, Fit) Read(int i, bool continuing)
    {
        var text = Text(i);

        // Every header shape is a short line; a paragraph can only be the summary.
        if (text.Length > LongestShape)
        {
            return Summary(text) is var fit and > Fit.None ? (Kind.Summary, fit) : (Kind.None, Fit.None);
        }

        if (Shapes.TryTitle(text, out var name, out var year, out var qualifier))
        {
            if (!Page.HaveTitle)
            {
                return (Kind.Title, Fit.Certain);
            }

            // The page may repeat its own title line; any other film's title belongs to another part.
            if (name == Title.Name && year == Title.Year && qualifier == Title.YearQualifier)
            {
                return (Kind.OwnTitle, Fit.Certain);
            }
        }

        if (Shapes.TryVoteCount(text, out _) && Title.RatingVotes is null && Page.PreviousContent(i) is var previous and >= 0
            && Shapes.TryTitleRating(Text(previous), out _, out var votesAbove) && votesAbove is null)
        {
            return (Kind.Votes, Fit.Certain);
        }

        if (Shapes.TryReviewCounts(text, out _, out _))
        {
            return (Kind.ReviewCounts, Fit.Strong);
        }

        if (Shapes.TryTitleRating(text, out _, out _))
        {
            // The star widget is the title's rating only when no card's credits follow it.
            return CardsReader.IsWidget(text) && CardsReader.CardFollows(Page, i) ? (Kind.None, Fit.None) : (Kind.Rating, Fit.Certain);
        }

        // "7.1" alone under the title (the 2012 layout's star box): the rating, never the summary.
        if (Page.HaveTitle && !Page.PastHeader && Shapes.TryBareRating(text, out var bare) && (Title.Rating is null || Title.Rating == bare))
        {
            return (Kind.BareRating, Fit.Strong);
        }

        if (Shapes.TryMetascore(text, out _))
        {
            return (Kind.Metascore, Fit.Certain);
        }

        if (Shapes.IsAwards(text))
        {
            return (Kind.Awards, Fit.Strong);
        }

        if (Shapes.TryCreditFragments(text, out _))
        {
            return (Kind.Fragments, Fit.Strong);
        }

        if (IsInfoLine(text))
        {
            return (Kind.InfoLine, Fit.Strong);
        }

        var field = continuing ? FieldFit(text, i) : Fit.None;
        var summary = Summary(text);
        return field >= summary && field > Fit.None ? (Kind.Field, field) : (summary > Fit.None ? (Kind.Summary, summary) : (Kind.None, Fit.None));
    }

    /// <summary>The longest line any header shape but the summary can be (a title line).</summary>
    private const int LongestShape = 300;

    /// <summary>
    /// The summary is the first paragraph under the title, before any list part of the page, also
    /// after a detour (a "Runtime:" line in the header). It reads as a sentence: a line of a word or
    /// two ("Watch Trailer", "6.4") is the page's chrome, never the summary.
    /// </summary>
    private Fit Summary(string text) =>
        Page.HaveTitle && !Page.PastHeader && Title.Summary is null && Shapes.IsSentenceLike(text) ? Fit.Likely : Fit.None;

    public override bool Take(int i)
    {
        if (classified != i)
        {
            Classify(i, continuing: Page.OpenPart == PagePart.Header);
        }

        var text = Text(i);
        switch (kind)
        {
            case Kind.Title:
                Shapes.TryTitle(text, out TitleLineParts line);
                Page.HaveTitle = true;
                Title.Name = line.Name;
                Title.Year = line.Year;
                Title.YearQualifier = line.Qualifier;
                Title.Kind = line.Kind;
                Title.EndYear = line.EndYear;
                Title.IsOpenRun = line.IsOpenRun;
                Title.TitleLine = i + 1;

                return true;
            case Kind.OwnTitle:
                return true;
            case Kind.Votes:
                Shapes.TryVoteCount(text, out var votes);
                Title.RatingVotes = votes;
                return true;
            case Kind.ReviewCounts:
                return TakeReviewCounts(text);
            case Kind.Rating:
                return TakeRating(text);
            case Kind.BareRating:
                Shapes.TryBareRating(text, out var bareRating);
                Title.Rating = bareRating;
                return true;
            case Kind.Metascore:
                Shapes.TryMetascore(text, out var metascore);
                Title.Metascore = metascore;
                return true;
            case Kind.Awards:
                Title.Awards = Title.Awards is null ? text : $"{Title.Awards} {text}";
                return true;
            case Kind.Fragments:
                Shapes.TryCreditFragments(text, out var fragments);
                Title.CreditFragments.AddRange(fragments);
                return true;
            case Kind.InfoLine:
                TakeInfoLine(i);
                return true;
            case Kind.Summary:
                Title.Summary = text;
                return true;
            case Kind.Field:
                return TakeFieldValue(text, i);
            default:
                return false;
        }
    }

    /// <summary>The line under the title: "PG | 104 min | Drama, War | 14 October 1987 (Country)".</summary>
    private static bool IsInfoLine(string text) =>
        text.Length <= 200 && !text.EndsWith('.') && InfoSeparator().IsMatch(text) && Shapes.TryRuntime(text, out _);

    private void TakeInfoLine(int i)
    {
        foreach (var segment in InfoSeparator().Split(Text(i)))
        {
            var s = segment.Trim();
            if (s.Length == 0)
            {
                continue;
            }

            if (CertificateAndRuntime().Match(s) is { Success: true } both && Shapes.TryRuntime(both.Groups["rt"].Value, out var runtime))
            {
                // "R 104 min": the certificate and the runtime with only spaces between them.
                Title.RuntimeMinutes ??= runtime;
                if (Shapes.TryCertificate(both.Groups["c"].Value, out var system, out var certificate))
                {
                    SetCertificate(system, certificate, null);
                }
                else
                {
                    Page.Note(i, $"could not place \"{both.Groups["c"].Value}\" in the line under the title");
                }
            }
            else if (Shapes.TryRuntime(s, out var minutes) && s.Length <= 20)
            {
                Title.RuntimeMinutes ??= minutes;
            }
            else if (Shapes.TryCertificate(s, out var system, out var certificate))
            {
                SetCertificate(system, certificate, null);
            }
            else if (Shapes.IsReleaseDate(s))
            {
                AddAll(Title.ReleaseDates, Shapes.SplitFacts(s));
            }
            else if (GenreSegment().IsMatch(s))
            {
                // The genres' place in the line: a word outside the source's list is kept, and named.
                var genres = Shapes.SplitList(s);
                foreach (var genre in genres.Where(g => !Vocabulary.Genres.Contains(g)))
                {
                    Page.Note(i, $"genre \"{genre}\" is not one of the source's genres; kept as printed");
                }

                AddDistinct(Title.Genres, genres);
            }
            else
            {
                Page.Note(i, $"could not place \"{s}\" in the line under the title");
            }
        }
    }

    /// <summary>"R 104 min", "TV-PG 22 min", "UK:15 1h 38min": a certificate before the runtime, spaces between.</summary>
    [GeneratedRegex(@"^(?<c>[\p{L}\p{N}+.:-]{1,15}(?: \p{L}{1,10})?)\s+(?<rt>\d{1,4}\s*min|\d{1,2}\s*h(?:\s*\d{1,2}\s*min)?)$")]
    private static partial Regex CertificateAndRuntime();

    /// <summary>Separators of the line under the title: pipes, or dashes between spaces.</summary>
    [GeneratedRegex(@"\s+\|\s+|\s+-\s+|\s+–\s+")]
    private static partial Regex InfoSeparator();

    /// <summary>A segment of capitalised words between commas: the genres' place in the line under the title.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?(?:, \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)*$")]
    private static partial Regex GenreSegment();
}
