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

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "p")] string? page, CancellationToken cancellationToken)
    {
        if (!Slug.IsWellFormed(slug))
            return NotFound();
        var ids = await db.PersonNames.AsNoTracking().Where(n => n.Slug == slug).Select(n => n.PersonId).ToListAsync(cancellationToken);
        if (ids.Count == 0)
            return NotFound();

        var spellings = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Name).ToListAsync(cancellationToken);
        var years = await db.CareerYears.AsNoTracking().Where(y => y.Slug == slug).ToListAsync(cancellationToken);
        var filmCount = years.Sum(y => y.Films);
        if (filmCount == 0)
            return NotFound();

        PageCount = Math.Max(1, (filmCount + FilmsPerPage - 1) / FilmsPerPage);
        PageNumber = int.TryParse(page, out var number) ? Math.Clamp(number, 1, PageCount) : 1;
        var shown = await db.CareerListings.AsNoTracking()
            .Where(l => l.Slug == slug)
            .OrderBy(l => l.Group).ThenByDescending(l => l.Year).ThenBy(l => l.Name).ThenBy(l => l.CardId).ThenBy(l => l.TitleId)
            .Skip((PageNumber - 1) * FilmsPerPage).Take(FilmsPerPage)
            .Select(l => new ShownFilm(l.TitleId, l.CardId, l.CardRoles))
            .ToListAsync(cancellationToken);
        Films = await FilmsAsync(ids, spellings, shown, cancellationToken);
        Person = new PersonPageView(
            slug,
            spellings[0],
            spellings,
            filmCount,
            [.. Enum.GetValues<CreditRole>().Select(role => (Role: role, Films: years.Where(y => (y.Roles & PersonSummary.Bit(role)) != 0).Sum(y => y.Films))).Where(r => r.Films > 0)],
            HomonymRule.Check(years.Where(y => y.Group == CareerListing.DatedFilms).Select(y => y.Year)));
        CanonicalUrl = Url.PageLink(values: new { slug })!;
        return Page();
    }

    /// <summary>A film of the page: its title (or, for a lost-title card, the card) and the roles only cards give.</summary>
    private sealed record ShownFilm(int TitleId, int CardId, int CardRoles);

    /// <summary>
    /// The films of one page, each with every part the names had in it: their own credits first, then what
    /// cards add, read only for the films that cards add something to.
    /// </summary>
    private async Task<List<PersonFilm>> FilmsAsync(List<int> ids, List<string> spellings, List<ShownFilm> shown, CancellationToken cancellationToken)
    {
        var filmIds = shown.Where(f => f.CardId == 0).Select(f => f.TitleId).ToList();
        var cardFilmIds = shown.Where(f => f.CardId == 0 && f.CardRoles != 0).Select(f => (int?)f.TitleId).ToList();
        var lostCardIds = shown.Where(f => f.CardId != 0).Select(f => f.CardId).ToList();
        var credits = await db.Credits.AsNoTracking()
            .Where(c => c.PersonId != null && ids.Contains(c.PersonId.Value) && filmIds.Contains(c.TitleId))
            .OrderBy(c => c.Role).ThenBy(c => c.TitleId).ThenBy(c => c.Position) // a film's parts in one order on every provider
            .Select(c => new { c.TitleId, c.Title!.Slug, c.Title.Name, c.Title.Year, c.Title.IsCardOnly, c.Role, c.Character, c.Note, Spelling = c.Person!.Name })
            .ToListAsync(cancellationToken);
        // From the cards that name the films to the names' credits on them, never the other way: a common name has
        // thousands of card credits, a film a few cards. A CROSS JOIN, which SQLite keeps in its order, and the
        // name's id compared as a value (PersonId + 0), not sought in the index that starts with it.
        // The cards are found by film and by id apart: SQLite reads a whole index for the two lists ORed.
        var namingCards = db.AlsoLiked.AsNoTracking().Where(a => cardFilmIds.Contains(a.TargetTitleId));
        if (lostCardIds.Count > 0)
            namingCards = namingCards.Concat(db.AlsoLiked.AsNoTracking().Where(a => lostCardIds.Contains(a.Id)));
        var cards = cardFilmIds.Count + lostCardIds.Count == 0 ? [] : await (
                from a in namingCards
                from c in db.CardCredits.AsNoTracking()
                where c.TitleId == a.TitleId && c.CardPosition == a.Position && ids.Contains(c.PersonId + 0)
                select new { c.Role, Card = a })
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

        return [.. shown.Select(f => f.CardId == 0 ? films.GetValueOrDefault(f.TitleId) : lostTitles.GetValueOrDefault(f.CardId)).OfType<PersonFilm>()];
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
