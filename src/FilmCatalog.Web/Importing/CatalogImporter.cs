using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Titles;
using FilmCatalog.Web.Reviews;
using FilmCatalog.Web.Search;
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
/// <see cref="ImportRun"/>). Writing builds each file's rows as entities and writes them with a few
/// multi-row statements derived from the EF model (<see cref="ModelSql"/>; EF Core's change
/// tracker cost about 10 ms a file), inside a <see cref="Batch"/>: one write transaction for several
/// files, each file in a savepoint of its own. A file that fails is rolled back to its savepoint and
/// leaves no trace; the other files of the batch stand. One commit per batch instead of one per file
/// is what makes a large import fast (a SQLite commit rewrites ~120 pages whatever it holds; a
/// PostgreSQL commit waits for its log to reach the disk). How a batch takes its turn and how its
/// statements travel is the provider's (<see cref="IImportDatabase"/>).
/// <para>
/// Crash semantics: a file counts as imported only once its batch has committed, and only then is
/// it reported. If the process dies (or the commit fails) before that, no file of the batch is in
/// the catalog and none was reported as imported; importing the same paths again imports them.
/// Every file is still all or nothing: a catalog never holds part of a file.
/// </para>
/// </remarks>
public sealed class CatalogImporter(CatalogDbContext db, IImportDatabase database, PageCache pages, TimeProvider clock, ILogger<CatalogImporter> logger)
{
    private ModelSql? _sql;

    /// <summary>Names already in People, with their ids: only ever filled from committed batches.</summary>
    private readonly Dictionary<string, int> _people = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock;
    private readonly PageCache _pages = pages;
    private readonly ILogger _logger = logger;

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
            await batch.AddAsync(page);
        return await batch.CommitAsync();
    }

    /// <summary>After a run of imports: lets the database put what the run wrote in order for reading (<see cref="IImportDatabase.TidyAsync"/>).</summary>
    public Task TidyAsync(CancellationToken cancellationToken = default) => database.TidyAsync(db, cancellationToken);

    private async Task<int> LastImportRecordAsync() => await db.ImportRecords.MaxAsync(r => (int?)r.Id) ?? 0;

    /// <summary>
    /// Opens a batch: waits for the turn to write and begins the write transaction. Add files, then
    /// commit; disposing a batch that was not committed rolls every file of it back.
    /// </summary>
    public async Task<Batch> BeginBatchAsync(CancellationToken cancellationToken = default)
    {
        var tx = await database.BeginAsync(db, cancellationToken);
        _sql ??= ModelSql.Of(db);
        return new Batch(this, _sql, tx);
    }

    /// <summary>
    /// Several files in one write transaction, each in a savepoint of its own. Outcomes are handed
    /// out by <see cref="CommitAsync"/> only, after the commit: until then nothing is imported.
    /// </summary>
    public sealed class Batch : IAsyncDisposable
    {
        private readonly CatalogImporter _importer;
        private readonly ModelSql _sql;
        private readonly IImportTransaction _tx;
        private readonly List<ImportOutcome> _outcomes = [];

        /// <summary>People added by the files of this batch that were kept: known to the importer only after the commit.</summary>
        private readonly Dictionary<string, int> _batchPeople = new(StringComparer.Ordinal);

        /// <summary>Everyone the batch's files credit or credited, whose name rows are brought in step when it commits.</summary>
        private readonly PeopleToIndex _peopleToIndex;

        /// <summary>
        /// What the career rows (<see cref="CareerListing"/>) must be derived again for when the batch commits: whole films
        /// (titles new to the catalog, a page whose name or year changed), and single people's rows for a film (someone a page or a card credits
        /// for the film now and did not before, or the other way).
        /// </summary>
        private readonly HashSet<int> _careerTitles = [];
        private readonly HashSet<(int PersonId, int TitleId)> _careerPairs = [];

        /// <summary>The pages the batch wrote, whose lost-title cards (a film of their own each) are derived again.</summary>
        private readonly HashSet<int> _careerPages = [];
        private bool _written;
        private bool _done;

        internal Batch(CatalogImporter importer, ModelSql sql, IImportTransaction tx)
        {
            _importer = importer;
            _sql = sql;
            _tx = tx;
            _peopleToIndex = new PeopleToIndex(sql, tx);
        }

        /// <summary>Files added so far, refused ones included.</summary>
        public int Count => _outcomes.Count;

        /// <summary>Writes one file inside its own savepoint; a file that fails is rolled back and will be reported as refused.</summary>
        public async Task AddAsync(PreparedPage prepared)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            if (prepared.Page is not { } page)
            {
                _outcomes.Add(prepared.Outcome);
                return;
            }

            var outcome = prepared.Outcome;
            var slug = outcome.Slug!;

            // One trip to the database: was this file imported (by this parser) before, which of the titles it
            // names exist, for a page with a year qualifier, is its film there under the slug without one, and
            // who is credited now on the titles the file will fill again?
            var recorded = false;
            var namedBefore = new List<Naming>();
            OwnTitle? ownBefore = null;
            var titles = new Dictionary<string, (int Id, bool IsCardOnly)>(StringComparer.Ordinal);
            (int Id, bool IsCardOnly)? unqualified = null;
            var named = CardSlugs(page).Prepend(slug).Distinct(StringComparer.Ordinal).ToList<object>();
            string[] ownSlugs = page.YearQualifier is null ? [slug] : [slug, Slug.For(page.Name, page.Year)];
            await _tx.QueryAsync([
                .. _peopleToIndex.CreditedOn([.. named.Union(ownSlugs)], ownSlugs),
                ImportRecordQuery(prepared.Hash, slug, () => recorded = true),
                .. _sql.WhereIn<Title>(_tx, [nameof(Title.Slug), nameof(Title.Id), nameof(Title.IsCardOnly)], nameof(Title.Slug), named,
                    reader => titles[reader.GetString(0)] = (reader.GetInt32(1), reader.GetBoolean(2))),
                .. page.YearQualifier is null ? [] : new[] { UnqualifiedTitleQuery(Slug.For(page.Name, page.Year), found => unqualified = found) },
                .. NamingsBeforeQuery([.. named.Union(ownSlugs)], ownSlugs, namedBefore),
                OwnTitleQuery(ownSlugs, found => ownBefore = ownBefore?.Slug == slug ? ownBefore : found),
            ]);
            if (recorded)
            {
                _outcomes.Add(outcome with { Status = ImportStatus.Unchanged, Warnings = [] });
                return;
            }

            if (ownBefore is { } held && held.Slug == slug && !held.IsCardOnly && titles.TryGetValue(slug, out var heldTitle)
                && CaptureAge.IsOlder(page, held.RatingVotes, held.SourceUserReviews))
            {
                await AddOlderCaptureAsync(prepared, heldTitle.Id, held);
                return;
            }

            var filePeople = new Dictionary<string, int>(StringComparer.Ordinal);
            PageWriter writer;
            _tx.BeginFile();
            try
            {
                var now = _importer._clock.GetUtcNow().UtcDateTime;
                if (unqualified is { } adopted && !titles.ContainsKey(slug))
                    titles[slug] = AdoptUnqualified(adopted, Slug.For(page.Name, page.Year), slug);
                writer = new PageWriter(_sql, _tx, _importer._people, _batchPeople, filePeople, now);
                await writer.WriteAsync(page, slug, titles, prepared.Reviews);
                _peopleToIndex.AddTitles(writer.WrittenTitles);
                Record(outcome, prepared.Hash, now);
                await _tx.EndFileAsync();
            }
            catch (DbException e)
            {
                await RefuseUnwrittenAsync(e, outcome, page);
                return;
            }

            foreach (var (name, id) in filePeople)
                _batchPeople[name] = id;

            // The careers: what the file credits now against what was credited before, on its titles and by its cards.
            // A title new to the catalog is derived whole (no card names it yet); one whose name or year moved, too.
            if (ownBefore is not { } before || (before.Name, before.Year) != (page.Name, page.Year))
                _careerTitles.Add(writer.WrittenTitles[0]);
            _careerTitles.UnionWith(writer.CreatedTitles);
            _careerPages.Add(writer.WrittenTitles[0]);
            var namedNow = writer.Namings.ToHashSet();
            namedNow.SymmetricExceptWith(namedBefore);
            _careerPairs.UnionWith(namedNow.Select(n => (n.PersonId, n.TitleId)));
            _peopleToIndex.AddRange(filePeople.Values);
            _written = true;
            _outcomes.Add(outcome);
        }

        /// <summary>Commits the batch and returns every file's outcome, in the order added.</summary>
        public async Task<IReadOnlyList<ImportOutcome>> CommitAsync()
        {
            ObjectDisposedException.ThrowIf(_done, this);
            await _peopleToIndex.WriteAsync();
            WriteCareers();
            await _tx.CommitAsync();
            foreach (var (name, id) in _batchPeople)
                _importer._people[name] = id;
            await DisposeAsync();

            // A page's cards link to other titles and make card-only titles: any cached page may change.
            // The eviction covers every import recorded when it starts: this process's batch, and any other's before it.
            if (_written)
            {
                var recorded = await _importer.LastImportRecordAsync();
                await _importer._pages.EvictAllAfterImportsAsync(recorded, CancellationToken.None);
            }
            return _outcomes;
        }

        public async ValueTask DisposeAsync()
        {
            if (_done)
                return;
            _done = true;
            await _tx.DisposeAsync();
        }

        /// <summary>
        /// Who is named for which film in which role by the titles the file writes afresh, before it does: the credits of
        /// its own title (under any of <paramref name="ownSlugs"/>) and of the card-only titles among <paramref name="named"/>,
        /// and the cards of its own title.
        /// </summary>
        private IEnumerable<ImportQuery> NamingsBeforeQuery(IReadOnlyList<object> named, string[] ownSlugs, List<Naming> found)
        {
            var (credits, cardCredits, titles) = (_sql.Of<Credit>(), _sql.Of<CardCredit>(), _sql.Of<Title>());
            var (id, slug) = (titles.Key.Name, titles[nameof(Title.Slug)]);
            var own = string.Join(", ", ownSlugs.Select((_, i) => _sql.Placeholder("named" + i)));
            string Columns(ModelSql.Table table, string film) =>
                $"SELECT c.{table[nameof(Credit.PersonId)].Name}, c.{table[film].Name}, c.{table[nameof(Credit.Role)].Name} FROM {table.Name} c " +
                $"JOIN {titles.Name} t ON t.{id} = c.{table[nameof(Credit.TitleId)].Name} ";
            return _sql.InLists(_tx, slug, named,
                    list => Columns(credits, nameof(Credit.TitleId)) +
                        $"WHERE t.{slug.Name} IN {list} AND (t.{titles[nameof(Title.IsCardOnly)].Name} OR t.{slug.Name} IN ({own})) " +
                        $"AND c.{credits[nameof(Credit.PersonId)].Name} IS NOT NULL " +
                        $"UNION ALL {Columns(cardCredits, nameof(CardCredit.FilmId))}" +
                        $"WHERE t.{slug.Name} IN ({own}) AND c.{cardCredits[nameof(CardCredit.FilmId)].Name} IS NOT NULL",
                    reader => found.Add(new Naming(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2))))
                .Select(query => query with { Parameters = [.. query.Parameters, .. ownSlugs.Select((s, i) => slug.Parameter(_tx, _sql.ParameterName("named" + i), s))] });
        }

        /// <summary>
        /// A file the database failed to write: undoes this file only, and reports it refused. If the database already rolled
        /// the whole transaction back (disk full, I/O error, connection lost), this throws and the batch fails as a whole,
        /// reported by nobody as imported.
        /// </summary>
        private async Task RefuseUnwrittenAsync(DbException e, ImportOutcome outcome, ParsedTitle page)
        {
            await _tx.RollbackFileAsync();
            _importer._logger.LogError(e, "Import of {File} failed while writing; nothing of it was kept", outcome.File);
            _outcomes.Add(ImportOutcome.Refused(outcome.File, page.TitleLine, "the catalog could not store this page; nothing was written"));
        }

        /// <summary>The file's record: its bytes imported once (a second import of them is "unchanged"), and its report.</summary>
        private void Record(ImportOutcome outcome, string hash, DateTime now) => _sql.Insert(_tx, [new ImportRecord
        {
            FileName = Path.GetFileName(outcome.File),
            ContentHash = hash,
            ImportedAt = now,
            TitleSlug = outcome.Slug!,
            Report = outcome.ToString(),
            ParserVersion = TitlePageParser.Version,
        }]);

        /// <summary>What the catalog holds of a page's own title before the page is written.</summary>
        private sealed record OwnTitle(string Slug, string Name, int? Year, bool IsCardOnly, int? RatingVotes, int? SourceUserReviews);

        /// <summary>The title the file writes, when it exists: a change of its name or year moves it in every career, its counts date its capture.</summary>
        private ImportQuery OwnTitleQuery(string[] ownSlugs, Action<OwnTitle> found)
        {
            var titles = _sql.Of<Title>();
            var slug = titles[nameof(Title.Slug)];
            string[] columns = [nameof(Title.Slug), nameof(Title.Name), nameof(Title.Year), nameof(Title.IsCardOnly), nameof(Title.RatingVotes), nameof(Title.SourceUserReviews)];
            int? Number(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
            return new ImportQuery(
                $"SELECT {string.Join(", ", columns.Select(c => titles[c].Name))} FROM {titles.Name} " +
                $"WHERE {slug.Name} IN ({string.Join(", ", ownSlugs.Select((_, i) => _sql.Placeholder("own_title" + i)))})",
                [.. ownSlugs.Select((s, i) => slug.Parameter(_tx, _sql.ParameterName("own_title" + i), s))],
                reader => found(new OwnTitle(reader.GetString(0), reader.GetString(1), Number(reader, 2), reader.GetBoolean(3), Number(reader, 4), Number(reader, 5))));
        }

        /// <summary>
        /// A capture older than the catalog's (<see cref="CaptureAge"/>): the catalog keeps the newer capture's facts,
        /// and takes from this one only the reviews it does not hold, so no review the source printed is lost.
        /// </summary>
        private async Task AddOlderCaptureAsync(PreparedPage prepared, int titleId, OwnTitle held)
        {
            var page = prepared.Page!;
            var outcome = prepared.Outcome;
            _tx.BeginFile();
            try
            {
                var now = _importer._clock.GetUtcNow().UtcDateTime;
                var added = await new PageWriter(_sql, _tx, _importer._people, _batchPeople, [], now).AddMissingReviewsAsync(titleId, prepared.Reviews);
                outcome = outcome with
                {
                    Warnings =
                    [
                        .. outcome.Warnings,
                        new ParseWarning(page.TitleLine,
                            $"an older capture than the catalog's ({CaptureAge.Describe(page, held.RatingVotes, held.SourceUserReviews)}): " +
                            "the catalog keeps the newer capture's facts" + (added == 0 ? " and already holds every review of this one" : $" and adds the {added} review(s) it did not hold")),
                    ],
                };
                Record(outcome, prepared.Hash, now);
                await _tx.EndFileAsync();
            }
            catch (DbException e)
            {
                await RefuseUnwrittenAsync(e, outcome, page);
                return;
            }

            _written = true;
            _outcomes.Add(outcome);
        }

        /// <summary>Derives again the career rows the batch changed (<see cref="CareerListings"/>): its whole films, then its single rows.</summary>
        private void WriteCareers()
        {
            var key = _sql.Of<Title>().Key;
            void ByTitle(IEnumerable<int> titles, Func<string, IReadOnlyList<string>> statements)
            {
                // Each chunk through every statement in turn, each statement with parameters of its own.
                var ids = titles.Order().Cast<object>().ToList();
                var chunks = Enumerable.Range(0, statements("()").Count)
                    .Select(i => _sql.InLists(_tx, key, ids, list => statements(list)[i], _ => { }).ToList())
                    .ToList();
                for (var chunk = 0; chunk < chunks[0].Count; chunk++)
                {
                    foreach (var statement in chunks)
                        _tx.Execute(statement[chunk].Sql, statement[chunk].Parameters);
                }
            }

            ByTitle(_careerTitles, CareerListings.RefreshSql);
            ByTitle(_careerPages.Except(_careerTitles), CareerListings.RefreshLostTitleCardsSql);

            var pairs = _careerPairs.Where(p => !_careerTitles.Contains(p.TitleId)).Order().ToList();
            // Placeholders numbered within the chunk: chunks of one size are one statement, prepared once a batch.
            foreach (var (start, count) in ModelSql.Chunks(pairs.Count, 256))
            {
                var values = "VALUES " + string.Join(", ", Enumerable.Range(0, count).Select(i => $"({_sql.Placeholder("p" + i)}, {_sql.Placeholder("t" + i)})"));
                foreach (var statement in CareerListings.RefreshPairsSql(values))
                {
                    _tx.Execute(statement, [.. Enumerable.Range(0, count).SelectMany(i => new[]
                    {
                        key.Parameter(_tx, _sql.ParameterName("p" + i), pairs[start + i].PersonId),
                        key.Parameter(_tx, _sql.ParameterName("t" + i), pairs[start + i].TitleId),
                    })]);
                }
            }

            _careerTitles.Clear();
            _careerPairs.Clear();
            _careerPages.Clear();
        }

        /// <summary>Whether these bytes were imported as this title by the current parser (an older one may have read less).</summary>
        private ImportQuery ImportRecordQuery(string hash, string slug, Action found)
        {
            var records = _sql.Of<ImportRecord>();
            var hashColumn = records[nameof(ImportRecord.ContentHash)];
            var slugColumn = records[nameof(ImportRecord.TitleSlug)];
            var versionColumn = records[nameof(ImportRecord.ParserVersion)];
            return new ImportQuery(
                $"SELECT 1 FROM {records.Name} WHERE {hashColumn.Name} = {_sql.Placeholder("hash")} AND {slugColumn.Name} = {_sql.Placeholder("slug")} " +
                $"AND {versionColumn.Name} = {_sql.Placeholder("version")} LIMIT 1",
                [
                    hashColumn.Parameter(_tx, _sql.ParameterName("hash"), hash),
                    slugColumn.Parameter(_tx, _sql.ParameterName("slug"), slug),
                    versionColumn.Parameter(_tx, _sql.ParameterName("version"), TitlePageParser.Version),
                ],
                _ => found());
        }

        /// <summary>The title under <paramref name="slug"/> whose year qualifier is not known: the same film captured before "/I" was read.</summary>
        private ImportQuery UnqualifiedTitleQuery(string slug, Action<(int Id, bool IsCardOnly)> found)
        {
            var titles = _sql.Of<Title>();
            var slugColumn = titles[nameof(Title.Slug)];
            return new ImportQuery(
                $"SELECT {titles.Key.Name}, {titles[nameof(Title.IsCardOnly)].Name} FROM {titles.Name} " +
                $"WHERE {slugColumn.Name} = {_sql.Placeholder("unqualified")} AND {titles[nameof(Title.YearQualifier)].Name} IS NULL",
                [slugColumn.Parameter(_tx, _sql.ParameterName("unqualified"), slug)],
                reader => found((reader.GetInt32(0), reader.GetBoolean(1))));
        }

        /// <summary>
        /// A page whose year carries a qualifier ("Hamlet (1996/I)") is the film a catalog may hold
        /// under the slug without it, imported before qualifiers were read: that title moves to the
        /// qualified slug instead of a duplicate being made. The old slug stays as an alias (its URLs
        /// answer 301), and what named the title by slug follows: other titles' connections, import records.
        /// </summary>
        private (int Id, bool IsCardOnly) AdoptUnqualified((int Id, bool IsCardOnly) title, string oldSlug, string newSlug)
        {
            var titles = _sql.Of<Title>();
            _tx.Execute(
                $"UPDATE {titles.Name} SET {titles[nameof(Title.Slug)].Name} = {_sql.Placeholder("slug")} WHERE {titles.Key.Name} = {_sql.Placeholder("id")}",
                [titles[nameof(Title.Slug)].Parameter(_tx, _sql.ParameterName("slug"), newSlug), titles.Key.Parameter(_tx, _sql.ParameterName("id"), title.Id)]);

            var aliases = _sql.Of<SlugAlias>();
            var (oldColumn, titleColumn) = (aliases[nameof(SlugAlias.OldSlug)], aliases[nameof(SlugAlias.TitleId)]);
            _tx.Execute(
                $"INSERT INTO {aliases.Name} ({oldColumn.Name}, {titleColumn.Name}) VALUES ({_sql.Placeholder("old")}, {_sql.Placeholder("title")}) " +
                $"ON CONFLICT ({oldColumn.Name}) DO UPDATE SET {titleColumn.Name} = excluded.{titleColumn.Name}",
                [oldColumn.Parameter(_tx, _sql.ParameterName("old"), oldSlug), titleColumn.Parameter(_tx, _sql.ParameterName("title"), title.Id)]);

            Follow<Connection>(nameof(Connection.OtherSlug));
            Follow<ImportRecord>(nameof(ImportRecord.TitleSlug));
            return title;

            void Follow<T>(string property)
                where T : class
            {
                var table = _sql.Of<T>();
                var column = table[property];
                _tx.Execute(
                    $"UPDATE {table.Name} SET {column.Name} = {_sql.Placeholder("new")} WHERE {column.Name} = {_sql.Placeholder("old")}",
                    [column.Parameter(_tx, _sql.ParameterName("new"), newSlug), column.Parameter(_tx, _sql.ParameterName("old"), oldSlug)]);
            }
        }
    }

    /// <summary>The slugs of the films this page's cards name.</summary>
    private static IEnumerable<string> CardSlugs(ParsedTitle page) =>
        page.AlsoLiked.Where(c => c.Name is not null).Select(CardSlug);

    private static string CardSlug(ParsedCard card) => Slug.For(card.Name!, card.Year, card.YearQualifier);

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
    /// The rows of one page. The database is asked only what it must answer first, in one trip each:
    /// which titles this file names exist (asked by the batch, with whether the file was imported
    /// before), then, once the new titles and people are written, their ids and the title's imported
    /// reviews. Every other row is written without waiting for an answer; on PostgreSQL they travel
    /// together when the file ends, so a file is three round trips whatever its size.
    /// </summary>
    /// <summary>A person named for a film in one role, by its credits or by a card.</summary>
    private sealed record Naming(int PersonId, int TitleId, int Role);

    private sealed class PageWriter(ModelSql sql, IImportTransaction tx, Dictionary<string, int> knownPeople, Dictionary<string, int> batchPeople, Dictionary<string, int> filePeople, DateTime now)
    {
        /// <summary>Title columns that a newer capture rewrites: all but the slug, the creation time and the counters the site keeps.</summary>
        private readonly string[] _sourceColumnsOfTitle = [.. sql.Of<Title>().Inserted.Select(c => c.Property.Name)
            .Where(p => p is not (nameof(Title.Slug) or nameof(Title.CreatedAt) or nameof(Title.ReviewCount)
                or nameof(Title.VisitorRatingCount) or nameof(Title.VisitorRatingSum)))];

        private static readonly string[] CardOnlyColumnsOfTitle = [nameof(Title.Summary), nameof(Title.Rating), nameof(Title.UpdatedAt)];

        /// <summary>A card whose title line names a kind gives a card-only title its kind and run; one that names none leaves them.</summary>
        private static readonly string[] CardOnlyColumnsOfTitleWithKind = [.. CardOnlyColumnsOfTitle, nameof(Title.Kind), nameof(Title.EndYear), nameof(Title.IsOpenRun)];

        private static readonly string[] SourceColumnsOfReview =
        [
            nameof(Review.Headline), nameof(Review.Body), nameof(Review.BodyHtml), nameof(Review.AuthorName), nameof(Review.AuthorPlace), nameof(Review.Rating),
            nameof(Review.ContainsSpoilers), nameof(Review.WrittenAt), nameof(Review.SourceHelpful), nameof(Review.SourceNotHelpful), nameof(Review.HelpfulScore),
        ];

        private readonly List<TitleFact> _facts = [];
        private readonly List<Credit> _credits = [];
        private readonly List<CardCredit> _cardCredits = [];

        /// <summary>The titles whose facts and credits the page wrote: its own, and the card-only titles its cards filled.</summary>
        public IReadOnlyList<int> WrittenTitles { get; private set; } = [];

        /// <summary>The card-only titles the page's cards made.</summary>
        public IReadOnlyList<int> CreatedTitles { get; private set; } = [];

        /// <summary>Who the page names for which film in which role: its titles' credits and its cards'.</summary>
        public IEnumerable<Naming> Namings =>
            _credits.Where(c => c.PersonId is not null).Select(c => new Naming(c.PersonId!.Value, c.TitleId, (int)c.Role))
                .Concat(_cardCredits.Where(c => c.FilmId is not null).Select(c => new Naming(c.PersonId, c.FilmId!.Value, (int)c.Role)));

        /// <summary>Writes the page; <paramref name="titles"/> holds the existing titles among those it names.</summary>
        public async Task WriteAsync(ParsedTitle page, string slug, Dictionary<string, (int Id, bool IsCardOnly)> titles, IReadOnlyList<PreparedReview> reviews)
        {
            var isNew = !titles.TryGetValue(slug, out var existing);
            if (isNew)
            {
                sql.Insert(tx, [TitleRow(page, slug)]);
            }
            else
            {
                ClearSourceFacts(existing.Id);
                sql.Update(tx, TitleRow(page, slug), existing.Id, _sourceColumnsOfTitle);
            }

            // Cards that name a film make it a title (card-only until its own page comes), filled from the card.
            var newTitles = new List<Title>();
            var filled = new List<(string Slug, ParsedCard Card)>();
            foreach (var card in page.AlsoLiked)
            {
                if (card.Name is not { } name)
                    continue;
                var target = CardSlug(card);
                if (target == slug || newTitles.Any(t => t.Slug == target) || filled.Any(f => f.Slug == target))
                    continue;

                if (!titles.TryGetValue(target, out var known))
                {
                    newTitles.Add(new Title
                    {
                        Slug = target,
                        Name = name,
                        Year = card.Year,
                        YearQualifier = card.YearQualifier,
                        Kind = card.Kind,
                        EndYear = card.EndYear,
                        IsOpenRun = card.IsOpenRun,
                        IsCardOnly = true,
                        Summary = card.Plot,
                        Rating = card.Rating,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                    filled.Add((target, card));
                }
                else if (known.IsCardOnly)
                {
                    ClearSourceFacts(known.Id);
                    sql.Update(tx, new Title { Slug = target, Name = name, Summary = card.Plot, Rating = card.Rating, Kind = card.Kind, EndYear = card.EndYear, IsOpenRun = card.IsOpenRun, UpdatedAt = now },
                        known.Id, card.Kind is null ? CardOnlyColumnsOfTitle : CardOnlyColumnsOfTitleWithKind);
                    filled.Add((target, card));
                }
            }

            sql.Insert(tx, newTitles);

            // People this file names that no earlier file of the run did: added unless they exist, then read back with the new titles' ids.
            // Everyone a card names is a person, and so is everyone a soundtrack's writing or performing line names clearly.
            var songCredits = page.Soundtrack.SelectMany(song => song.CreditLines.SelectMany(SoundtrackCredits.Read).Select(named => (song.Song, named))).ToList();
            var unknown = new List<object>();
            foreach (var name in page.Cast.Select(c => c.Name).OfType<string>()
                         .Concat(page.Directors.Concat(page.Writers).Concat(page.Stars).Select(listed => CreditName.Split(listed).Name))
                         .Concat(page.AlsoLiked.SelectMany(c => c.Directors.Concat(c.Stars)))
                         .Concat(songCredits.Select(c => c.named.Name)).Distinct(StringComparer.Ordinal))
            {
                if (knownPeople.TryGetValue(name, out var id) || batchPeople.TryGetValue(name, out id))
                    filePeople[name] = id;
                else
                    unknown.Add(name);
            }

            sql.Insert(tx, unknown.Select(n => new Person { Name = (string)n }).ToList(), skipExisting: true);

            var created = newTitles.Select(t => t.Slug).ToList<object>();
            if (isNew)
                created.Add(slug);
            var imported = new Dictionary<string, ImportedReview>(StringComparer.Ordinal);
            await tx.QueryAsync([
                .. sql.WhereIn<Title>(tx, [nameof(Title.Slug), nameof(Title.Id)], nameof(Title.Slug), created,
                    reader => titles[reader.GetString(0)] = (reader.GetInt32(1), reader.GetString(0) != slug)),
                .. sql.WhereIn<Person>(tx, [nameof(Person.Name), nameof(Person.Id)], nameof(Person.Name), unknown,
                    reader => filePeople[reader.GetString(0)] = reader.GetInt32(1)),
                .. isNew ? [] : new[] { ImportedReviewsQuery(existing.Id, imported) },
            ]);

            var titleId = titles[slug].Id;
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
            AddFacts(titleId, TitleFactKind.Runtime, page.OtherRuntimes);

            for (var i = 0; i < page.Cast.Count; i++)
            {
                var member = page.Cast[i];
                _credits.Add(new Credit
                {
                    TitleId = titleId,
                    PersonId = member.Name is { } name ? filePeople[name] : null,
                    Role = CreditRole.Cast,
                    Position = i,
                    Character = member.Character,
                    Note = member.Note,
                });
            }

            AddCredits(titleId, CreditRole.Director, page.Directors);
            AddCredits(titleId, CreditRole.Writer, page.Writers);
            AddCredits(titleId, CreditRole.Star, page.Stars);

            // The soundtrack's writers and performers, the song as their part.
            var songPositions = new Dictionary<CreditRole, int>();
            foreach (var (song, named) in songCredits)
            {
                foreach (var role in named.Roles)
                {
                    var position = songPositions.GetValueOrDefault(role);
                    songPositions[role] = position + 1;
                    _credits.Add(new Credit { TitleId = titleId, PersonId = filePeople[named.Name], Role = role, Position = position, Character = song });
                }
            }

            // The people each card names, credited on the card (the card-only title it fills gets them as its own credits below).
            for (var i = 0; i < page.AlsoLiked.Count; i++)
            {
                var card = page.AlsoLiked[i];
                int? film = card.Name is not null ? titles[CardSlug(card)].Id : null;
                for (var j = 0; j < card.Directors.Count; j++)
                    _cardCredits.Add(new CardCredit { TitleId = titleId, CardPosition = i, FilmId = film, PersonId = filePeople[card.Directors[j]], Role = CreditRole.Director, Position = j });
                for (var j = 0; j < card.Stars.Count; j++)
                    _cardCredits.Add(new CardCredit { TitleId = titleId, CardPosition = i, FilmId = film, PersonId = filePeople[card.Stars[j]], Role = CreditRole.Star, Position = j });
            }

            // A card-only title is filled from the card that named it, until its own page comes.
            foreach (var (target, card) in filled)
            {
                var targetId = titles[target].Id;
                AddFacts(targetId, TitleFactKind.Genre, card.Genres);
                AddCredits(targetId, CreditRole.Director, card.Directors);
                AddCredits(targetId, CreditRole.Star, card.Stars);
            }

            sql.Insert(tx, _facts);
            sql.Insert(tx, _credits);
            sql.Insert(tx, _cardCredits);
            var trivia = page.Trivia.Select((t, i) => new Trivia { TitleId = titleId, Kind = t.Kind, Position = i, Text = t.Text }).ToList();
            sql.Insert(tx, trivia);
            var connections = page.Connections.Select((c, i) => new Connection
            {
                TitleId = titleId,
                Position = i,
                Kind = c.Kind,
                OtherName = c.OtherName,
                OtherYear = c.OtherYear,
                OtherKind = c.OtherKind,
                OtherEndYear = c.OtherEndYear,
                OtherIsOpenRun = c.OtherIsOpenRun,
                OtherSlug = Slug.For(c.OtherName, c.OtherYear, c.OtherYearQualifier),
                Note = c.Note,
            }).ToList();
            sql.Insert(tx, connections);
            var soundtrack = page.Soundtrack.Select((s, i) => new SoundtrackEntry { TitleId = titleId, Position = i, Song = s.Song, CreditLines = [.. s.CreditLines] }).ToList();
            sql.Insert(tx, soundtrack);
            var faq = page.Faq.Select((f, i) => new FaqEntry { TitleId = titleId, Position = i, Question = f.Question, Answer = f.Answer }).ToList();
            sql.Insert(tx, faq);
            var cards = page.AlsoLiked.Select((card, i) => new AlsoLiked
            {
                TitleId = titleId,
                Position = i,
                TargetTitleId = card.Name is not null ? titles[CardSlug(card)].Id : null,
                Name = card.Name,
                Year = card.Year,
                Genres = [.. card.Genres],
                Rating = card.Rating,
                Plot = card.Plot,
                Directors = [.. card.Directors],
                Stars = [.. card.Stars],
            }).ToList();
            sql.Insert(tx, cards);

            // The title page's read model of every title this file wrote facts for, with them (ADR-004).
            WrittenTitles = [titleId, .. filled.Select(f => titles[f.Slug].Id)];
            CreatedTitles = [.. newTitles.Select(t => titles[t.Slug].Id)];
            TitlePageDocuments.Write(sql, tx, WrittenTitles, filePeople.ToDictionary(p => p.Value, p => p.Key),
                _facts, _credits, trivia, connections, soundtrack, faq, cards);

            CountAddedReviews(titleId, UpsertReviews(titleId, imported, reviews));

            // The indexes, in the same transaction, after what they copy: the title's names and lists, and those of
            // the card-only titles its cards filled. The people they credit are indexed once the batch ends (PeopleToIndex).
            IndexTitle(titleId, page.Name, page.Year, isCardOnly: false, NameKeys.TitlePopularity(page.RatingVotes, page.SourceUserReviews),
                page.AlsoKnownAs.Select(a => (a.Text, a.Qualifier)), page.Genres);
            foreach (var (target, card) in filled)
                IndexTitle(titles[target].Id, card.Name!, card.Year, isCardOnly: true, popularity: 0, [], card.Genres);
        }

        private void CountAddedReviews(int titleId, int added)
        {
            if (added == 0)
                return;
            var titleTable = sql.Of<Title>();
            var count = titleTable[nameof(Title.ReviewCount)];
            tx.Execute(
                $"UPDATE {titleTable.Name} SET {count.Name} = {count.Name} + {sql.Placeholder("added")} WHERE {titleTable.Key.Name} = {sql.Placeholder("id")}",
                [count.Parameter(tx, sql.ParameterName("added"), added), titleTable.Key.Parameter(tx, sql.ParameterName("id"), titleId)]);
        }

        /// <summary>
        /// The title's rows in the name index and the browse lists (<see cref="ClearSourceFacts"/> removed any it had),
        /// each list row with the sort values copied from the title's row as it now is.
        /// </summary>
        private void IndexTitle(int titleId, string name, int? year, bool isCardOnly, long popularity,
            IEnumerable<(string Text, string? Qualifier)> alsoKnownAs, IEnumerable<string> genres)
        {
            sql.Insert(tx, NameRowsOf.Title(titleId, name, year, isCardOnly, popularity, alsoKnownAs));

            var listings = sql.Of<TitleListing>();
            var titleTable = sql.Of<Title>();
            var folded = TextFold.Fold(name);
            foreach (var (genre, genreName) in TitleListing.ListsOf(genres))
            {
                tx.Execute(
                    $"INSERT INTO {listings.Name} ({listings[nameof(TitleListing.Genre)].Name}, {listings[nameof(TitleListing.TitleId)].Name}, " +
                    $"{listings[nameof(TitleListing.GenreName)].Name}, {listings[nameof(TitleListing.Folded)].Name}, {listings[nameof(TitleListing.Year)].Name}, " +
                    $"{listings[nameof(TitleListing.RatingTenths)].Name}, {listings[nameof(TitleListing.ReviewCount)].Name}) " +
                    $"SELECT {sql.Placeholder("genre")}, t.{titleTable.Key.Name}, {sql.Placeholder("genreName")}, {sql.Placeholder("folded")}, {TitleListing.CopiedColumnsSql("t")} " +
                    $"FROM {titleTable.Name} t WHERE t.{titleTable.Key.Name} = {sql.Placeholder("title")}",
                    [
                        listings[nameof(TitleListing.Genre)].Parameter(tx, sql.ParameterName("genre"), genre),
                        listings[nameof(TitleListing.GenreName)].Parameter(tx, sql.ParameterName("genreName"), genreName),
                        listings[nameof(TitleListing.Folded)].Parameter(tx, sql.ParameterName("folded"), folded),
                        titleTable.Key.Parameter(tx, sql.ParameterName("title"), titleId),
                    ]);
            }
        }

        private Title TitleRow(ParsedTitle page, string slug) => new()
        {
            Slug = slug,
            Name = page.Name,
            Year = page.Year,
            YearQualifier = page.YearQualifier,

            // The page's own title line says what the title is: with no kind named, a film.
            Kind = page.Kind ?? TitleKind.Film,
            EndYear = page.EndYear,
            IsOpenRun = page.IsOpenRun,
            IsCardOnly = false,
            Summary = page.Summary,
            Storyline = page.Storyline,
            StorylineAuthor = page.StorylineAuthor,
            CertificateSystem = page.CertificateSystem,
            Certificate = page.Certificate,
            CertificateReason = page.CertificateReason,
            Awards = page.Awards,
            Rating = page.Rating,
            RatingVotes = page.RatingVotes,
            Metascore = page.Metascore,
            RuntimeMinutes = page.RuntimeMinutes,
            SourceUserReviews = page.SourceUserReviews,
            SourceCriticReviews = page.SourceCriticReviews,
            SourceMetacriticReviews = page.SourceMetacriticReviews,
            SoundMix = page.SoundMix,
            Color = page.Color,
            AspectRatio = page.AspectRatio,
            FaqEmpty = page.FaqEmpty,
            CreatedAt = now,
            UpdatedAt = now,
        };

        /// <summary>
        /// Everything that came from the source page, which the newer capture replaces whole, and the index
        /// rows derived from it (the batch read whom it credited first: <see cref="PeopleToIndex.CreditedOn"/>).
        /// </summary>
        private void ClearSourceFacts(int titleId)
        {
            sql.DeleteWhere<TitleName>(tx, nameof(TitleName.TitleId), titleId);
            sql.DeleteWhere<TitleListing>(tx, nameof(TitleListing.TitleId), titleId);
            sql.DeleteWhere<CardCredit>(tx, nameof(CardCredit.TitleId), titleId);
            sql.DeleteWhere<TitleFact>(tx, nameof(TitleFact.TitleId), titleId);
            sql.DeleteWhere<Credit>(tx, nameof(Credit.TitleId), titleId);
            sql.DeleteWhere<Trivia>(tx, nameof(Trivia.TitleId), titleId);
            sql.DeleteWhere<Connection>(tx, nameof(Connection.TitleId), titleId);
            sql.DeleteWhere<SoundtrackEntry>(tx, nameof(SoundtrackEntry.TitleId), titleId);
            sql.DeleteWhere<FaqEntry>(tx, nameof(FaqEntry.TitleId), titleId);
            sql.DeleteWhere<AlsoLiked>(tx, nameof(AlsoLiked.TitleId), titleId);
        }

        /// <summary>
        /// Of an older capture (<see cref="CaptureAge"/>), the reviews the catalog does not hold; the ones it
        /// holds stay as the newer capture printed them. Returns how many were added.
        /// </summary>
        public async Task<int> AddMissingReviewsAsync(int titleId, IReadOnlyList<PreparedReview> reviews)
        {
            var imported = new Dictionary<string, ImportedReview>(StringComparer.Ordinal);
            await tx.QueryAsync([ImportedReviewsQuery(titleId, imported)]);
            var added = UpsertReviews(titleId, imported, [.. reviews.Where(r => !imported.ContainsKey(r.SourceKey))]);
            CountAddedReviews(titleId, added);
            return added;
        }

        /// <summary>
        /// Inserts new imported reviews and refreshes known ones; returns how many were new. A key seen
        /// twice in one file is one review with the later text, as a second import of it would leave it.
        /// </summary>
        private int UpsertReviews(int titleId, Dictionary<string, ImportedReview> existing, IReadOnlyList<PreparedReview> reviews)
        {
            var inserted = new List<Review>();
            var insertedByKey = new Dictionary<string, int>(StringComparer.Ordinal);
            var updated = new Dictionary<int, Review>();
            foreach (var review in reviews)
            {
                var parsed = review.Parsed;
                var row = new Review
                {
                    TitleId = titleId,
                    Origin = ReviewOrigin.Imported,
                    SourceKey = review.SourceKey,
                    Headline = parsed.Headline,
                    Body = review.Body,
                    BodyHtml = review.BodyHtml,
                    AuthorName = parsed.Author,
                    AuthorPlace = parsed.AuthorPlace,
                    Rating = parsed.Rating,
                    ContainsSpoilers = parsed.ContainsSpoilers,
                    WrittenAt = parsed.Date is { } date ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : now,
                    SourceHelpful = parsed.Helpful,
                    SourceNotHelpful = Math.Max(parsed.Voted - parsed.Helpful, 0),
                    Status = ReviewStatus.Visible,
                };

                if (existing.TryGetValue(review.SourceKey, out var known))
                {
                    row.SiteHelpful = known.SiteHelpful;
                    row.SiteNotHelpful = known.SiteNotHelpful;
                    row.HelpfulScore = HelpfulScore.Of(row);
                    updated[known.Id] = row;
                }
                else
                {
                    row.HelpfulScore = HelpfulScore.Of(row);
                    if (insertedByKey.TryGetValue(review.SourceKey, out var index))
                    {
                        inserted[index] = row;
                    }
                    else
                    {
                        insertedByKey[review.SourceKey] = inserted.Count;
                        inserted.Add(row);
                    }
                }
            }

            foreach (var (id, row) in updated)
                sql.Update(tx, row, id, SourceColumnsOfReview);
            sql.Insert(tx, inserted);
            return inserted.Count;
        }

        /// <summary>The title's imported reviews by key, locked against votes until the batch commits where the database locks rows.</summary>
        private ImportQuery ImportedReviewsQuery(int titleId, Dictionary<string, ImportedReview> into)
        {
            var table = sql.Of<Review>();
            var title = table[nameof(Review.TitleId)];
            var key = table[nameof(Review.SourceKey)];
            return new ImportQuery(
                $"SELECT {key.Name}, {table.Key.Name}, {table[nameof(Review.SiteHelpful)].Name}, {table[nameof(Review.SiteNotHelpful)].Name} " +
                $"FROM {table.Name} WHERE {title.Name} = {sql.Placeholder("title")} AND {key.Name} IS NOT NULL{tx.LockRowsRead}",
                [title.Parameter(tx, sql.ParameterName("title"), titleId)],
                reader => into[reader.GetString(0)] = new ImportedReview(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        private void AddFacts(int titleId, TitleFactKind kind, List<string> values)
        {
            for (var i = 0; i < values.Count; i++)
                _facts.Add(new TitleFact { TitleId = titleId, Kind = kind, Position = i, Text = values[i] });
        }

        private void AddFacts(int titleId, TitleFactKind kind, List<ParsedFact> values)
        {
            for (var i = 0; i < values.Count; i++)
                _facts.Add(new TitleFact { TitleId = titleId, Kind = kind, Position = i, Text = values[i].Text, Qualifier = values[i].Qualifier });
        }

        private void AddCredits(int titleId, CreditRole role, List<string> names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                var (name, note) = CreditName.Split(names[i]);
                _credits.Add(new Credit { TitleId = titleId, PersonId = filePeople[name], Role = role, Position = i, Note = note });
            }
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
