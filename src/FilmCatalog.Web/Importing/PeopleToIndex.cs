using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Search;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// The people whose credits a batch may have changed, and their rows in the name index brought in step
/// with those credits when the batch ends, in its transaction: a row for each person who has none, and a
/// new key for each whose popularity bucket moved (<see cref="NameKeys"/>) or whose result line changed
/// (their roles and best-known film, <see cref="PersonSummary"/>).
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

    /// <summary>The titles whose credits the batch rewrote: the only places a person's best-known film can have moved to or from.</summary>
    private readonly HashSet<int> _titles = [];

    public void AddRange(IEnumerable<int> personIds) => _ids.UnionWith(personIds);

    public void AddTitles(IEnumerable<int> titleIds) => _titles.UnionWith(titleIds);

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
        var (nameRoles, nameKnownFor) = (names[nameof(PersonName.Roles)], names[nameof(PersonName.KnownForTitleId)]);
        var found = new List<Found>(_ids.Count);
        await tx.QueryAsync([.. sql.InLists(tx, people.Key, [.. _ids.Order().Cast<object>()],
            list => $"SELECT p.{personId}, p.{people[nameof(Person.Name)].Name}, n.{nameKey}, " +
                $"(SELECT COUNT(*) FROM {credits.Name} c WHERE c.{credits[nameof(Credit.PersonId)].Name} = p.{personId}) + " +
                $"(SELECT COUNT(*) FROM {cardCredits.Name} c WHERE c.{cardCredits[nameof(CardCredit.PersonId)].Name} = p.{personId}), " +
                $"n.{nameRoles.Name}, n.{nameKnownFor.Name}, {PersonSummary.RolesSql($"p.{personId}")} " +
                $"FROM {people.Name} p LEFT JOIN {names.Name} n ON n.{namePerson} = p.{personId} WHERE p.{personId} IN {list}",
            reader => found.Add(new Found(
                reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), Number(reader, 3),
                reader.IsDBNull(4) ? 0 : (int)Number(reader, 4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                (int)Number(reader, 6))))]);

        // The padded last chunk repeats its last id.
        var rows = found.DistinctBy(p => p.Id).ToList();
        var knownFor = await KnownForAsync(rows);
        rows = [.. rows.Select(p => p with { KnownFor = knownFor.GetValueOrDefault(p.Id) })];
        sql.Insert(tx, rows.Where(p => p.Key is null).Select(p =>
        {
            var row = NameRowsOf.Person(p.Id, p.Name, p.Credits);
            (row.Roles, row.KnownForTitleId) = (p.Roles, p.KnownFor);
            return row;
        }).ToList(), skipExisting: true);
        foreach (var p in rows.Where(p => p.Key is not null))
        {
            var wanted = NameKeys.ForPerson(p.Id, p.Credits);
            if (p.Key != wanted || p.StoredRoles != p.Roles || p.StoredKnownFor != p.KnownFor)
            {
                tx.Execute(
                    $"UPDATE {names.Name} SET {nameKey} = {sql.Placeholder("key")}, {nameRoles.Name} = {sql.Placeholder("roles")}, " +
                    $"{nameKnownFor.Name} = {sql.Placeholder("knownFor")} WHERE {namePerson} = {sql.Placeholder("person")}",
                    [
                        names[nameof(PersonName.Key)].Parameter(tx, sql.ParameterName("key"), wanted),
                        nameRoles.Parameter(tx, sql.ParameterName("roles"), p.Roles),
                        nameKnownFor.Parameter(tx, sql.ParameterName("knownFor"), p.KnownFor),
                        names[nameof(PersonName.PersonId)].Parameter(tx, sql.ParameterName("person"), p.Id),
                    ]);
            }
        }

        _ids.Clear();
        _titles.Clear();
    }

    /// <summary>
    /// Each person's best-known film (<see cref="PersonSummary"/>'s order), from what changed rather than from
    /// all their credits, which for a common name grow with the catalog: the best of the film stored before and
    /// the batch's titles that credit them now. Only when the stored film is one the batch rewrote (its votes,
    /// or the credit itself, may be gone) are all their credits read again.
    /// </summary>
    private async Task<Dictionary<int, int?>> KnownForAsync(List<Found> rows)
    {
        var titles = sql.Of<Title>();
        var credits = sql.Of<Credit>();
        var (id, isCardOnly, votes) = (titles.Key.Name, titles[nameof(Title.IsCardOnly)].Name, titles[nameof(Title.RatingVotes)].Name);
        var (creditPerson, creditTitle) = (credits[nameof(Credit.PersonId)].Name, credits[nameof(Credit.TitleId)].Name);
        var candidates = new Dictionary<int, List<Film>>();
        var films = new Dictionary<int, Film>();
        void Candidate(int person, Film film)
        {
            if (!candidates.TryGetValue(person, out var list))
                candidates[person] = list = [];
            list.Add(film);
        }

        Film Read(System.Data.Common.DbDataReader reader, int first) =>
            new(reader.GetInt32(first), reader.GetBoolean(first + 1), reader.IsDBNull(first + 2) ? 0 : Number(reader, first + 2));

        var rescan = rows.Where(p => p.StoredKnownFor is { } stored && _titles.Contains(stored)).Select(p => p.Id).ToHashSet();
        var stored = rows.Where(p => p.StoredKnownFor is { } film && !_titles.Contains(film)).Select(p => p.StoredKnownFor!.Value).Distinct().Order().Cast<object>().ToList();
        var rewritten = _titles.Order().Cast<object>().ToList();
        var rescanned = new Dictionary<int, int?>();
        await tx.QueryAsync([
            .. sql.InLists(tx, titles.Key, rewritten,
                list => $"SELECT c.{creditPerson}, t.{id}, t.{isCardOnly}, t.{votes} FROM {credits.Name} c JOIN {titles.Name} t ON t.{id} = c.{creditTitle} " +
                    $"WHERE c.{creditTitle} IN {list} AND c.{creditPerson} IS NOT NULL",
                reader => Candidate(reader.GetInt32(0), Read(reader, 1))),
            .. sql.InLists(tx, titles.Key, stored,
                list => $"SELECT t.{id}, t.{isCardOnly}, t.{votes} FROM {titles.Name} t WHERE t.{id} IN {list}",
                reader => films[reader.GetInt32(0)] = Read(reader, 0)),
            .. sql.InLists(tx, sql.Of<Person>().Key, [.. rescan.Order().Cast<object>()],
                list => $"SELECT p.{sql.Of<Person>().Key.Name}, {PersonSummary.KnownForSql($"p.{sql.Of<Person>().Key.Name}")} FROM {sql.Of<Person>().Name} p " +
                    $"WHERE p.{sql.Of<Person>().Key.Name} IN {list}",
                reader => rescanned[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetInt32(1)),
        ]);

        var best = new Dictionary<int, int?>(rows.Count);
        foreach (var p in rows)
        {
            if (rescan.Contains(p.Id))
            {
                best[p.Id] = rescanned.GetValueOrDefault(p.Id);
                continue;
            }

            IEnumerable<Film> options = candidates.GetValueOrDefault(p.Id) ?? [];
            if (p.StoredKnownFor is { } film && films.TryGetValue(film, out var known))
                options = options.Append(known);
            best[p.Id] = options.OrderBy(f => f.IsCardOnly).ThenByDescending(f => f.Votes).ThenBy(f => f.Id).Select(f => (int?)f.Id).FirstOrDefault();
        }

        return best;
    }

    /// <summary>A film as <see cref="PersonSummary.KnownForSql"/> orders them.</summary>
    private sealed record Film(int Id, bool IsCardOnly, long Votes);

    private static long Number(System.Data.Common.DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A person as their credits now stand, beside what their name row holds (no row: a null key).</summary>
    private sealed record Found(int Id, string Name, long? Key, long Credits, int StoredRoles, int? StoredKnownFor, int Roles, int? KnownFor = null);
}
