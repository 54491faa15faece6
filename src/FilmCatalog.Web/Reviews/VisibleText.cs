using System.Globalization;
using System.Text;

namespace FilmCatalog.Web.Reviews;

/// <summary>
/// What of a visitor's text can be seen: not format characters (zero-width spaces and joiners,
/// direction marks and overrides), not the fillers that are letters yet draw nothing (U+3164 HANGUL FILLER
/// and its kin, U+2800 BRAILLE PATTERN BLANK). A headline of three zero-width spaces is no headline, and a
/// review's length is counted in the characters a reader meets (spaces among them), an emoji as one.
/// </summary>
public static class VisibleText
{
    /// <summary>How many characters of <paramref name="text"/> a reader meets: spaces count, invisible characters do not.</summary>
    public static int Length(string text)
    {
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisible(rune))
                length++;
        }

        return length;
    }

    /// <summary>Whether <paramref name="text"/> shows nothing at all: only spaces and invisible characters.</summary>
    public static bool IsBlank(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisible(rune) && !Rune.IsWhiteSpace(rune))
                return false;
        }

        return true;
    }

    /// <summary><paramref name="text"/> without its control characters other than line breaks and tabs: no text, drawn as boxes where drawn at all.</summary>
    public static string WithoutControlCharacters(string text) =>
        text.Any(IsStrayControl) ? string.Concat(text.Where(c => !IsStrayControl(c))) : text;

    private static bool IsStrayControl(char c) => char.IsControl(c) && c is not ('\n' or '\t');

    private static bool IsInvisible(Rune rune) =>
        (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format || (Rune.IsControl(rune) && rune.Value is not ('\n' or '\t')))
        || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
}
