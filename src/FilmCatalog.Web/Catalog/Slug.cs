using System.Security.Cryptography;
using System.Text;
using AnyAscii;

namespace FilmCatalog.Web.Catalog;

/// <summary>
/// Readable, stable URL keys for titles: "Some Film (1992)" becomes <c>some-film-1992</c>,
/// "Éloïse (1999)" <c>eloise-1999</c>, "Hamlet (1996/I)" <c>hamlet-1996-i</c>.
/// </summary>
/// <remarks>
/// Letters are folded to ASCII by AnyAscii's transliteration tables, which ship in the package and
/// need no ICU: the site runs with invariant globalization, where <c>string.Normalize</c> does not
/// decompose "É", and "ø", "ł", "ß", "ı" or "Þ" have no decomposition anyway. A title whose slug
/// changed when this rule came in keeps its old one as a <see cref="SlugAlias"/>.
/// </remarks>
public static class Slug
{
    private const int MaxNameLength = 80;

    public static string For(string name, int? year, string? yearQualifier = null)
    {
        var words = Words(name);
        if (words.Length == 0)
        {
            // A name with no letters or digits in any script still needs a stable, unique key.
            words = "title-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
        }

        if (year is not { } y)
        {
            return words;
        }

        var qualifier = yearQualifier is { Length: > 0 } q ? "-" + Words(q) : "";
        return $"{words}-{y}{qualifier}";
    }

    private static string Words(string name)
    {
        var folded = Ascii.IsValid(name) ? name : name.Transliterate();
        var slug = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                    slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (c != '\'')
            {
                // Apostrophes join ("Schindler's" -> "schindlers"; AnyAscii folds ’ to '); anything else separates words.
                pendingDash = true;
            }

            if (slug.Length >= MaxNameLength)
                break;
        }

        return slug.ToString().TrimEnd('-');
    }
}
