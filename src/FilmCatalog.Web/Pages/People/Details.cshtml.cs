using System.Numerics;
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
/// film credits any more (a newer capture dropped it) has no page.
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

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "p")] string? page, CancellationToken cancellationToken)
    {
        if (!Slug.IsWellFormed(slug))
            return NotFound();
        var ids = await db.PersonNames.AsNoTracking().Where(n => n.Slug == slug).Select(n => n.PersonId).ToListAsync(cancellationToken);
        if (ids.Count == 0)
            return NotFound();

        var spellings = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(cancellationToken);
        var career = await CareerAsync(ids, cancellationToken);
        if (career.Count == 0)
            return NotFound();

        PageCount = Math.Max(1, (career.Count + FilmsPerPage - 1) / FilmsPerPage);
        PageNumber = int.TryParse(page, out var number) ? Math.Clamp(number, 1, PageCount) : 1;
        Films = await FilmsAsync(spellings, [.. career.Skip((PageNumber - 1) * FilmsPerPage).Take(FilmsPerPage)], cancellationToken);
        Person = new PersonPageView(
            slug,
            spellings[0],
            spellings,
            career.Count,
            [.. Enum.GetValues<CreditRole>().Select(role => (Role: role, Films: career.Count(f => (f.RoleBits & PersonSummary.Bit(role)) != 0))).Where(r => r.Films > 0)],
            HomonymRule.Check(career.Select(f => f.Year).OfType<int>()));
        CanonicalUrl = Url.PageLink(values: new { slug })!;
        return Page();
    }

    /// <summary>
    /// A film of the career: its title's id (null for a card's film that lost its title), what sorts it,
    /// the roles the names have in it (<see cref="PersonSummary.Bit"/>) and the ids of the credits and
    /// card credits that give them.
    /// </summary>
    private sealed class CareerFilm(int? titleId, int? lostCardId, int? year, string name)
    {
        public int? TitleId => titleId;
        public int? LostCardId => lostCardId;
        public int? Year => year;
        public string Name => name;
        public int RoleBits { get; private set; }
        public List<int> CreditIds { get; } = [];
        public List<int> CardCreditIds { get; } = [];

        public void Add(CreditRole role, int? creditId, int? cardCreditId)
        {
            RoleBits |= PersonSummary.Bit(role);
            if (creditId is { } credit)
                CreditIds.Add(credit);
            if (cardCreditId is { } cardCredit)
                CardCreditIds.Add(cardCredit);
        }

        /// <summary>The page's order: newest first, then by name (films without a year last).</summary>
        public static int Compare(CareerFilm a, CareerFilm b) =>
            a.Year is null != b.Year is null ? (a.Year is null ? 1 : -1)
            : Nullable.Compare(b.Year, a.Year) is var byYear and not 0 ? byYear
            : string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName
            : Nullable.Compare(a.TitleId, b.TitleId);
    }

    /// <summary>
    /// Every film credited to the names, in the page's order (newest first, then by name, then the
    /// films whose titles cards lost): one narrow row per credit, streamed into one entry per film, so
    /// that a name credited on thousands of films costs one scan of its credits (by index alone:
    /// <c>IX_Credits_PersonId_Role_TitleId</c>), and only the page shown is read in full.
    /// </summary>
    private async Task<List<CareerFilm>> CareerAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var rows = db.Credits.AsNoTracking()
            .Where(c => c.PersonId != null && ids.Contains(c.PersonId.Value))
            .Select(c => new { TitleId = (int?)c.TitleId, LostCardId = (int?)null, c.Role, c.Title!.Year, c.Title.Name, CreditId = (int?)c.Id, CardCreditId = (int?)null })
            .Concat(db.CardCredits.AsNoTracking()
                .Where(c => ids.Contains(c.PersonId))
                .Join(db.AlsoLiked, c => new { c.TitleId, Position = c.CardPosition }, a => new { a.TitleId, a.Position }, (c, a) => new
                {
                    TitleId = a.TargetTitleId,
                    LostCardId = a.TargetTitleId == null ? (int?)a.Id : null,
                    c.Role,
                    Year = a.Target != null ? a.Target.Year : null,
                    Name = a.Target != null ? a.Target.Name : "",
                    CreditId = (int?)null,
                    CardCreditId = (int?)c.Id,
                }));

        var films = new Dictionary<int, CareerFilm>();
        var lost = new Dictionary<int, CareerFilm>();
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var film = row.TitleId is { } titleId
                ? films.TryGetValue(titleId, out var known) ? known : films[titleId] = new CareerFilm(titleId, null, row.Year, row.Name)
                : lost.TryGetValue(row.LostCardId!.Value, out var card) ? card : lost[row.LostCardId.Value] = new CareerFilm(null, row.LostCardId, null, "");
            film.Add(row.Role, row.CreditId, row.CardCreditId);
        }

        var career = films.Values.ToList();
        career.Sort(CareerFilm.Compare);
        // Films whose title cards lost: by the first of their roles, then in the order the cards were stored.
        career.AddRange(lost.Values.OrderBy(f => BitOperations.TrailingZeroCount(f.RoleBits)).ThenBy(f => f.LostCardId));
        return career;
    }

    /// <summary>The films of one page, each with every part the names had in it: their own credits first, then what cards add.</summary>
    private async Task<List<PersonFilm>> FilmsAsync(List<string> spellings, List<CareerFilm> shown, CancellationToken cancellationToken)
    {
        var creditIds = shown.SelectMany(f => f.CreditIds).ToList();
        var cardCreditIds = shown.SelectMany(f => f.CardCreditIds).ToList();
        var credits = await db.Credits.AsNoTracking()
            .Where(c => creditIds.Contains(c.Id))
            .OrderBy(c => c.Role).ThenBy(c => c.TitleId).ThenBy(c => c.Position) // a film's parts in one order on every provider
            .Select(c => new { c.TitleId, c.Title!.Slug, c.Title.Name, c.Title.Year, c.Title.IsCardOnly, c.Role, c.Character, c.Note, Spelling = c.Person!.Name })
            .ToListAsync(cancellationToken);
        var cards = await db.CardCredits.AsNoTracking()
            .Where(c => cardCreditIds.Contains(c.Id))
            .Join(db.AlsoLiked, c => new { c.TitleId, Position = c.CardPosition }, a => new { a.TitleId, a.Position }, (c, a) => new { c.Role, Card = a })
            .Join(db.Titles, x => x.Card.TitleId, host => host.Id, (x, host) => new
            {
                x.Role,
                x.Card.Id,
                x.Card.TargetTitleId,
                TargetSlug = x.Card.Target != null ? x.Card.Target.Slug : null,
                TargetName = x.Card.Target != null ? x.Card.Target.Name : null,
                TargetYear = x.Card.Target != null ? x.Card.Target.Year : null,
                TargetIsCardOnly = x.Card.Target != null && x.Card.Target.IsCardOnly,
                x.Card.Plot,
                HostSlug = host.Slug,
                HostName = host.Name,
                HostYear = host.Year,
            })
            .OrderBy(x => x.Role).ThenBy(x => x.HostSlug)
            .ToListAsync(cancellationToken);

        var films = new Dictionary<int, PersonFilm>();
        foreach (var credit in credits)
        {
            var film = films.TryGetValue(credit.TitleId, out var known)
                ? known
                : films[credit.TitleId] = new PersonFilm(new FilmLink(credit.Slug, credit.Name, credit.Year), credit.IsCardOnly);
            film.Add(credit.Role, PartText(credit.Role, credit.Character, credit.Note, credit.Spelling, spellings));
        }

        var lostTitles = new Dictionary<int, PersonFilm>();
        foreach (var card in cards)
        {
            var shownOn = new FilmLink(card.HostSlug, card.HostName, card.HostYear);
            var film = card.TargetTitleId is { } target
                ? films.TryGetValue(target, out var known) ? known : films[target] = new PersonFilm(new FilmLink(card.TargetSlug!, card.TargetName!, card.TargetYear), card.TargetIsCardOnly)
                : lostTitles.TryGetValue(card.Id, out var lost) ? lost : lostTitles[card.Id] = new PersonFilm(null, isCardOnly: true) { LostTitlePlot = card.Plot };
            film.AddFromCard(card.Role, shownOn);
        }

        return [.. shown.Select(f => f.TitleId is { } id ? films.GetValueOrDefault(id) : lostTitles.GetValueOrDefault(f.LostCardId!.Value)).OfType<PersonFilm>()];
    }

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
