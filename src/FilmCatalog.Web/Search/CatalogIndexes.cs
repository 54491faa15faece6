using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Search;

/// <summary>
/// Builds everything derived from the catalog (the name index, the browse lists, people's keys and careers) from
/// the catalog itself, in one write transaction: a catalog imported before these existed gets them
/// at its first start (<see cref="UpgradeAsync"/>), and the <c>reindex</c> command rebuilds them on
/// demand (<see cref="RebuildAsync"/>). Day to day they are written by the importer, with the rows
/// they derive from, and never need this.
/// </summary>
/// <remarks>
/// The upgrade also fills what a catalog imported before this version lacks: the people named on "also liked" cards
/// (<see cref="CardCredit"/>, from the cards kept as printed) and the people named in soundtrack
/// credits (<see cref="SoundtrackCredits"/>, from the credit lines kept as printed).
/// </remarks>
public sealed class CatalogIndexes(CatalogDbContext db, IWriteGate gate, ILogger<CatalogIndexes> logger)
{
    private const int SaveEvery = 5_000;

    /// <summary>Brings a catalog imported before the indexes existed up to date; does nothing on any other.</summary>
    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        if (await db.TitleNames.AnyAsync(cancellationToken) || !await db.Titles.AnyAsync(cancellationToken))
            return;

        logger.LogInformation("The catalog has no name index yet: building it once from the catalog");
        await RebuildAsync(backfillCredits: true, cancellationToken);
    }

    /// <summary>Rebuilds the derived indexes; with <paramref name="backfillCredits"/>, first derives card and soundtrack credits a catalog lacks.</summary>
    public async Task RebuildAsync(bool backfillCredits, CancellationToken cancellationToken)
    {
        await using var turn = await gate.EnterAsync(db, cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var backfilled = backfillCredits ? await BackfillCreditsAsync(cancellationToken) : 0;

        await db.TitleNames.ExecuteDeleteAsync(cancellationToken);
        await db.TitleListings.ExecuteDeleteAsync(cancellationToken);
        await db.PersonNames.ExecuteDeleteAsync(cancellationToken);

        var titles = await db.Titles.AsNoTracking()
            .Select(t => new { t.Id, t.Name, t.Year, t.IsCardOnly, t.RatingVotes, t.SourceUserReviews, t.Rating, t.ReviewCount })
            .ToListAsync(cancellationToken);
        var facts = (await db.TitleFacts.AsNoTracking()
                .Where(f => f.Kind == TitleFactKind.AlsoKnownAs || f.Kind == TitleFactKind.Genre)
                .OrderBy(f => f.TitleId).ThenBy(f => f.Kind).ThenBy(f => f.Position)
                .Select(f => new { f.TitleId, f.Kind, f.Text, f.Qualifier })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.TitleId);

        var pending = 0;
        foreach (var title in titles)
        {
            var titleFacts = facts[title.Id];
            db.TitleNames.AddRange(NameRowsOf.Title(title.Id, title.Name, title.Year, title.IsCardOnly,
                NameKeys.TitlePopularity(title.RatingVotes, title.SourceUserReviews),
                titleFacts.Where(f => f.Kind == TitleFactKind.AlsoKnownAs).Select(f => (f.Text, f.Qualifier))));
            db.TitleListings.AddRange(ListingsOf(title.Id, title.Name, title.Year, title.Rating, title.ReviewCount,
                titleFacts.Where(f => f.Kind == TitleFactKind.Genre).Select(f => f.Text)));
            pending = await SaveIfDueAsync(pending + 1, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.PersonNames.Add(NameRowsOf.Person(person.Id, person.Name));
            pending = await SaveIfDueAsync(pending + 1, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.Database.ExecuteSqlRawAsync(NameKeys.PersonRekeySql(null), cancellationToken);
        foreach (var statement in CareerListings.RefreshSql(null))
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);

        await turn.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Indexed {Titles} titles and {People} people; {Backfilled} card and soundtrack credits derived",
            titles.Count, people.Count, backfilled);
    }

    /// <summary>
    /// Derives the index rows of <paramref name="titleIds"/> afresh from the catalog, inside the
    /// caller's transaction: their names and list rows, a name row for any person they credit who
    /// has none, those people's keys, and the career rows of the titles and the films their cards name. The importer writes the same rows itself, from the page it
    /// has in hand; this is for any other writer that adds or renames titles, so that no writer can
    /// leave the index behind.
    /// </summary>
    public static async Task RefreshTitlesAsync(CatalogDbContext db, IReadOnlyCollection<int> titleIds, CancellationToken cancellationToken = default)
    {
        if (titleIds.Count == 0)
            return;
        await db.TitleNames.Where(n => titleIds.Contains(n.TitleId)).ExecuteDeleteAsync(cancellationToken);
        await db.TitleListings.Where(l => titleIds.Contains(l.TitleId)).ExecuteDeleteAsync(cancellationToken);

        var titles = await db.Titles.AsNoTracking().Where(t => titleIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.Year, t.IsCardOnly, t.RatingVotes, t.SourceUserReviews, t.Rating, t.ReviewCount })
            .ToListAsync(cancellationToken);
        var facts = (await db.TitleFacts.AsNoTracking()
                .Where(f => titleIds.Contains(f.TitleId) && (f.Kind == TitleFactKind.AlsoKnownAs || f.Kind == TitleFactKind.Genre))
                .OrderBy(f => f.TitleId).ThenBy(f => f.Kind).ThenBy(f => f.Position)
                .Select(f => new { f.TitleId, f.Kind, f.Text, f.Qualifier })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.TitleId);
        foreach (var title in titles)
        {
            var titleFacts = facts[title.Id];
            db.TitleNames.AddRange(NameRowsOf.Title(title.Id, title.Name, title.Year, title.IsCardOnly,
                NameKeys.TitlePopularity(title.RatingVotes, title.SourceUserReviews),
                titleFacts.Where(f => f.Kind == TitleFactKind.AlsoKnownAs).Select(f => (f.Text, f.Qualifier))));
            db.TitleListings.AddRange(ListingsOf(title.Id, title.Name, title.Year, title.Rating, title.ReviewCount,
                titleFacts.Where(f => f.Kind == TitleFactKind.Genre).Select(f => f.Text)));
        }

        var credited = db.Credits.Where(c => titleIds.Contains(c.TitleId) && c.PersonId != null).Select(c => c.PersonId!.Value)
            .Union(db.CardCredits.Where(c => titleIds.Contains(c.TitleId)).Select(c => c.PersonId));
        var unnamed = await db.People.AsNoTracking()
            .Where(p => credited.Contains(p.Id) && !db.PersonNames.Any(n => n.PersonId == p.Id))
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(cancellationToken);
        db.PersonNames.AddRange(unnamed.Select(p => NameRowsOf.Person(p.Id, p.Name)));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        foreach (var id in titleIds)
            await db.Database.ExecuteSqlRawAsync(NameKeys.PersonRekeySql("{0}"), [id], cancellationToken);

        // The careers of the titles and of the films their cards name.
        var careerTitles = titleIds.Union(await db.AlsoLiked.Where(a => titleIds.Contains(a.TitleId) && a.TargetTitleId != null)
            .Select(a => a.TargetTitleId!.Value).ToListAsync(cancellationToken)).Cast<object>().ToArray();
        var list = "(" + string.Join(", ", careerTitles.Select((_, i) => $"{{{i}}}")) + ")";
        foreach (var statement in CareerListings.RefreshSql(list))
            await db.Database.ExecuteSqlRawAsync(statement, careerTitles, cancellationToken);
    }

    /// <summary>A title's rows in the browse lists: every title's, and each of its genres'.</summary>
    private static IEnumerable<TitleListing> ListingsOf(int titleId, string name, int? year, double? rating, int reviewCount, IEnumerable<string> genres)
    {
        var folded = TextFold.Fold(name);
        return TitleListing.ListsOf(genres).Select(list => new TitleListing
        {
            Genre = list.Genre,
            TitleId = titleId,
            GenreName = list.Name,
            Folded = folded,
            Year = year ?? TitleListing.UnknownYear,
            RatingTenths = TitleListing.TenthsOf(rating),
            ReviewCount = reviewCount,
        });
    }

    private async Task<int> SaveIfDueAsync(int pending, CancellationToken cancellationToken)
    {
        if (pending < SaveEvery)
            return pending;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return 0;
    }

    /// <summary>The people named on cards and in soundtrack credits, derived from the cards and credit lines a catalog kept as printed.</summary>
    private async Task<int> BackfillCreditsAsync(CancellationToken cancellationToken)
    {
        if (await db.CardCredits.AnyAsync(cancellationToken)
            || await db.Credits.AnyAsync(c => c.Role == CreditRole.SongWriter || c.Role == CreditRole.SongPerformer, cancellationToken))
            return 0;

        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.Id, StringComparer.Ordinal, cancellationToken);
        async Task<int> PersonAsync(string name)
        {
            if (people.TryGetValue(name, out var id))
                return id;
            var person = new Person { Name = name };
            db.People.Add(person);
            await db.SaveChangesAsync(cancellationToken);
            return people[name] = person.Id;
        }

        var added = 0;
        var cards = await db.AlsoLiked.AsNoTracking().Select(a => new { a.TitleId, a.Position, a.TargetTitleId, a.Directors, a.Stars }).ToListAsync(cancellationToken);
        foreach (var card in cards)
        {
            for (var i = 0; i < card.Directors.Count; i++)
                db.CardCredits.Add(new CardCredit { TitleId = card.TitleId, CardPosition = card.Position, FilmId = card.TargetTitleId, PersonId = await PersonAsync(card.Directors[i]), Role = CreditRole.Director, Position = i });
            for (var i = 0; i < card.Stars.Count; i++)
                db.CardCredits.Add(new CardCredit { TitleId = card.TitleId, CardPosition = card.Position, FilmId = card.TargetTitleId, PersonId = await PersonAsync(card.Stars[i]), Role = CreditRole.Star, Position = i });
            added += card.Directors.Count + card.Stars.Count;
        }

        var songs = await db.Soundtrack.AsNoTracking().OrderBy(s => s.TitleId).ThenBy(s => s.Position)
            .Select(s => new { s.TitleId, s.Song, s.CreditLines }).ToListAsync(cancellationToken);
        foreach (var title in songs.GroupBy(s => s.TitleId))
        {
            var positions = new Dictionary<CreditRole, int>();
            foreach (var song in title)
            {
                foreach (var named in song.CreditLines.SelectMany(SoundtrackCredits.Read))
                {
                    foreach (var role in named.Roles)
                    {
                        var position = positions.GetValueOrDefault(role);
                        positions[role] = position + 1;
                        db.Credits.Add(new Credit { TitleId = title.Key, PersonId = await PersonAsync(named.Name), Role = role, Position = position, Character = song.Song });
                        added++;
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }
}
