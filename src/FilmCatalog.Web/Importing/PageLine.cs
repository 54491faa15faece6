using System.Text;
using System.Text.RegularExpressions;

namespace FilmCatalog.Web.Importing;

internal enum LineKind
{
    Blank,

    /// <summary>Only link text that lost its target ("See more »", "On Disc"): skipped silently.</summary>
    Navigation,

    /// <summary>"Plot Summary | Add Synopsis" ("| Plot Synopsis" when the film has one): navigation itself, but the tagline follows it.</summary>
    TaglineMarker,
    Content,
}

/// <summary>One line of a title page, cleaned: spaces collapsed, no-break spaces and navigation removed.</summary>
internal readonly record struct PageLine(int Number, string Text, LineKind Kind)
{
    public static List<PageLine> Split(string text)
    {
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var lines = new List<PageLine>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            lines.Add(Read(i + 1, raw[i]));
        }

        return lines;
    }

    private static PageLine Read(int number, string raw)
    {
        var cleaned = CollapseSpaces(raw);
        if (cleaned.Length == 0)
        {
            return new PageLine(number, "", LineKind.Blank);
        }

        if (Navigation.IsTaglineMarker(cleaned))
        {
            return new PageLine(number, "", LineKind.TaglineMarker);
        }

        var content = Navigation.Strip(cleaned);
        return content.Length == 0
            ? new PageLine(number, "", LineKind.Navigation)
            : new PageLine(number, content, LineKind.Content);
    }

    /// <summary>
    /// Treats every kind of space (no-break spaces above all) as one plain space and drops control
    /// and zero-width characters, so the shape checks never have to think about them.
    /// </summary>
    internal static string CollapseSpaces(string raw)
    {
        // Most lines are clean already: return them as they are instead of copying them.
        if (IsClean(raw))
        {
            return raw;
        }

        var sb = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (char.IsControl(c) || c is '\uFEFF' or '\u200B' or '\u200C' or '\u200D')
            {
                continue;
            }

            if (pendingSpace && sb.Length > 0)
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>True when <see cref="CollapseSpaces"/> would return the line unchanged: single plain spaces between words, nothing to drop.</summary>
    private static bool IsClean(string raw)
    {
        var previous = ' ';
        foreach (var c in raw)
        {
            if (c == ' ' ? previous == ' ' : char.IsWhiteSpace(c) || char.IsControl(c) || c is '\uFEFF' or '\u200B' or '\u200C' or '\u200D')
            {
                return false;
            }

            previous = c;
        }

        return previous != ' ';
    }
}

/// <summary>
/// The text of links whose targets were lost in the capture. It is never content, so it is removed
/// before any part is recognised; a line that held nothing else is skipped without a warning.
/// </summary>
internal static partial class Navigation
{
    public static bool IsTaglineMarker(string cleaned) => TaglineMarker().IsMatch(cleaned);

    public static string Strip(string cleaned)
    {
        // A line without a pipe, a "»" or the start of a phrase (review paragraphs, most of a page)
        // is left as it is by every pattern below, unless it is an ambiguous phrase standing alone;
        // checking that is far cheaper than running each of them over the line.
        if (!MayHoldNavigation().IsMatch(cleaned) && (cleaned.Length > LongestLonePhrase || !SegmentPhrases().IsMatch(cleaned)))
        {
            return cleaned;
        }

        var text = SummaryTail().Replace(cleaned, "");
        text = DistinctPhrases().Replace(text, "");
        text = TrailingSeeMore().Replace(text, "");

        // Ambiguous phrases ("Edit", "On Disc") are navigation only when they stand alone or
        // between pipes; each pass removes one of two neighbours, so repeat a few times.
        for (var pass = 0; pass < 4; pass++)
        {
            var next = SegmentPhrases().Replace(text, "|");
            if (next == text)
            {
                break;
            }

            text = next;
        }

        text = text.Replace("»", "", StringComparison.Ordinal);
        text = PipeRun().Replace(text, " | ");
        return text.Trim(' ', '|');
    }

    /// <summary>Longer than any phrase of <see cref="SegmentPhrases"/>, which without a pipe can only match a whole line.</summary>
    private const int LongestLonePhrase = 40;

    /// <summary>
    /// What every match of the patterns below contains (same options, so the same case folding):
    /// a pipe, a "»", or the opening words of a phrase that needs neither.
    /// </summary>
    [GeneratedRegex(@"[|»]|See (?:more|all|full)|Was this review helpful|see all ratings|more credit|Show detailed", RegexOptions.IgnoreCase)]
    private static partial Regex MayHoldNavigation();

    [GeneratedRegex(@"^(?:Plot Summary\s*\|\s*(?:Add|Plot) Synopsis|Plot Summary|Add Synopsis|Plot Synopsis)$", RegexOptions.IgnoreCase)]
    private static partial Regex TaglineMarker();

    /// <summary>The "... See full summary »" tail: the ellipsis belongs to the link, not the text.</summary>
    [GeneratedRegex(@"\s*(?:\.{3}|…)?\s*See full (?:summary|synopsis)\s*»?", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryTail();

    [GeneratedRegex(
        @"\s*(?:[-–]?\s*see all ratings|See more awards|See all certifications|See more on IMDbPro|See all \d[\d,]* (?:user |external |critic )?reviews|(?:[-–]\s*)?See all my reviews|See full (?:cast|technical specs)(?: and crew)?|See all \d[\d,]* (?:photos|videos)|Was this review helpful to you\?|Show more on(?: IMDbPro)?(?=\s*»)|Show detailed (?:company )?contact information(?: on IMDbPro)?|See more(?=\s*»)|See(?=\s*»)|(?:,\s*)?(?:and\s+)?\d+ more credits?(?=\s*(?:»|$)))\s*»?",
        RegexOptions.IgnoreCase)]
    private static partial Regex DistinctPhrases();

    [GeneratedRegex(@"\s*\|?\s*See more\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingSeeMore();

    [GeneratedRegex(
        @"(?:^|\|)\s*(?:On Disc|at Amazon|Learn more|Report this|Edit|Review this title|Contribute to This Page|Add Synopsis|Plot Synopsis|Plot Summary|See all my reviews|Getting Started|Contributor Zone|Create a character page for:?|Watch Trailer|Your rating:?|-/10)\s*(?=\||$)",
        RegexOptions.IgnoreCase)]
    private static partial Regex SegmentPhrases();

    [GeneratedRegex(@"\s*\|(?:\s*\|)*\s*")]
    private static partial Regex PipeRun();
}
