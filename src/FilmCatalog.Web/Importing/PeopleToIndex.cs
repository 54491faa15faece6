using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Search;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// The people whose credits a batch may have changed, and their rows in the name index brought in step
/// with those credits when the batch ends, in its transaction: a row for each person who has none, and a
/// new key for each whose popularity bucket moved (<see cref="NameKeys"/>).
/// </summary>
/// <remarks>
/// Once per batch rather than once per file: a person many files of a batch name is counted once, and
/// only the keys that move are written (a bucket spans a doubling of credits, so few do). Re-keying every
/// credited person after each file rewrote each of their rows in the full-text index and was half of an
/// import's time. Counting is idempotent, so the set may hold more than it must: someone a rolled-back
/// file named is simply counted as they are.
/// </remarks>
internal sealed class PeopleToIndex(ModelSql sql, IImportTransaction tx)
{
    private readonly HashSet<int> _ids = [];

    public void AddRange(IEnumerable<int> personIds) => _ids.UnionWith(personIds);

    /// <summary>
    /// Reads the people credited now on the titles a file will clear and fill again (its own title under
    /// any of <paramref name="ownSlugs"/>, and the card-only titles among <paramref name="named"/>): a newer
    /// capture may no longer name them, and their counts drop.
    /// </summary>
    public IEnumerable<ImportQuery> CreditedOn(IReadOnlyList<object> named, IReadOnlyList<string> ownSlugs)
    {
        var titles = sql.Of<Title>();
        var (id, slug) = (titles.Key.Name, titles[nameof(Title.Slug)].Name);
        var own = string.Join(" OR ", ownSlugs.Select((s, i) => $"t.{slug} = {sql.Placeholder("own" + i)}"));
        var ownParameters = ownSlugs.Select((s, i) => titles[nameof(Title.Slug)].Parameter(tx, sql.ParameterName("own" + i), s)).ToList();
        string Credited<T>(string titleProperty, string personProperty, string list)
            where T : class
        {
            var table = sql.Of<T>();
            var person = table[personProperty].Name;
            return $"SELECT c.{person} FROM {table.Name} c JOIN {titles.Name} t ON t.{id} = c.{table[titleProperty].Name} " +
                $"WHERE t.{slug} IN {list} AND (t.{titles[nameof(Title.IsCardOnly)].Name} OR {own}) AND c.{person} IS NOT NULL";
        }

        return sql.InLists(tx, titles[nameof(Title.Slug)], named,
                list => Credited<Credit>(nameof(Credit.TitleId), nameof(Credit.PersonId), list) + " UNION " +
                    Credited<CardCredit>(nameof(CardCredit.TitleId), nameof(CardCredit.PersonId), list),
                reader => _ids.Add(reader.GetInt32(0)))
            .Select(query => query with { Parameters = [.. query.Parameters, .. ownParameters] });
    }

    /// <summary>Counts each person's credits as they now stand and writes the name rows that differ.</summary>
    public async Task WriteAsync()
    {
        if (_ids.Count == 0)
            return;

        var people = sql.Of<Person>();
        var names = sql.Of<PersonName>();
        var credits = sql.Of<Credit>();
        var cardCredits = sql.Of<CardCredit>();
        var (personId, nameKey, namePerson) = (people.Key.Name, names[nameof(PersonName.Key)].Name, names[nameof(PersonName.PersonId)].Name);
        var found = new List<(int Id, string Name, long? Key, long Credits)>(_ids.Count);
        await tx.QueryAsync([.. sql.InLists(tx, people.Key, [.. _ids.Order().Cast<object>()],
            list => $"SELECT p.{personId}, p.{people[nameof(Person.Name)].Name}, n.{nameKey}, " +
                $"(SELECT COUNT(*) FROM {credits.Name} c WHERE c.{credits[nameof(Credit.PersonId)].Name} = p.{personId}) + " +
                $"(SELECT COUNT(*) FROM {cardCredits.Name} c WHERE c.{cardCredits[nameof(CardCredit.PersonId)].Name} = p.{personId}) " +
                $"FROM {people.Name} p LEFT JOIN {names.Name} n ON n.{namePerson} = p.{personId} WHERE p.{personId} IN {list}",
            reader => found.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture))))]);

        // The padded last chunk repeats its last id.
        var rows = found.DistinctBy(p => p.Id).ToList();
        sql.Insert(tx, rows.Where(p => p.Key is null).Select(p => NameRowsOf.Person(p.Id, p.Name, p.Credits)).ToList(), skipExisting: true);
        foreach (var (id, _, key, count) in rows)
        {
            var wanted = NameKeys.ForPerson(id, count);
            if (key is { } current && current != wanted)
            {
                tx.Execute($"UPDATE {names.Name} SET {nameKey} = {sql.Placeholder("key")} WHERE {namePerson} = {sql.Placeholder("person")}",
                    [names[nameof(PersonName.Key)].Parameter(tx, sql.ParameterName("key"), wanted), names[nameof(PersonName.PersonId)].Parameter(tx, sql.ParameterName("person"), id)]);
            }
        }

        _ids.Clear();
    }
}
