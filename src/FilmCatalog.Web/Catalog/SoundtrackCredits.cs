using System.Text.RegularExpressions;

namespace FilmCatalog.Web.Catalog;

/// <summary>
/// The people a soundtrack credit line names, where the name is clear: "Written by Don Cherry and
/// Ed Blackwell" names two song writers, "Performed by The Skatalites" a performer. The importer
/// credits them (<see cref="CreditRole.SongWriter"/>, <see cref="CreditRole.SongPerformer"/>) and the
/// title page links the same spans of the same line, so both agree on who is named.
/// </summary>
/// <remarks>
/// Only writing and performing lines are read ("Courtesy of", "Under license from" name companies).
/// The names are split at commas, "and", "&amp;" and "with"; a part is taken as a name only when it
/// looks like one: one to six words, each capitalised (or a particle such as "de", "van", "y"),
/// no digits or brackets, and not a company, an orchestra or "Traditional". Anything else stays
/// plain text: a wrong person page is worse than a missing link.
/// </remarks>
public static partial class SoundtrackCredits
{
    /// <summary>A name in a line: where it is and the roles the line gives it.</summary>
    public readonly record struct NamedSpan(int Start, int Length, string Name, IReadOnlyList<CreditRole> Roles);

    private static readonly (string Lead, CreditRole[] Roles)[] Leads =
    [
        ("Written and performed by", [CreditRole.SongWriter, CreditRole.SongPerformer]),
        ("Words and music by", [CreditRole.SongWriter]),
        ("Music and lyrics by", [CreditRole.SongWriter]),
        ("Written and composed by", [CreditRole.SongWriter]),
        ("Written by", [CreditRole.SongWriter]),
        ("Composed by", [CreditRole.SongWriter]),
        ("Music by", [CreditRole.SongWriter]),
        ("Lyrics by", [CreditRole.SongWriter]),
        ("Words by", [CreditRole.SongWriter]),
        ("Performed by", [CreditRole.SongPerformer]),
        ("Sung by", [CreditRole.SongPerformer]),
        ("Played by", [CreditRole.SongPerformer]),
    ];

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "des",
        "y", "e", "bin", "ibn", "al", "el", "ten", "ter", "zu", "af", "st.",
    };

    /// <summary>Words that make a part a company, a group of players or no one at all.</summary>
    private static readonly HashSet<string> NotAPerson = new(StringComparer.OrdinalIgnoreCase)
    {
        "Records", "Recordings", "Record", "Music", "Musique", "Publishing", "Publishers", "Publisher", "Inc", "Inc.", "Ltd", "Ltd.",
        "Corp", "Corp.", "Corporation", "Company", "Co.", "Entertainment", "Productions", "Studios", "Orchestra", "Philharmonic",
        "Symphony", "Ensemble", "Choir", "Chorus", "Band", "Traditional", "Anonymous", "Unknown", "Uncredited", "Various",
        "Artists", "BMI", "ASCAP", "SACEM", "GEMA", "PRS", "Courtesy", "Licence", "License", "Arrangement", "His", "Her", "Their",
    };

    /// <summary>The names <paramref name="line"/> gives, in order; none when it is not a writing or performing line.</summary>
    public static IReadOnlyList<NamedSpan> Read(string line)
    {
        foreach (var (lead, roles) in Leads)
        {
            if (!line.StartsWith(lead, StringComparison.OrdinalIgnoreCase) || line.Length == lead.Length || line[lead.Length] != ' ')
                continue;

            var spans = new List<NamedSpan>();
            var start = lead.Length;
            foreach (Match part in Parts().Matches(line, start))
            {
                var text = part.Groups["name"];
                if (text.Success && LooksLikeName(text.Value))
                    spans.Add(new NamedSpan(text.Index, text.Length, text.Value, roles));
            }

            return spans;
        }

        return [];
    }

    private static bool LooksLikeName(string part)
    {
        if (part.Length is < 2 or > 60)
            return false;
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6)
            return false;

        var capitalised = 0;
        foreach (var word in words)
        {
            if (NotAPerson.Contains(word.TrimEnd(',', '.')) && word != "St.")
                return false;
            if (Particles.Contains(word))
                continue;
            if (!char.IsUpper(word[0]) || word.Any(c => char.IsDigit(c) || c is '(' or ')' or '[' or ']' or '/' or ':' or '"' or '@'))
                return false;
            capitalised++;
        }

        return capitalised > 0;
    }

    /// <summary>
    /// The line after its lead, cut into parts at commas, semicolons, "and", "&amp;" and "with";
    /// a bracketed note ("(as Don C.)", "(uncredited)") ends a part and is not part of the name.
    /// </summary>
    [GeneratedRegex(@"\G(?:\s*(?:,|;|&|\band\b|\bwith\b)?\s*)(?<name>[^,;&()\[\]]+?)(?=\s*(?:,|;|&|\band\b|\bwith\b|\(|\[|$))(?:\s*[\(\[][^)\]]*[\)\]]?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Parts();
}
