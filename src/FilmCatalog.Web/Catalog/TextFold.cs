using System.Text;
using AnyAscii;

namespace FilmCatalog.Web.Catalog;

/// <summary>
/// Folds a name to the form that is matched, sorted and put in URLs: <c>"Łódź, Amélie's Café"</c>
/// becomes <c>"lodz amelies cafe"</c>. Slugs (<see cref="Slug"/>), the search index and the A-Z
/// order all use this one fold.
/// </summary>
/// <remarks>
/// Letters are spelled in ASCII by AnyAscii's transliteration tables, which ship in the package and
/// need no ICU: the site runs with invariant globalization, where <c>string.Normalize</c> does not
/// decompose "É", and "ø", "ł", "ß", "ı" or "Þ" have no decomposition anyway (which is also why
/// SQLite's <c>remove_diacritics</c> and PostgreSQL's <c>unaccent</c> cannot be left to do it).
/// Other scripts are transliterated too ("Москва" is <c>moskva</c>), and a query is folded the same
/// way, so a name is found by its own letters and by their Latin spelling. Then: lower case;
/// apostrophes join ("Schindler's" is <c>schindlers</c>; AnyAscii spells ’ as '); anything else
/// that is not an ASCII letter or digit separates words.
/// </remarks>
public static class TextFold
{
    /// <summary>The words of <paramref name="text"/>, folded, separated by single spaces ("" when it has none).</summary>
    public static string Fold(string text)
    {
        var ascii = Ascii.IsValid(text) ? text : text.Transliterate();
        var folded = new StringBuilder(ascii.Length);
        var pendingSpace = false;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && folded.Length > 0)
                    folded.Append(' ');
                folded.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else if (c != '\'')
            {
                pendingSpace = true;
            }
        }

        return folded.ToString();
    }

    /// <summary>The words of <paramref name="text"/>, folded.</summary>
    public static string[] Words(string text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
