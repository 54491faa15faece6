using System.Data.Common;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Search;

/// <summary>
/// Finds titles (by their own name and every also-known-as title) and people for a query, ranked:
/// exact names first, then (for titles) names that begin with the query, then names holding every
/// word, then names holding words that begin with the query's. Inside each: for titles, full pages
/// before films known only from a card, names with fewer words beyond the query's before longer
/// ones, then the popular before the obscure (votes on the source plus twenty for each review held
/// here, read live); for people, those more films name first, then the shorter names.
/// </summary>
/// <remarks>
/// The work is bounded whatever the query and the catalog: exact names come from an index lookup,
/// the rest from the provider's <see cref="ISearchIndex"/>, at most <see cref="Candidates"/> names
/// each, most popular first; ranking and paging happen among those, and a candidate's title is
/// read only when its rank on the page asked for depends on it. A query that matches more
/// than that shows the most popular of its matches, which is what a visitor typing a common word
/// wants, and the page says more were found.
/// </remarks>
public sealed class CatalogSearch(CatalogDbContext db, ISearchIndex index, TitleLists lists)
{
    /// <summary>Names read from the index per query and kind; results are ranked among these.</summary>
    public const int Candidates = 200;

    /// <summary>
    /// Keeps the database connection open until disposed: a search runs a few short statements, and
    /// opening and returning the pooled connection around each one was a tenth of its CPU.
    /// </summary>
    public async Task<IAsyncDisposable> HoldConnectionAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new HeldConnection(db);
    }

    private sealed class HeldConnection(CatalogDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
    }

    /// <summary>Titles found for <paramref name="query"/>, best first, with what paging needs.</summary>
    /// <param name="candidates">Names read per query and kind: <see cref="Candidates"/>, or fewer for the suggestions, which show the best few.</param>
    public async Task<TitleResults> TitlesAsync(SearchQuery query, int skip, int take, int candidates, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
            return TitleResults.None;

        var (found, capped) = await MatchTitlesAsync(query.NameWords, query.Year, candidates, cancellationToken);
        var yearIgnored = false;
        if (found.Count == 0 && query.Year is not null)
        {
            // "blade runner 2049": no film of 2049 is named "blade runner", so the number was part of the name.
            (found, capped) = await MatchTitlesAsync(query.Words, null, candidates, cancellationToken);
            yearIgnored = true;
        }

        if (found.Count == 0)
            return TitleResults.None with { YearIgnored = yearIgnored };

        // The names alone order the candidates but for popularity, which counts the reviews held here and
        // so is read from the titles: only for the candidates that tie with one the page shows.
        // The results are the best <candidates> of what was read (a title's several names can read more), so
        // that the count shown is what the pages hold.
        take = Math.Max(0, Math.Min(take, candidates - skip));
        var (contenders, before) = Contending(found, skip, take);
        var ids = contenders.Select(c => c.Name.TitleId).ToList();
        var titles = await lists.ByIdAsync(ids, cancellationToken);

        var page = contenders
            .Where(c => titles.ContainsKey(c.Name.TitleId)) // gone since its name was read: a newer capture merged it away
            .Select(c => (c.Name, c.Match, Title: titles[c.Name.TitleId]))
            .OrderBy(x => x.Match.Tier)
            .ThenBy(x => NameKeys.IsCardOnly(x.Name.Key))
            .ThenBy(x => x.Match.ExtraWords)
            .ThenByDescending(x => (long)(x.Title.RatingVotes ?? 0) + 20L * x.Title.ReviewCount)
            .ThenBy(x => x.Name.Folded, StringComparer.Ordinal)
            .ThenBy(x => x.Name.TitleId)
            .Skip(skip - before)
            .Take(take)
            .ToList();

        var hits = page.Select(p => new TitleHit(
            p.Title.Slug, p.Title.Name, p.Title.Year, p.Title.IsCardOnly, p.Title.Rating, p.Title.RatingVotes, p.Title.ReviewCount,
            p.Title.Genres,
            p.Name.Variant == 0 ? null : p.Name.Name,
            p.Name.Variant == 0 ? null : p.Name.Qualifier,
            p.Match.Tier)
        {
            Kind = p.Title.Kind,
            EndYear = p.Title.EndYear,
            IsOpenRun = p.Title.IsOpenRun,
        }).ToList();
        return new TitleResults(hits, Math.Min(found.Count, candidates), capped, yearIgnored);
    }

    /// <summary>
    /// The candidates that can be on the page of <paramref name="take"/> after <paramref name="skip"/>:
    /// every one that ranks alike, by the match and its title being a full page (the name's key says),
    /// with one the page shows; and how many rank before them all.
    /// </summary>
    /// <remarks>
    /// A one-word query at 100,000 titles had 200 candidates, of which a page shows 20; reading every
    /// candidate's title to rank them by popularity was the part of a search that grew with the catalog.
    /// </remarks>
    private static (List<(FoundName Name, NameMatch Match)> Contenders, int Before) Contending(
        List<(FoundName Name, NameMatch Match)> found, int skip, int take)
    {
        var contenders = new List<(FoundName Name, NameMatch Match)>();
        int before = 0, start = 0;
        var groups = found
            .GroupBy(x => (x.Match.Tier, CardOnly: NameKeys.IsCardOnly(x.Name.Key), x.Match.ExtraWords))
            .OrderBy(g => g.Key.Tier).ThenBy(g => g.Key.CardOnly).ThenBy(g => g.Key.ExtraWords);
        foreach (var group in groups)
        {
            var count = group.Count();
            if (start < skip + take && start + count > skip)
            {
                if (contenders.Count == 0)
                    before = start;
                contenders.AddRange(group);
            }

            start += count;
        }

        return (contenders, before);
    }

    /// <summary>People found for <paramref name="query"/>, best first; people whose names fold alike are one result, as they are one page.</summary>
    public async Task<PersonResults> PeopleAsync(SearchQuery query, int skip, int take, int candidates, CancellationToken cancellationToken)
    {
        // A year narrows films; for people it is part of no name.
        var words = query.NameWords;
        if (words.Count == 0)
            return PersonResults.None;

        var phrase = string.Join(' ', words);
        var search = new NameSearch(phrase, null, candidates, [(new NameQuery(words, FromStart: true), candidates / 2), (new NameQuery(words, FromStart: false), candidates)]);
        var names = await db.Database.ReadRowsAsync(
            factory => index.PersonNames(factory, search),
            reader => new PersonName
            {
                Key = reader.GetInt64(0),
                PersonId = reader.GetInt32(1),
                Folded = reader.GetString(2),
                Slug = reader.GetString(3),
                Roles = reader.GetInt32(4),
                KnownForTitleId = reader.IsDBNull(5) ? null : reader.GetInt32(5),
            },
            cancellationToken);

        // A person no film names any more (a newer capture dropped them) has no page to offer.
        var ranked = names
            .Where(n => NameKeys.PersonBucket(n.Key) > 0)
            .Select(n => (Name: n, Match: NameMatch.Of(n.Folded, phrase, words, startCounts: false)))
            .GroupBy(x => x.Name.Slug, StringComparer.Ordinal)
            .Select(g => g.OrderBy(x => x.Match).ThenBy(x => x.Name.Key).First())
            .OrderBy(x => x.Match.Tier)
            .ThenByDescending(x => NameKeys.PersonBucket(x.Name.Key))
            .ThenBy(x => x.Match.ExtraWords)
            .ThenBy(x => x.Name.Folded, StringComparer.Ordinal)
            .ToList();

        // As for titles: the best <candidates>, whatever the spellings read added.
        var page = ranked.Take(candidates).Skip(skip).Take(take).Select(x => (x.Name.Slug, x.Match.Tier)).ToList();
        return new PersonResults(await PersonHitsAsync(page, cancellationToken), Math.Min(ranked.Count, candidates), names.Count >= candidates);
    }

    /// <summary>
    /// Titles whose names match, each once with its best-matching name, in one statement; and whether the
    /// index had more names than were read (the kinds of match are united, each at most <paramref name="candidates"/>,
    /// and every name that begins with the words has them all, so the union reaches that many only when one was cut).
    /// </summary>
    private async Task<(List<(FoundName Name, NameMatch Match)> Found, bool Capped)> MatchTitlesAsync(IReadOnlyList<string> words, int? year, int candidates, CancellationToken cancellationToken)
    {
        if (words.Count == 0)
            return ([], false);

        var phrase = string.Join(' ', words);
        var search = new NameSearch(phrase, year, candidates,
            [(new NameQuery(words, FromStart: true, year), candidates / 2), (new NameQuery(words, FromStart: false, year), candidates)]);
        var names = await db.Database.ReadRowsAsync(
            factory => index.TitleNames(factory, search),
            reader => new FoundName(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)),
            cancellationToken);

        var found = names
            .Select(n => (Name: n, Match: NameMatch.Of(n.Folded, phrase, words)))
            .GroupBy(x => x.Name.TitleId)
            .Select(g => g.OrderBy(x => x.Match).ThenBy(x => x.Name.Variant).First())
            .ToList();
        return (found, names.Count >= candidates);
    }

    /// <summary>
    /// Each name row under the page's keys with its person and best-known film. Written as SQL (names from the
    /// model): composed in LINQ, EF Core's own work on this small statement was 96% of its cost, 15% of a
    /// suggestion's CPU (<c>perf</c>).
    /// </summary>
    private Statement PersonHitsStatement(DbCommand factory, IReadOnlyList<(string Slug, MatchTier Tier)> page)
    {
        var sql = ModelSql.Of(db);
        var (names, people, titles) = (sql.Of<PersonName>(), sql.Of<Person>(), sql.Of<Title>());
        string N(string property) => "n." + names[property].Name;
        string P(string property) => "p." + people[property].Name;
        string T(string property) => "t." + titles[property].Name;
        var text = new StatementText(factory).Append(
            $"SELECT {N(nameof(PersonName.Slug))}, {P(nameof(Person.Id))}, {P(nameof(Person.Name))}, {N(nameof(PersonName.Roles))}, " +
            $"{T(nameof(Title.Id))}, {T(nameof(Title.Slug))}, {T(nameof(Title.Name))}, {T(nameof(Title.Year))}, {T(nameof(Title.IsCardOnly))}, {T(nameof(Title.RatingVotes))} " +
            $"FROM {names.Name} n JOIN {people.Name} p ON {P(nameof(Person.Id))} = {N(nameof(PersonName.PersonId))} " +
            $"LEFT JOIN {titles.Name} t ON {T(nameof(Title.Id))} = {N(nameof(PersonName.KnownForTitleId))} " +
            $"WHERE {N(nameof(PersonName.Slug))} IN (");
        for (var i = 0; i < page.Count; i++)
        {
            if (i > 0)
                text.Append(", ");
            text.Value(page[i].Slug);
        }

        return text.Append(")").ToStatement();
    }

    /// <summary>A name row of a page of people, with its person's name and best-known film.</summary>
    private sealed record PersonHitRow(string Slug, int Id, string Name, int Roles, KnownFilm? KnownFor);

    private sealed record KnownFilm(int Id, string Slug, string Name, int? Year, bool IsCardOnly, int Votes);

    /// <summary>A name that matched; its key says whether its title is a full page (<see cref="NameKeys"/>).</summary>
    private sealed record FoundName(long Key, int TitleId, int Variant, string Name, string? Qualifier, string Folded);

    /// <summary>
    /// The results for a page of people, in one statement whatever the page's length: the spellings
    /// under each page key, and what their name rows keep for the result line (<see cref="PersonSummary"/>:
    /// their roles and best-known film), so that no person's credits are read, however many they have.
    /// </summary>
    private async Task<List<PersonHit>> PersonHitsAsync(IReadOnlyList<(string Slug, MatchTier Tier)> page, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
            return [];
        var rows = await db.Database.ReadRowsAsync(factory => PersonHitsStatement(factory, page), reader => new PersonHitRow(
                reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : new KnownFilm(
                    reader.GetInt32(4), reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    reader.GetBoolean(8), reader.IsDBNull(9) ? 0 : reader.GetInt32(9))),
            cancellationToken);

        var bySlug = rows.ToLookup(r => r.Slug, StringComparer.Ordinal);
        return [.. page.Select(p =>
        {
            var people = bySlug[p.Slug].OrderBy(r => r.Id).ToList();
            var spellings = people.Select(r => r.Name).ToList();
            var roles = people.Aggregate(0, (bits, r) => bits | r.Roles);
            var best = people.Where(r => r.KnownFor is not null).Select(r => r.KnownFor!)
                .OrderBy(k => k.IsCardOnly).ThenByDescending(k => k.Votes).ThenBy(k => k.Id)
                .FirstOrDefault();
            return new PersonHit(
                p.Slug,
                spellings.FirstOrDefault() ?? p.Slug,
                spellings,
                PersonSummary.RolesOf(roles),
                best is null ? null : new FilmLink(best.Slug, best.Name, best.Year),
                p.Tier);
        })];
    }
}

/// <summary>A page of title results; <see cref="Total"/> counts the matches ranked, <see cref="Capped"/> says there were more to read.</summary>
public sealed record TitleResults(IReadOnlyList<TitleHit> Hits, int Total, bool Capped, bool YearIgnored)
{
    public static readonly TitleResults None = new([], 0, false, false);
}

public sealed record PersonResults(IReadOnlyList<PersonHit> Hits, int Total, bool Capped)
{
    public static readonly PersonResults None = new([], 0, false);
}

/// <summary>A title found, with why: <see cref="AlsoKnownAs"/> is the other title it matched by, when it was not its own name.</summary>
public sealed record TitleHit(
    string Slug, string Name, int? Year, bool IsCardOnly, double? Rating, int? RatingVotes, int ReviewCount,
    IReadOnlyList<string> Genres, string? AlsoKnownAs, string? AlsoKnownAsWhere, MatchTier Tier)
{
    /// <summary>What the title is, and a series' run, as lists show them (<see cref="Pages.Shared.ListedTitle"/>).</summary>
    public TitleKind? Kind { get; init; }
    public int? EndYear { get; init; }
    public bool IsOpenRun { get; init; }

    public string DisplayName => Year is { } year ? $"{Name} ({year})" : Name;
}

/// <summary>A person found: <see cref="Spellings"/> lists every spelling credited under their page key.</summary>
public sealed record PersonHit(string Slug, string Name, IReadOnlyList<string> Spellings, IReadOnlyList<CreditRole> Roles, FilmLink? KnownFor, MatchTier Tier);

/// <summary>A link to a title page.</summary>
public sealed record FilmLink(string Slug, string Name, int? Year)
{
    public string DisplayName => Year is { } year ? $"{Name} ({year})" : Name;
}
