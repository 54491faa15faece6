using System.Data.Common;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;
using FilmCatalog.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.People;

/// <summary>
/// <c>/name/{slug}</c>: everything the catalog credits to a name, newest first: parts in the cast,
/// directing, writing, starring, songs, and films that "also liked" cards on other pages name them
/// for (a card whose film lost its title still counts, shown as such). People whose names fold alike
/// share the page (<see cref="Slug.ForName"/>).
/// </summary>
/// <remarks>
/// The source has no person ids: one name may be several people. When a name's films lie far
/// apart (<see cref="HomonymRule"/>), the page says so rather than pretend to know. A name that no
/// film credits any more (a newer capture dropped it) has no page. The page reads the name's counts
/// (<see cref="CareerYear"/>) and one page of its films (<see cref="CareerListing"/>), both kept by the
/// importer, so it costs the same for a name with ten films and one with ten thousand.
/// </remarks>
[OutputCache(PolicyName = CatalogPageCaching.CatalogPage)]
public sealed class DetailsModel(CatalogDbContext db) : PageModel
{
    public const int FilmsPerPage = 100;

    public PersonPageView Person { get; private set; } = null!;

    public IReadOnlyList<PersonFilm> Films { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public string CanonicalUrl { get; private set; } = "";

    /// <summary>The role the films are narrowed to (<c>?role=director</c>), when the name has films in it.</summary>
    public CreditRole? Role { get; private set; }

    /// <summary>How many films the page lists in all: the name's, or those in <see cref="Role"/>.</summary>
    public int ListedCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "p")] string? page, [FromQuery(Name = "role")] string? role, CancellationToken cancellationToken)
    {
        if (!Slug.IsWellFormed(slug))
            return NotFound();
        var spellings = await db.PersonNames.AsNoTracking()
            .Where(n => n.Slug == slug)
            .Join(db.People, n => n.PersonId, p => p.Id, (n, p) => new { p.Id, p.Name })
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        if (spellings.Count == 0)
            return NotFound();

        var years = await db.CareerYears.AsNoTracking().Where(y => y.Slug == slug)
            .Select(y => new { y.Group, y.Year, y.Roles, y.Films })
            .ToListAsync(cancellationToken);
        var filmCount = years.Sum(y => y.Films);
        if (filmCount == 0)
            return NotFound();

        var roles = Enum.GetValues<CreditRole>()
            .Select(r => (Role: r, Films: years.Where(y => (y.Roles & PersonSummary.Bit(r)) != 0).Sum(y => y.Films)))
            .Where(r => r.Films > 0).ToList();

        // A role the name has no film in (or no role at all) lists every film, as an unknown sort does on a list.
        Role = RoleNames.FromKey(role) is { } chosen && roles.Any(r => r.Role == chosen) ? chosen : null;
        var bit = Role is { } narrowed ? PersonSummary.Bit(narrowed) : 0;
        ListedCount = Role is { } counted ? roles.Single(r => r.Role == counted).Films : filmCount;
        PageCount = Math.Max(1, (ListedCount + FilmsPerPage - 1) / FilmsPerPage);
        PageNumber = int.TryParse(page, out var number) ? Math.Clamp(number, 1, PageCount) : 1;
        var shown = await db.CareerListings.AsNoTracking()
            .Where(l => l.Slug == slug && (bit == 0 || (l.Roles & bit) != 0))
            .OrderBy(l => l.Group).ThenByDescending(l => l.Year).ThenBy(l => l.Name).ThenBy(l => l.CardId).ThenBy(l => l.TitleId)
            .Skip((PageNumber - 1) * FilmsPerPage).Take(FilmsPerPage)
            .Select(l => new ShownFilm(l.TitleId, l.CardId, l.CardRoles))
            .ToListAsync(cancellationToken);
        var names = spellings.Select(p => p.Name).ToList();
        Films = await FilmsAsync([.. spellings.Select(p => p.Id)], names, shown, cancellationToken);
        Person = new PersonPageView(
            slug,
            names[0],
            names,
            filmCount,
            roles,
            HomonymRule.Check(years.Where(y => y.Group == CareerListing.DatedFilms).Select(y => y.Year)));
        CanonicalUrl = Url.PublicPageLink(null, new { slug });
        return Page();
    }

    /// <summary>A film of the page: its title (or, for a lost-title card, the card) and the roles only cards give.</summary>
    private sealed record ShownFilm(int TitleId, int CardId, int CardRoles);

    /// <summary>
    /// The films of one page, each with every part the names had in it: their own credits first, then what
    /// cards add, read only for the films that cards add something to. Both statements are written as SQL
    /// (names from the model): composed in LINQ with their lists of ids, EF Core made them again for every
    /// request, a quarter of the page's CPU (<c>perf</c>).
    /// </summary>
    private async Task<List<PersonFilm>> FilmsAsync(List<int> ids, List<string> spellings, List<ShownFilm> shown, CancellationToken cancellationToken)
    {
        var filmIds = shown.Where(f => f.CardId == 0).Select(f => f.TitleId).ToList();
        var cardFilmIds = shown.Where(f => f.CardId == 0 && f.CardRoles != 0).Select(f => f.TitleId).ToList();
        var lostCardIds = shown.Where(f => f.CardId != 0).Select(f => f.CardId).ToList();
        var sql = ModelSql.Of(db);
        var credits = filmIds.Count == 0 ? [] : await db.Database.ReadRowsAsync(factory => CreditsStatement(sql, factory, ids, filmIds), reader => new CreditRow(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.GetBoolean(4),
                (CreditRole)reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : (TitleKind)reader.GetInt32(9)),
            cancellationToken);
        var cards = cardFilmIds.Count + lostCardIds.Count == 0 ? [] : await db.Database.ReadRowsAsync(factory => CardsStatement(sql, factory, ids, cardFilmIds, lostCardIds), reader => new CardRow(
                (CreditRole)reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                !reader.IsDBNull(6) && reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetInt32(10), reader.IsDBNull(11) ? null : (TitleKind)reader.GetInt32(11)),
            cancellationToken);

        var films = new Dictionary<int, PersonFilm>();
        foreach (var credit in credits)
        {
            var film = films.TryGetValue(credit.TitleId, out var known)
                ? known
                : films[credit.TitleId] = new PersonFilm(new FilmLink(credit.Slug, credit.Name, credit.Year), credit.IsCardOnly) { Kind = credit.Kind };
            film.Add(credit.Role, PartText(credit.Role, credit.Character, credit.Note, credit.Spelling, spellings));
        }

        var lostTitles = new Dictionary<int, PersonFilm>();
        foreach (var card in cards)
        {
            var shownOn = new FilmLink(card.HostSlug, card.HostName, card.HostYear);
            var film = card.TargetTitleId is { } target
                ? films.TryGetValue(target, out var known) ? known : films[target] = new PersonFilm(new FilmLink(card.TargetSlug!, card.TargetName!, card.TargetYear), card.TargetIsCardOnly) { Kind = card.TargetKind }
                : lostTitles.TryGetValue(card.Id, out var lost) ? lost : lostTitles[card.Id] = new PersonFilm(null, isCardOnly: true) { LostTitlePlot = card.Plot };
            film.AddFromCard(card.Role, shownOn);
        }

        return [.. shown.Select(f => f.CardId == 0 ? films.GetValueOrDefault(f.TitleId) : lostTitles.GetValueOrDefault(f.CardId)).OfType<PersonFilm>()];
    }

    /// <summary>
    /// The names' own credits on the page's films, a film's parts in one order on every provider. Every role is named, so
    /// that the index (PersonId, Role, TitleId) is sought for each film, not read through every credit of the name
    /// (5,632 for the bench's name at 100,000 titles: 1.1 ms, against 0.5 sought).
    /// </summary>
    private static Statement CreditsStatement(ModelSql sql, DbCommand factory, List<int> ids, List<int> filmIds)
    {
        var (credits, titles, people) = (sql.Of<Credit>(), sql.Of<Title>(), sql.Of<Person>());
        string C(string property) => "c." + credits[property].Name;
        string T(string property) => "t." + titles[property].Name;
        var text = new StatementText(factory).Append(
            $"SELECT {C(nameof(Credit.TitleId))}, {T(nameof(Title.Slug))}, {T(nameof(Title.Name))}, {T(nameof(Title.Year))}, {T(nameof(Title.IsCardOnly))}, " +
            $"{C(nameof(Credit.Role))}, {C(nameof(Credit.Character))}, {C(nameof(Credit.Note))}, p.{people[nameof(Person.Name)].Name}, {T(nameof(Title.Kind))} " +
            $"FROM {credits.Name} c JOIN {titles.Name} t ON {T(nameof(Title.Id))} = {C(nameof(Credit.TitleId))} " +
            $"JOIN {people.Name} p ON p.{people.Key.Name} = {C(nameof(Credit.PersonId))} WHERE {C(nameof(Credit.PersonId))} IN ");
        text.List(ids);
        text.Append($" AND {C(nameof(Credit.Role))} IN ");
        text.List(Enum.GetValues<CreditRole>().Select(role => (int)role));
        text.Append($" AND {C(nameof(Credit.TitleId))} IN ");
        text.List(filmIds);
        return text.Append($" ORDER BY {C(nameof(Credit.Role))}, {C(nameof(Credit.TitleId))}, {C(nameof(Credit.Position))}").ToStatement();
    }

    /// <summary>
    /// The cards that credit the names for the page's films (by the film they name, or, for a lost-title card, by the
    /// card's id), with the film and the page each card is on. From the cards that name the films to the names' credits
    /// on them, never the other way: a common name has thousands of card credits, a film a few cards. A CROSS JOIN,
    /// which SQLite keeps in its order, and the name's id compared as a value (PersonId + 0), not sought in the index
    /// that starts with it. The matching cards are found first and only they are read whole, with their pages' titles.
    /// </summary>
    private static Statement CardsStatement(ModelSql sql, DbCommand factory, List<int> ids, List<int> cardFilmIds, List<int> lostCardIds)
    {
        var (cards, credits, titles) = (sql.Of<AlsoLiked>(), sql.Of<CardCredit>(), sql.Of<Title>());
        string A(string property) => "a." + cards[property].Name;
        string C(string property) => "c." + credits[property].Name;
        var text = new StatementText(factory).Append($"SELECT m.role, {A(nameof(AlsoLiked.Id))}, {A(nameof(AlsoLiked.TargetTitleId))}, ")
            .Append($"f.{titles[nameof(Title.Slug)].Name}, f.{titles[nameof(Title.Name)].Name}, f.{titles[nameof(Title.Year)].Name}, f.{titles[nameof(Title.IsCardOnly)].Name}, ")
            .Append($"{A(nameof(AlsoLiked.Plot))}, h.{titles[nameof(Title.Slug)].Name} AS host_slug, h.{titles[nameof(Title.Name)].Name}, h.{titles[nameof(Title.Year)].Name}, f.{titles[nameof(Title.Kind)].Name} FROM (");
        var idList = "";
        void Matching(string column, List<int> values)
        {
            text.Append($"SELECT {A(nameof(AlsoLiked.Id))} AS card, {C(nameof(CardCredit.Role))} AS role FROM {cards.Name} a CROSS JOIN {credits.Name} c WHERE {A(column)} IN ");
            text.List(values);
            text.Append($" AND {C(nameof(CardCredit.TitleId))} = {A(nameof(AlsoLiked.TitleId))} AND {C(nameof(CardCredit.CardPosition))} = {A(nameof(AlsoLiked.Position))} ")
                .Append($"AND {C(nameof(CardCredit.PersonId))} + 0 IN ");
            if (idList.Length == 0)
                idList = text.List(ids);
            else
                text.Append(idList);
        }

        if (cardFilmIds.Count > 0)
            Matching(nameof(AlsoLiked.TargetTitleId), cardFilmIds);
        if (cardFilmIds.Count > 0 && lostCardIds.Count > 0)
            text.Append(" UNION ALL ");
        if (lostCardIds.Count > 0)
            Matching(nameof(AlsoLiked.Id), lostCardIds);
        return text.Append($") m CROSS JOIN {cards.Name} a JOIN {titles.Name} h ON h.{titles.Key.Name} = {A(nameof(AlsoLiked.TitleId))} ")
            .Append($"LEFT JOIN {titles.Name} f ON f.{titles.Key.Name} = {A(nameof(AlsoLiked.TargetTitleId))} ")
            .Append($"WHERE {A(nameof(AlsoLiked.Id))} = m.card ORDER BY m.role, host_slug").ToStatement();
    }

    private sealed record CreditRow(int TitleId, string Slug, string Name, int? Year, bool IsCardOnly, CreditRole Role, string? Character, string? Note, string Spelling, TitleKind? Kind);

    private sealed record CardRow(
        CreditRole Role, int Id, int? TargetTitleId, string? TargetSlug, string? TargetName, int? TargetYear, bool TargetIsCardOnly, string? Plot,
        string HostSlug, string HostName, int? HostYear, TitleKind? TargetKind);

    /// <summary>What the person did in the film, as a visitor reads it.</summary>
    private static string PartText(CreditRole role, string? character, string? note, string spelling, IReadOnlyList<string> spellings)
    {
        var text = role switch
        {
            CreditRole.Cast => character is { Length: > 0 } ? $"as {character}" : "in the cast",
            CreditRole.Director => "director",
            CreditRole.Writer => "writer",
            CreditRole.Star => "star",
            CreditRole.SongWriter => character is { Length: > 0 } ? $"wrote the song \u201c{character}\u201d" : "wrote a song",
            CreditRole.SongPerformer => character is { Length: > 0 } ? $"performed the song \u201c{character}\u201d" : "performed a song",
            _ => role.ToString(),
        };
        if (note is { Length: > 0 })
            text += $" ({note})";
        if (spellings.Count > 1)
            text += $", credited as {spelling}";
        return text;
    }
}

/// <summary>The person at the head of the page.</summary>
public sealed record PersonPageView(
    string Slug, string Name, IReadOnlyList<string> Spellings, int FilmCount,
    IReadOnlyList<(CreditRole Role, int Films)> Roles, HomonymRule.Finding? Homonyms);

/// <summary>One film of a person's, with every part they had in it.</summary>
public sealed class PersonFilm(FilmLink? film, bool isCardOnly)
{
    private readonly List<PersonPart> _parts = [];
    private readonly HashSet<CreditRole> _roles = [];

    /// <summary>The film; null for a card whose film lost its title line.</summary>
    public FilmLink? Film => film;

    public bool IsCardOnly => isCardOnly;

    /// <summary>What the film is when it is not a film ("TV Series"), as the row shows it; null for a film or a kind not known.</summary>
    public TitleKind? Kind { get; init; }

    public string? KindLabel => TitleKinds.Label(Kind);

    public IReadOnlyList<PersonPart> Parts => _parts;

    public IReadOnlyCollection<CreditRole> Roles => _roles;

    /// <summary>For a card whose film lost its title line: the card's plot, which is all that tells the film.</summary>
    public string? LostTitlePlot { get; init; }

    /// <summary>A credit of the film's own (its page, or the card a card-only film was filled from).</summary>
    public void Add(CreditRole role, string part)
    {
        _roles.Add(role);
        _parts.Add(new PersonPart(part, null));
    }

    /// <summary>A card's credit, unless the film's own credits or an earlier card already give this role.</summary>
    public void AddFromCard(CreditRole role, FilmLink shownOn)
    {
        if (_roles.Add(role))
            _parts.Add(new PersonPart(role == CreditRole.Director ? "director" : "star", shownOn));
    }
}

/// <summary>A part, and the page whose "also liked" card gives it when that is where it comes from.</summary>
public sealed record PersonPart(string Text, FilmLink? NamedOnCardOf);
