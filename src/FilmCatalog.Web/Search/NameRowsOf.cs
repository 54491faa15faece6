using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Search;

/// <summary>The index rows a title or a person has: what every writer of the catalog writes beside them.</summary>
public static class NameRowsOf
{
    /// <summary>
    /// The title's own name, then each also-known-as title that folds to something new (an AKA
    /// spelled like the name, or like an earlier AKA, would only repeat a match), at most
    /// <see cref="NameKeys.MaxVariants"/> names. The own name is always there, even when it folds
    /// to nothing (a name of punctuation only): the A-Z index lists every title from these rows.
    /// </summary>
    public static List<TitleName> Title(int titleId, string name, int? year, bool isCardOnly, long popularity,
        IEnumerable<(string Text, string? Qualifier)> alsoKnownAs)
    {
        var folded = TextFold.Fold(name);
        var rows = new List<TitleName>
        {
            new() { Key = NameKeys.ForTitle(titleId, 0, isCardOnly, popularity), TitleId = titleId, Variant = 0, Name = name, Folded = folded, Year = year },
        };
        var seen = new HashSet<string>(StringComparer.Ordinal) { folded };
        var variant = 0;
        foreach (var (text, qualifier) in alsoKnownAs)
        {
            if (++variant > NameKeys.MaxVariants)
                break;
            var aka = TextFold.Fold(text);
            if (aka.Length == 0 || !seen.Add(aka))
                continue;
            rows.Add(new TitleName
            {
                Key = NameKeys.ForTitle(titleId, variant, isCardOnly, popularity),
                TitleId = titleId,
                Variant = variant,
                Name = text,
                Qualifier = qualifier,
                Folded = aka,
                Year = year,
            });
        }

        return rows;
    }

    /// <summary>A person's row, keyed by <paramref name="credits"/> (none yet, by default: <see cref="NameKeys.PersonRekeySql"/> sets the key once their credits are written).</summary>
    public static PersonName Person(int personId, string name, long credits = 0) => new()
    {
        Key = NameKeys.ForPerson(personId, credits),
        PersonId = personId,
        Folded = TextFold.Fold(name),
        Slug = Slug.ForName(name),
    };
}
