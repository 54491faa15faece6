using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FilmCatalog.Web.Catalog;

/// <summary>Readable, stable URL keys for titles: "Some Film (1992)" becomes <c>some-film-1992</c>.</summary>
public static class Slug
{
    private const int MaxNameLength = 80;

    public static string For(string name, int? year)
    {
        var words = Words(name);
        if (words.Length == 0)
        {
            // A name with no Latin letters or digits still needs a stable, unique key.
            words = "title-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];
        }

        return year is { } y ? $"{words}-{y}" : words;
    }

    private static string Words(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                    slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (c != '\'' && c != '\u2019')
            {
                // Apostrophes join ("Schindler's" -> "schindlers"); anything else separates words.
                pendingDash = true;
            }

            if (slug.Length >= MaxNameLength)
                break;
        }

        return slug.ToString().TrimEnd('-');
    }
}
