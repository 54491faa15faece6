using System.Security.Cryptography;
using System.Text;

namespace FilmCatalog.Web.Catalog;

/// <summary>
/// Readable, stable URL keys: "Some Film (1992)" becomes <c>some-film-1992</c>, "Éloïse (1999)"
/// <c>eloise-1999</c>, "Hamlet (1996/I)" <c>hamlet-1996-i</c>, "Zoë Lund" <c>zoe-lund</c>.
/// </summary>
/// <remarks>
/// The words are those of <see cref="TextFold"/>, the one fold that search matches by too, so a
/// name and its URL never disagree about which letters are the same. A title whose slug changed
/// when that rule came in keeps its old one as a <see cref="SlugAlias"/>.
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
            words = "title-" + Hash(name);
        }

        if (year is not { } y)
        {
            return words;
        }

        var qualifier = yearQualifier is { Length: > 0 } q ? "-" + Words(q) : "";
        return $"{words}-{y}{qualifier}";
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

    /// <summary>
    /// Whether <paramref name="text"/> could be a slug (lower-case ASCII letters, digits and dashes): a key from a URL that
    /// could not is answered without asking the database, which may refuse such text (PostgreSQL refuses a NUL).
    /// </summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: > 0 and <= 200 } && text.AsSpan().IndexOfAnyExcept(SlugCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> SlugCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static string Hash(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..10];

    private static string Words(string name)
    {
        var folded = TextFold.Fold(name);
        if (folded.Length > MaxNameLength)
            folded = folded[..MaxNameLength];
        return folded.TrimEnd(' ').Replace(' ', '-');
    }
}
