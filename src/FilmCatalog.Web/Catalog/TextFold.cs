using System.Globalization;
using System.Text;

namespace FilmCatalog.Web.Catalog;

/// <summary>
/// Folds a name to the form that is matched and sorted: <c>"Łódź, Amélie's Café"</c> becomes
/// <c>"lodz amelies cafe"</c>. Slugs (<see cref="Slug"/>) and the search index use this one fold,
/// so a name and its URL never disagree about which letters are the same.
/// </summary>
/// <remarks>
/// Lower case; compatibility forms unfolded (ligatures, full-width letters); accents and other
/// marks dropped; the Latin letters that carry a stroke or are ligatures rather than an accent,
/// which Unicode does not decompose (and SQLite's <c>remove_diacritics</c> therefore keeps), spelled
/// in ASCII as transliteration tables do (ł → l, ø → o, ß → ss, æ → ae); apostrophes joined
/// ("Schindler's" → "schindlers"); anything else that is not a letter or digit separates words.
/// Letters of other scripts stay as they are, lower-cased, so Cyrillic or Greek names are still
/// found by their own letters.
/// </remarks>
public static class TextFold
{
    /// <summary>The words of <paramref name="text"/>, folded, separated by single spaces ("" when it has none).</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark || IsJoiner(c))
                continue;

            if (char.IsLetterOrDigit(c) || category == UnicodeCategory.SpacingCombiningMark)
            {
                if (pendingSpace && folded.Length > 0)
                    folded.Append(' ');
                pendingSpace = false;
                if (Spelled(c) is { } ascii)
                    folded.Append(ascii);
                else
                    folded.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return folded.ToString();
    }

    /// <summary>The words of <paramref name="text"/>, folded.</summary>
    public static string[] Words(string text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Apostrophes and the Catalan middle dot join the letters around them.</summary>
    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' or '\u00B7';

    /// <summary>Lower-case letters that no Unicode decomposition reduces to ASCII, spelled as Latin-ASCII transliteration does.</summary>
    private static string? Spelled(char c) => c switch
    {
        'ł' => "l",
        'ø' => "o",
        'đ' => "d",
        'ð' => "d",
        'þ' => "th",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ħ' => "h",
        'ı' => "i",
        'ŧ' => "t",
        'ĸ' => "k",
        'ŋ' => "n",
        'ƒ' => "f",
        'ɍ' => "r",
        'ƀ' => "b",
        'ɨ' => "i",
        'ʉ' => "u",
        'ς' => "σ",
        _ => null,
    };
}
