using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Importing;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Titles;

/// <summary>
/// Keeps every title's <see cref="TitlePageDocument"/> equal to its rows: the importer writes a title's
/// document in the same transaction as the rows it copies (<see cref="Write"/>), and a catalog made
/// before documents existed, or with documents of an older shape, gets them at start
/// (<see cref="UpgradeAsync"/>). ADR-004 says why the page reads a document.
/// </summary>
public static class TitlePageDocuments
{
    /// <summary>
    /// Replaces the documents of <paramref name="titleIds"/> (a file's title and the card-only titles its
    /// cards filled) with ones built from the rows the file is writing for them.
    /// </summary>
    public static void Write(ModelSql sql, IImportTransaction tx, IEnumerable<int> titleIds, IReadOnlyDictionary<int, string> names,
        IReadOnlyList<TitleFact> facts, IReadOnlyList<Credit> credits, IReadOnlyList<Trivia> trivia, IReadOnlyList<Connection> connections,
        IReadOnlyList<SoundtrackEntry> soundtrack, IReadOnlyList<FaqEntry> faq, IReadOnlyList<AlsoLiked> cards)
    {
        var documents = new List<TitlePageDocument>();
        foreach (var id in titleIds.Distinct())
        {
            sql.DeleteWhere<TitlePageDocument>(tx, nameof(TitlePageDocument.TitleId), id);
            documents.Add(new TitlePageDocument
            {
                TitleId = id,
                Json = TitlePageFacts.From(id, facts, credits, names, trivia, connections, soundtrack, faq, cards).ToJson(),
                Version = TitlePageFacts.Version,
            });
        }

        sql.Insert(tx, documents);
    }

    /// <summary>
    /// Builds the document of every title that has none, or one of an older shape, from its rows, a
    /// chunk of titles per write turn, logging progress; run in the background after start
    /// (<see cref="TitlePageDocumentUpgrade"/>). Until a title has its document, its page reads the
    /// tables (<see cref="DetailsModel"/>) and renders the same.
    /// </summary>
    public static async Task UpgradeAsync(CatalogDbContext db, IWriteGate gate, ILogger logger, CancellationToken cancellationToken = default)
    {
        const int chunk = 500;
        var missing = await db.Titles.AsNoTracking()
            .Where(t => !db.TitlePageDocuments.Any(d => d.TitleId == t.Id && d.Version == TitlePageFacts.Version))
            .OrderBy(t => t.Id).Select(t => t.Id)
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
            return;

        for (var start = 0; start < missing.Count; start += chunk)
        {
            // Read and written in one write turn, as the importer writes: no file imported meanwhile
            // can slip between the rows read here and the documents written from them.
            var ids = missing.GetRange(start, Math.Min(chunk, missing.Count - start));
            await using var turn = await gate.EnterAsync(db, cancellationToken);
            var built = await FromTablesAsync(db, ids, cancellationToken);
            await db.TitlePageDocuments.Where(d => ids.Contains(d.TitleId)).ExecuteDeleteAsync(cancellationToken);
            db.TitlePageDocuments.AddRange(built.Select(b => new TitlePageDocument { TitleId = b.Key, Json = b.Value.ToJson(), Version = TitlePageFacts.Version }));
            await db.SaveChangesAsync(cancellationToken);
            await turn.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            logger.LogInformation("Title page documents: {Done} of {Titles} titles written", start + ids.Count, missing.Count);
        }

    }

    /// <summary>The documents of <paramref name="titleIds"/> built from the tables, as the importer builds them from the rows it writes.</summary>
    public static async Task<Dictionary<int, TitlePageFacts>> FromTablesAsync(CatalogDbContext db, IReadOnlyCollection<int> titleIds, CancellationToken cancellationToken = default)
    {
        var facts = await db.TitleFacts.AsNoTracking().Where(f => titleIds.Contains(f.TitleId)).ToListAsync(cancellationToken);
        var credits = await db.Credits.AsNoTracking().Where(c => titleIds.Contains(c.TitleId)).ToListAsync(cancellationToken);
        var personIds = credits.Select(c => c.PersonId).OfType<int>().Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var trivia = await db.Trivia.AsNoTracking().Where(t => titleIds.Contains(t.TitleId)).ToListAsync(cancellationToken);
        var connections = await db.Connections.AsNoTracking().Where(c => titleIds.Contains(c.TitleId)).ToListAsync(cancellationToken);
        var soundtrack = await db.Soundtrack.AsNoTracking().Where(s => titleIds.Contains(s.TitleId)).ToListAsync(cancellationToken);
        var faq = await db.Faq.AsNoTracking().Where(f => titleIds.Contains(f.TitleId)).ToListAsync(cancellationToken);
        var cards = await db.AlsoLiked.AsNoTracking().Where(a => titleIds.Contains(a.TitleId)).ToListAsync(cancellationToken);

        // Each title's rows in id order, so that rows the page orders equally keep the order they were written in.
        var (factsOf, creditsOf, triviaOf) = (facts.OrderBy(f => f.Id).ToLookup(f => f.TitleId), credits.OrderBy(c => c.Id).ToLookup(c => c.TitleId), trivia.OrderBy(t => t.Id).ToLookup(t => t.TitleId));
        var (connectionsOf, soundtrackOf) = (connections.OrderBy(c => c.Id).ToLookup(c => c.TitleId), soundtrack.OrderBy(s => s.Id).ToLookup(s => s.TitleId));
        var (faqOf, cardsOf) = (faq.OrderBy(f => f.Id).ToLookup(f => f.TitleId), cards.OrderBy(a => a.Id).ToLookup(a => a.TitleId));
        return titleIds.ToDictionary(id => id, id => TitlePageFacts.From(id, factsOf[id], creditsOf[id], names,
            triviaOf[id], connectionsOf[id], soundtrackOf[id], faqOf[id], cardsOf[id]));
    }
}
