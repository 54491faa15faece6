using System.Security.Cryptography;
using System.Text;

namespace FilmCatalog.Web.Catalog;

/// <summary>
/// Readable, stable URL keys: "Some Film (1992)" becomes <c>some-film-1992</c>, "Steve Buscemi"
/// becomes <c>steve-buscemi</c>. The letters are those of <see cref="TextFold"/> (so "Łódź" is
/// <c>lodz</c>), kept to ASCII letters and digits.
/// </summary>
public static class Slug
{
    private const int MaxNameLength = 80;

    public static string For(string name, int? year)
    {
        var words = Words(name);
        if (words.Length == 0)
        {
            // A name with no Latin letters or digits still needs a stable, unique key.
            words = "title-" + Hash(name);
        }

        return year is { } y ? $"{words}-{y}" : words;
    }

    /// <summary>
    /// A key from a name alone, with no year: a person's, a genre's. The source has no person ids, so people whose names
    /// fold alike ("Zoë Müller", "Zoe Muller") share one page, which lists the spellings.
    /// </summary>
    public static string ForName(string name)
    {
        var words = Words(name);
        return words.Length > 0 ? words : "name-" + Hash(name);
    }

    private static string Hash(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];

    private static string Words(string name)
    {
        var slug = new StringBuilder(MaxNameLength + 1);
        var pendingDash = false;
        foreach (var c in TextFold.Fold(name))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && slug.Length > 0)
                    slug.Append('-');
                slug.Append(c);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }

            if (slug.Length >= MaxNameLength)
                break;
        }

        return slug.ToString().TrimEnd('-');
    }
}
