using System.Security.Cryptography;
using System.Text;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Reviews;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Writes parsed title pages into the catalog, upserting by slug, each file all or nothing.
/// What came from the source is replaced by the newer capture; reviews and votes posted on the
/// site are never touched, and imported reviews are matched by key so their votes survive.
/// </summary>
/// <remarks>
/// Importing is two steps. <see cref="Prepare"/> parses, hashes and renders the reviews: CPU work
/// with no database, safe to run on another thread while earlier files are written (see
/// <see cref="ImportRun"/>). Writing goes through prepared SQLite statements on the context's
/// connection (EF Core's change tracker cost about 10 ms a file; the statements write the same rows
/// in well under one), inside a <see cref="Batch"/>: one write transaction, taken through the
/// <see cref="WriteGate"/>, for several files, each file in a SAVEPOINT of its own. A file that
/// fails is rolled back to its savepoint and leaves no trace; the other files of the batch stand.
/// A commit rewrites ~120 database pages whatever it holds, so one commit per batch instead of one
/// per file is what makes a large import fast.
/// <para>
/// Crash semantics: a file counts as imported only once its batch has committed, and only then is
/// it reported. If the process dies (or the commit fails) before that, no file of the batch is in
/// the catalog and none was reported as imported; importing the same paths again imports them.
/// Every file is still all or nothing: a catalog never holds part of a file.
/// </para>
/// </remarks>
public sealed class CatalogImporter(CatalogDbContext db, WriteGate gate, PageCache pages, TimeProvider clock, ILogger<CatalogImporter> logger)
{
    private readonly CatalogDbContext _db = db;
    private readonly TimeProvider _clock = clock;
    private readonly PageCache _pages = pages;
    private readonly ILogger _logger = logger;
    private CatalogStatements? _statements;

    /// <summary>Names already in People, with their ids: only ever filled from committed batches.</summary>
    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);

    public async Task<ImportOutcome> ImportFileAsync(string path, CancellationToken cancellationToken = default) =>
        await WriteAsync(PrepareFile(path), cancellationToken);

    public Task<ImportOutcome> ImportAsync(string file, byte[] content, CancellationToken cancellationToken = default) =>
        WriteAsync(Prepare(file, content), cancellationToken);

    /// <summary>Reads and prepares one file; a file that cannot be read, or is not a regular file, or is too large, is refused.</summary>
    public PreparedPage PrepareFile(string path)
    {
        var (content, refused) = ImportFile.Read(path);
        return refused is null ? Prepare(path, content!) : PreparedPage.Refuse(refused);
    }

    /// <summary>Parses, hashes and renders one page: no database, safe on any thread.</summary>
    public PreparedPage Prepare(string file, byte[] content)
    {
        ParseResult parsed;
        try
        {
            parsed = TitlePageParser.Parse(content);
        }
        catch (TitlePageFormatException e)
        {
            return PreparedPage.Refuse(ImportOutcome.Refused(file, e.Line, e.Message));
        }

        var page = parsed.Title;
        var slug = Slug.For(page.Name, page.Year, page.YearQualifier);
        var outcome = new ImportOutcome
        {
            File = file,
            Status = ImportStatus.Imported,
            Slug = slug,
            Name = page.Name,
            Year = page.Year,
            Counts = CountsOf(page),
            Warnings = parsed.Warnings,
        };

        // Encoding plain text is cheap enough that a page of 100,000 reviews needs no parallel loop.
        var reviews = page.Reviews.Select(PrepareReview).ToArray();

        return new PreparedPage(outcome, page, Convert.ToHexStringLower(SHA256.HashData(content)), reviews);
    }

    private static PreparedReview PrepareReview(ParsedReview parsed) =>
        new(parsed, SourceKeyOf(parsed), PlainTextReview.Source(parsed.Paragraphs), PlainTextReview.ToHtml(parsed.Paragraphs));

    /// <summary>Writes one prepared page in a transaction of its own; a refused page is returned as it is.</summary>
    public async Task<ImportOutcome> WriteAsync(PreparedPage prepared, CancellationToken cancellationToken = default) =>
        (await WriteBatchAsync([prepared], cancellationToken))[0];

    /// <summary>Writes prepared pages in one transaction, each file all or nothing; outcomes in the pages' order.</summary>
    public async Task<IReadOnlyList<ImportOutcome>> WriteBatchAsync(IReadOnlyList<PreparedPage> prepared, CancellationToken cancellationToken = default)
    {
        await using var batch = await BeginBatchAsync(cancellationToken);
        foreach (var page in prepared)
            batch.Add(page);
        return await batch.CommitAsync();
    }

    /// <summary>
    /// Opens a batch: waits for the write gate and begins the write transaction. Add files, then
    /// commit; disposing a batch that was not committed rolls every file of it back.
    /// </summary>
    public async Task<Batch> BeginBatchAsync(CancellationToken cancellationToken = default)
    {
        await _db.Database.OpenConnectionAsync(cancellationToken);
        IDisposable? turn = null;
        try
        {
            turn = await gate.EnterAsync(cancellationToken);
            var sql = _statements ??= new CatalogStatements((SqliteConnection)_db.Database.GetDbConnection());

            // Index pages of Titles, People and Reviews are read again by every file: keep them (64 MB, the default is 2 MB).
            sql.SetCacheSize(ImportCacheKibibytes);
            return new Batch(this, sql, turn, sql.Begin());
        }
        catch
        {
            turn?.Dispose();
            await _db.Database.CloseConnectionAsync();
            throw;
        }
    }

    private const int ImportCacheKibibytes = 64 * 1024;

    /// <summary>
    /// Several files in one write transaction, each in a savepoint of its own. Outcomes are handed
    /// out by <see cref="CommitAsync"/> only, after the commit: until then nothing is imported.
    /// </summary>
    public sealed class Batch : IAsyncDisposable
    {
        private readonly CatalogImporter _importer;
        private readonly CatalogStatements _sql;
        private readonly IDisposable _turn;
        private readonly SqliteTransaction _transaction;
        private readonly List<ImportOutcome> _outcomes = [];

        /// <summary>People added by the files of this batch that were kept: known to the importer only after the commit.</summary>
        private readonly Dictionary<string, int> _batchPeople = new(StringComparer.Ordinal);
        private bool _written;
        private bool _done;

        internal Batch(CatalogImporter importer, CatalogStatements sql, IDisposable turn, SqliteTransaction transaction)
        {
            _importer = importer;
            _sql = sql;
            _turn = turn;
            _transaction = transaction;
        }

        /// <summary>Files added so far, refused ones included.</summary>
        public int Count => _outcomes.Count;

        /// <summary>Writes one file inside its own savepoint; a file that fails is rolled back and will be reported as refused.</summary>
        public void Add(PreparedPage prepared)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            if (prepared.Page is not { } page)
            {
                _outcomes.Add(prepared.Outcome);
                return;
            }

            var outcome = prepared.Outcome;
            var slug = outcome.Slug!;
            if (_sql.ImportRecordExists(prepared.Hash, slug))
            {
                _outcomes.Add(outcome with { Status = ImportStatus.Unchanged, Warnings = [] });
                return;
            }

            var filePeople = new Dictionary<string, int>(StringComparer.Ordinal);
            _transaction.Save(FileSavepoint);
            try
            {
                var now = _importer._clock.GetUtcNow().UtcDateTime;
                new PageWriter(_sql, _importer._people, _batchPeople, filePeople, now).Write(page, slug, prepared.Reviews);
                _sql.InsertImportRecord(Path.GetFileName(outcome.File), prepared.Hash, now, slug, outcome.ToString());
                _transaction.Release(FileSavepoint);
            }
            catch (SqliteException e)
            {
                // Undoes this file only; if SQLite already rolled the whole transaction back (disk full, I/O
                // error), this throws and the batch fails as a whole, reported by nobody as imported.
                _transaction.Rollback(FileSavepoint);
                _transaction.Release(FileSavepoint);
                _importer._logger.LogError(e, "Import of {File} failed while writing; nothing of it was kept", outcome.File);
                _outcomes.Add(ImportOutcome.Refused(outcome.File, page.TitleLine, "the catalog could not store this page; nothing was written"));
                return;
            }

            foreach (var (name, id) in filePeople)
                _batchPeople[name] = id;
            _written = true;
            _outcomes.Add(outcome);
        }

        /// <summary>Commits the batch and returns every file's outcome, in the order added.</summary>
        public async Task<IReadOnlyList<ImportOutcome>> CommitAsync()
        {
            ObjectDisposedException.ThrowIf(_done, this);
            _transaction.Commit();
            foreach (var (name, id) in _batchPeople)
                _importer._people[name] = id;
            await EndAsync();

            // A page's cards link to other titles and make card-only titles: any cached page may change.
            if (_written)
                await _importer._pages.EvictAllAsync(CancellationToken.None);
            return _outcomes;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_done)
                await EndAsync();
        }

        private async Task EndAsync()
        {
            _done = true;
            try
            {
                _transaction.Dispose();
                _sql.SetCacheSize(null);
            }
            finally
            {
                _turn.Dispose();
                await _importer._db.Database.CloseConnectionAsync();
            }
        }

        private const string FileSavepoint = "import_file";
    }

    /// <summary>
    /// An imported review is the same review in a newer capture when headline, date, author and the
    /// opening of its text agree. The text is part of the key because the source often lost the
    /// author's name: two reviews headed "Great film" on one day are still two reviews.
    /// </summary>
    private static string SourceKeyOf(ParsedReview review)
    {
        var opening = review.Paragraphs.Count > 0 ? review.Paragraphs[0][..Math.Min(review.Paragraphs[0].Length, 200)] : "";
        var identity = $"{review.Headline}\n{review.Date:yyyy-MM-dd}\n{review.Author}\n{opening}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }

    /// <summary>How many of each kind the page held, named "singular|plural" for the report.</summary>
    private static List<KeyValuePair<string, int>> CountsOf(ParsedTitle page) =>
    [
        new("cast member|cast members", page.Cast.Count),
        new("director|directors", page.Directors.Count),
        new("writer|writers", page.Writers.Count),
        new("star|stars", page.Stars.Count),
        new("genre|genres", page.Genres.Count),
        new("tagline|taglines", page.Taglines.Count),
        new("certificate|certificates", (page.Certificate is null ? 0 : 1) + page.OtherCertificates.Count),
        new("release date|release dates", page.ReleaseDates.Count),
        new("also-known-as title|also-known-as titles", page.AlsoKnownAs.Count),
        new("country|countries", page.Countries.Count),
        new("language|languages", page.Languages.Count),
        new("filming location|filming locations", page.FilmingLocations.Count),
        new("box-office figure|box-office figures", page.BoxOffice.Count),
        new("company|companies", page.Companies.Count),
        new("trivia item|trivia items", page.Trivia.Count(t => t.Kind == TriviaKind.Trivia)),
        new("goof|goofs", page.Trivia.Count(t => t.Kind == TriviaKind.Goof)),
        new("quote|quotes", page.Trivia.Count(t => t.Kind == TriviaKind.Quote)),
        new("crazy credit|crazy credits", page.Trivia.Count(t => t.Kind == TriviaKind.CrazyCredit)),
        new("connection|connections", page.Connections.Count),
        new("soundtrack entry|soundtrack entries", page.Soundtrack.Count),
        new("FAQ entry|FAQ entries", page.Faq.Count),
        new("review|reviews", page.Reviews.Count),
        new("also-liked card|also-liked cards", page.AlsoLiked.Count),
    ];

    /// <summary>
    /// The rows of one page, in the order the foreign keys need them: the title, the people, the
    /// facts and credits, the card targets and cards, the reviews.
    /// </summary>
    private sealed class PageWriter(CatalogStatements sql, Dictionary<string, int> knownPeople, Dictionary<string, int> batchPeople, Dictionary<string, int> newPeople, DateTime now)
    {
        public void Write(ParsedTitle page, string slug, IReadOnlyList<PreparedReview> reviews)
        {
            var existing = sql.FindTitle(slug) ?? AdoptUnqualified(page, slug);
            int titleId;
            if (existing is { } found)
            {
                titleId = found.Id;
                sql.ClearSourceFacts(titleId);
                sql.UpdateTitle(titleId, page, now);
            }
            else
            {
                titleId = sql.InsertTitle(slug, page, now);
            }

            AddFacts(titleId, TitleFactKind.Genre, page.Genres);
            AddFacts(titleId, TitleFactKind.Tagline, page.Taglines);
            AddFacts(titleId, TitleFactKind.ReleaseDate, page.ReleaseDates);
            AddFacts(titleId, TitleFactKind.AlsoKnownAs, page.AlsoKnownAs);
            AddFacts(titleId, TitleFactKind.Country, page.Countries);
            AddFacts(titleId, TitleFactKind.Language, page.Languages);
            AddFacts(titleId, TitleFactKind.FilmingLocation, page.FilmingLocations);
            AddFacts(titleId, TitleFactKind.BoxOffice, page.BoxOffice);
            AddFacts(titleId, TitleFactKind.Company, page.Companies);
            AddFacts(titleId, TitleFactKind.CreditFragment, page.CreditFragments);
            AddFacts(titleId, TitleFactKind.Certificate, page.OtherCertificates);

            for (var i = 0; i < page.Cast.Count; i++)
            {
                var member = page.Cast[i];
                sql.InsertCredit(titleId, member.Name is { } name ? Person(name) : null, CreditRole.Cast, i, member.Character, member.Note);
            }

            AddCredits(titleId, CreditRole.Director, page.Directors);
            AddCredits(titleId, CreditRole.Writer, page.Writers);
            AddCredits(titleId, CreditRole.Star, page.Stars);

            for (var i = 0; i < page.Trivia.Count; i++)
                sql.InsertTrivia(titleId, page.Trivia[i].Kind, i, page.Trivia[i].Text);
            for (var i = 0; i < page.Connections.Count; i++)
            {
                var c = page.Connections[i];
                sql.InsertConnection(titleId, i, c.Kind, c.OtherName, c.OtherYear, Slug.For(c.OtherName, c.OtherYear, c.OtherYearQualifier), c.Note);
            }

            for (var i = 0; i < page.Soundtrack.Count; i++)
                sql.InsertSoundtrack(titleId, i, page.Soundtrack[i].Song, page.Soundtrack[i].CreditLines);
            for (var i = 0; i < page.Faq.Count; i++)
                sql.InsertFaq(titleId, i, page.Faq[i].Question, page.Faq[i].Answer);

            AddCards(titleId, slug, page.AlsoLiked);
            var added = UpsertReviews(titleId, isNew: existing is null, reviews);
            if (added > 0)
                sql.AddToReviewCount(titleId, added);
        }

        /// <summary>
        /// A page whose year carries a qualifier ("Hamlet (1996/I)") is the film a catalog may hold
        /// under the slug without it, imported before qualifiers were read: that title moves to the
        /// qualified slug, its old one answering with a redirect, instead of a duplicate being made.
        /// </summary>
        private (int Id, bool IsCardOnly)? AdoptUnqualified(ParsedTitle page, string slug)
        {
            if (page.YearQualifier is null)
                return null;

            var unqualified = Slug.For(page.Name, page.Year);
            if (sql.FindUnqualifiedTitle(unqualified) is not { } id)
                return null;

            sql.RenameTitle(id, unqualified, slug);
            return sql.FindTitle(slug);
        }

        /// <summary>
        /// Keeps every card as printed, and makes each card that names a film a title of its own
        /// (card-only until that film's page is imported), so the card can link to a real page.
        /// </summary>
        private void AddCards(int titleId, string titleSlug, List<ParsedCard> cards)
        {
            var targets = new Dictionary<string, int>(StringComparer.Ordinal) { [titleSlug] = titleId };
            for (var i = 0; i < cards.Count; i++)
            {
                var card = cards[i];
                int? targetId = null;
                if (card.Name is { } name)
                {
                    var slug = Slug.For(name, card.Year, card.YearQualifier);
                    if (targets.TryGetValue(slug, out var known))
                    {
                        targetId = known;
                    }
                    else if (sql.FindTitle(slug) is not { } target)
                    {
                        targetId = sql.InsertCardOnlyTitle(slug, card, now);
                        FillFromCard(targetId.Value, card);
                    }
                    else
                    {
                        targetId = target.Id;
                        if (target.IsCardOnly)
                        {
                            sql.ClearSourceFacts(target.Id);
                            sql.UpdateCardOnlyTitle(target.Id, card.Plot, card.Rating, now);
                            FillFromCard(target.Id, card);
                        }
                    }

                    targets[slug] = targetId.Value;
                }

                sql.InsertCard(titleId, i, targetId, card);
            }
        }

        private void FillFromCard(int targetId, ParsedCard card)
        {
            AddFacts(targetId, TitleFactKind.Genre, card.Genres);
            AddCredits(targetId, CreditRole.Director, card.Directors);
            AddCredits(targetId, CreditRole.Star, card.Stars);
        }

        /// <summary>Inserts new imported reviews and refreshes known ones; returns how many were new.</summary>
        private int UpsertReviews(int titleId, bool isNew, IReadOnlyList<PreparedReview> reviews)
        {
            var existing = isNew ? [] : sql.ImportedReviews(titleId);
            var added = 0;
            foreach (var review in reviews)
            {
                var parsed = review.Parsed;
                var sourceNotHelpful = Math.Max(parsed.Voted - parsed.Helpful, 0);
                var writtenAt = parsed.Date is { } date ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : now;
                if (existing.TryGetValue(review.SourceKey, out var known))
                {
                    var score = HelpfulScore.Of(parsed.Helpful + known.SiteHelpful, parsed.Helpful + sourceNotHelpful + known.SiteHelpful + known.SiteNotHelpful);
                    sql.UpdateReview(known.Id, review, writtenAt, sourceNotHelpful, score);
                }
                else
                {
                    var id = sql.InsertReview(titleId, review, writtenAt, sourceNotHelpful, HelpfulScore.Of(parsed.Helpful, parsed.Helpful + sourceNotHelpful));
                    existing[review.SourceKey] = new ImportedReview(id, 0, 0);
                    added++;
                }
            }

            return added;
        }

        private int Person(string name)
        {
            if (knownPeople.TryGetValue(name, out var id) || batchPeople.TryGetValue(name, out id) || newPeople.TryGetValue(name, out id))
                return id;
            id = sql.FindPerson(name) ?? sql.InsertPerson(name);
            newPeople[name] = id;
            return id;
        }

        private void AddFacts(int titleId, TitleFactKind kind, List<string> values)
        {
            for (var i = 0; i < values.Count; i++)
                sql.InsertFact(titleId, kind, i, values[i], null);
        }

        private void AddFacts(int titleId, TitleFactKind kind, List<ParsedFact> values)
        {
            for (var i = 0; i < values.Count; i++)
                sql.InsertFact(titleId, kind, i, values[i].Text, values[i].Qualifier);
        }

        private void AddCredits(int titleId, CreditRole role, List<string> names)
        {
            for (var i = 0; i < names.Count; i++)
                sql.InsertCredit(titleId, Person(names[i]), role, i, null, null);
        }
    }
}

/// <summary>A page ready to write, or the reason it was refused (<see cref="Page"/> null).</summary>
public sealed record PreparedPage(ImportOutcome Outcome, ParsedTitle? Page, string Hash, IReadOnlyList<PreparedReview> Reviews)
{
    /// <summary>About how many rows writing the page takes: what a batch is bounded by.</summary>
    public int Rows => Page is null ? 0 : 1 + Outcome.Counts.Sum(c => c.Value);

    public static PreparedPage Refuse(ImportOutcome refused) => new(refused, null, "", []);
}

/// <summary>An imported review with its key, its Markdown body and the body rendered.</summary>
public sealed record PreparedReview(ParsedReview Parsed, string SourceKey, string Body, string BodyHtml);

internal readonly record struct ImportedReview(int Id, int SiteHelpful, int SiteNotHelpful);
