using System.Text;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Importing;

/// <summary>The importer on each provider: the same files, the same catalog, the same guarantees.</summary>
public abstract class CatalogImporterTests(TestProvider provider) : IDisposable
{
    private static readonly string SeedPath = Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt").First();
    private readonly TestDatabase _database = new(provider);

    public void Dispose() => _database.Dispose();

    private static byte[] Seed => File.ReadAllBytes(SeedPath);

    [Fact]
    public async Task The_seed_round_trips_into_the_catalog_with_its_cast_cards_and_review()
    {
        var outcome = await _database.ImportAsync("seed.txt", Seed);

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal("in-the-soup-1992", outcome.Slug);

        await using var db = _database.NewDbContext();
        var title = await db.Titles.SingleAsync(t => t.Slug == "in-the-soup-1992");
        Assert.False(title.IsCardOnly);
        Assert.Equal(13, title.SourceUserReviews);
        Assert.Equal(21, title.SourceCriticReviews);
        Assert.Equal("David Stevens", title.StorylineAuthor);
        Assert.Equal("1.66 : 1", title.AspectRatio);

        var cast = await db.Credits.Where(c => c.TitleId == title.Id && c.Role == CreditRole.Cast)
            .OrderBy(c => c.Position).Select(c => new { c.Person!.Name, c.Character }).ToListAsync();
        Assert.Equal(5, cast.Count);
        Assert.Equal(new { Name = "Sully Boyar", Character = (string?)"Old Man" }, cast[1]);

        var cards = await db.AlsoLiked.Where(a => a.TitleId == title.Id).OrderBy(a => a.Position).ToListAsync();
        Assert.Equal(6, cards.Count);
        Assert.Equal(3, cards.Count(c => c.TargetTitleId is not null));
        Assert.Equal(3, cards.Count(c => c.Name is null && c.Plot is not null && c.Rating is not null));

        // Films named only by a card are titles of their own, with what the card told.
        var cardOnly = await db.Titles.Where(t => t.IsCardOnly).OrderBy(t => t.Name).Select(t => t.Slug).ToListAsync();
        Assert.Equal(["little-feet-2013", "louis-frank-1998", "trees-lounge-1996"], cardOnly);
        var treesLounge = await db.Titles.Include(t => t.Credits).ThenInclude(c => c.Person).SingleAsync(t => t.Slug == "trees-lounge-1996");
        Assert.Equal(7.2, treesLounge.Rating);
        Assert.Contains(treesLounge.Credits, c => c.Role == CreditRole.Director && c.Person!.Name == "Steve Buscemi");

        var review = await db.Reviews.SingleAsync(r => r.TitleId == title.Id);
        Assert.Equal(ReviewOrigin.Imported, review.Origin);
        Assert.Equal((2, 2), (review.Helpful, review.Voted));
        Assert.Equal(new DateTime(2009, 8, 31, 0, 0, 0, DateTimeKind.Utc), review.WrittenAt);
        Assert.Equal(1, title.ReviewCount);

        Assert.Single(await db.ImportRecords.ToListAsync());
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        await _database.ImportAsync("seed.txt", Seed);
        var before = await _database.Catalog.DumpAsync();

        var again = await _database.ImportAsync("seed.txt", Seed);

        Assert.Equal(ImportStatus.Unchanged, again.Status);
        Assert.Equal(before, await _database.Catalog.DumpAsync());
    }

    [Fact]
    public async Task A_newer_capture_updates_the_source_facts_and_keeps_site_reviews_and_votes()
    {
        await _database.ImportAsync("seed.txt", Seed);
        var visitor = Guid.NewGuid();
        int importedReviewId;
        await using (var db = _database.NewDbContext())
        {
            importedReviewId = await db.Reviews.Select(r => r.Id).SingleAsync();
            var posting = new ReviewPosting(db, new ReviewMarkdown(), _database.Gate, _database.Pages, TimeProvider.System);
            await posting.PostAsync("in-the-soup-1992", new NewReview("Loved it", 9, "A *fine* film.", "Ana", false), Guid.NewGuid(), default);
            var voting = new ReviewVoting(db, _database.Gate, _database.Pages, new VoteLimits(VoteLimits.DefaultCountedPerAddress), TimeProvider.System);
            Assert.Equal(VoteResult.Recorded, (await voting.VoteAsync(importedReviewId, visitor, clientHash: null, helpful: true, default)).Result);
        }

        // The newer capture: one more person found the review helpful, and the aspect ratio changed.
        var newer = Encoding.UTF8.GetString(Seed)
            .Replace("2 of 2 people found this review helpful.", "3 of 4 people found this review helpful.", StringComparison.Ordinal)
            .Replace("1.66 : 1", "1.85 : 1", StringComparison.Ordinal);
        var outcome = await _database.ImportAsync("seed-newer.txt", Encoding.UTF8.GetBytes(newer));

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        await using var check = _database.NewDbContext();
        var title = await check.Titles.SingleAsync(t => t.Slug == "in-the-soup-1992");
        Assert.Equal("1.85 : 1", title.AspectRatio);
        Assert.Equal(2, title.ReviewCount);
        Assert.Equal((1, 9), (title.VisitorRatingCount, title.VisitorRatingSum));

        var reviews = await check.Reviews.Where(r => r.TitleId == title.Id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, reviews.Count);
        Assert.Equal(importedReviewId, reviews[0].Id);
        Assert.Equal((3, 1), (reviews[0].SourceHelpful, reviews[0].SourceNotHelpful));
        Assert.Equal(1, reviews[0].SiteHelpful);
        Assert.Equal("Loved it", reviews[1].Headline);
        Assert.Single(await check.HelpfulVotes.Where(v => v.VisitorId == visitor).ToListAsync());

        // Source facts are replaced, not duplicated.
        Assert.Equal(5, await check.Credits.CountAsync(c => c.TitleId == title.Id && c.Role == CreditRole.Cast));
        Assert.Equal(6, await check.AlsoLiked.CountAsync(a => a.TitleId == title.Id));
    }

    [Fact]
    public async Task Two_reviews_with_the_same_headline_and_day_and_no_author_are_both_kept()
    {
        const string page = """
            A Shared Headline Film (2004)

            User Reviews

            Great film
            1 May 2005 | by See all my reviews

            The first reviewer liked the pacing and the score very much.

            3 of 4 people found this review helpful.  Was this review helpful to you? | Report this

            Great film
            1 May 2005 | by See all my reviews

            The second reviewer liked the actors and the ending even more.

            Review this title | See all 2 user reviews »
            """;

        var outcome = await _database.ImportAsync("shared-headline.txt", Encoding.UTF8.GetBytes(page));

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        await using var db = _database.NewDbContext();
        var reviews = await db.Reviews.Where(r => r.Title!.Slug == "a-shared-headline-film-2004").OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, reviews.Count);
        Assert.Equal((3, 1), (reviews[0].SourceHelpful, reviews[0].SourceNotHelpful));
        Assert.Equal((0, 0), (reviews[1].SourceHelpful, reviews[1].SourceNotHelpful));
    }

    /// <summary>A capture of one film: its rating's vote count, its plot, and its reviews (headline and helpful count).</summary>
    private static byte[] Capture(string votes, string plot, params (string Headline, int Helpful)[] reviews) => Encoding.UTF8.GetBytes($"""
        A Twice Captured Film (1999)

        Ratings: 7.1/10 from {votes} users

        {plot}

        User Reviews

        {string.Join("\n\n", reviews.Select(r => $"{r.Headline}\n2 May 2001 | by a reviewer\n\nA review headed {r.Headline}, long enough to read as a review of the film.\n\n{r.Helpful} of 9 people found this review helpful.  Was this review helpful to you? | Report this"))}

        Review this title | See all {reviews.Length} user reviews »
        """);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_older_capture_never_replaces_the_newer_ones_facts_and_adds_only_the_reviews_it_lacked(bool olderFirst)
    {
        var newer = Capture("3,400", "The plot as the newer capture tells it.", ("Kept", 7), ("Only newer", 1));
        var older = Capture("1,200", "The plot as it was told before.", ("Kept", 2), ("Only older", 5));

        var outcomes = olderFirst
            ? [await _database.ImportAsync("older.txt", older), await _database.ImportAsync("newer.txt", newer)]
            : new[] { await _database.ImportAsync("newer.txt", newer), await _database.ImportAsync("older.txt", older) };

        // Whatever the order, the catalog holds the newer capture's facts, every review either printed once,
        // and each review as the newer capture printed it.
        await using var db = _database.NewDbContext();
        var title = await db.Titles.SingleAsync(t => t.Slug == "a-twice-captured-film-1999");
        Assert.Equal((3400, "The plot as the newer capture tells it."), (title.RatingVotes, title.Summary));
        var reviews = await db.Reviews.Where(r => r.TitleId == title.Id).OrderBy(r => r.Headline).Select(r => new { r.Headline, r.SourceHelpful }).ToListAsync();
        Assert.Equal([("Kept", 7), ("Only newer", 1), ("Only older", 5)], reviews.Select(r => (r.Headline, r.SourceHelpful)));
        Assert.Equal(3, title.ReviewCount);
        Assert.All(outcomes, o => Assert.Equal(ImportStatus.Imported, o.Status));

        // The older capture, imported after, says what it did; imported again, it is unchanged.
        if (!olderFirst)
        {
            var warning = Assert.Single(outcomes[1].Warnings);
            Assert.Equal(1, warning.Line);
            Assert.Equal("an older capture than the catalog's (1,200 votes on the source against 3,400): the catalog keeps the newer capture's facts and adds the 1 review(s) it did not hold", warning.Message);
            Assert.Equal(ImportStatus.Unchanged, (await _database.ImportAsync("older.txt", older)).Status);
        }
    }

    public static TheoryData<string, byte[]> NotTitlePages => new()
    {
        { "empty", [] },
        { "whitespace only", Encoding.UTF8.GetBytes("\n\n   \r\n\t\n") },
        { "binary", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00] },
        { "prose with no title line", Encoding.UTF8.GetBytes("Dear diary,\n\ntoday nothing happened.\n") },
    };

    [Theory]
    [MemberData(nameof(NotTitlePages))]
    public async Task A_file_that_is_not_a_title_page_is_refused_with_its_line_and_leaves_the_catalog_as_it_was(string kind, byte[] content)
    {
        await _database.ImportAsync("seed.txt", Seed);
        var before = await _database.Catalog.DumpAsync();

        var outcome = await _database.ImportAsync($"{kind}.txt", content);

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        Assert.True(outcome.ErrorLine >= 1);
        Assert.Matches($@"^{kind}\.txt:\d+: error: ", outcome.ToString());
        Assert.Equal(before, await _database.Catalog.DumpAsync());
    }

    [Fact]
    public async Task A_missing_file_is_refused_not_thrown()
    {
        var (importer, db) = _database.NewImporter();
        await using (db)
        {
            var outcome = await importer.ImportFileAsync(Path.Combine(Path.GetTempPath(), "no-such-title-page.txt"));
            Assert.Equal(ImportStatus.Refused, outcome.Status);
            Assert.Contains("cannot read", outcome.Error);
        }
    }

    /// <summary>A review headline the test database refuses to store, so a file fails halfway through its writes.</summary>
    private const string PoisonedHeadline = "Poisoned review";

    /// <summary>The seed as another film whose only review cannot be stored: its title, people and cards are written first.</summary>
    private static byte[] PoisonedPage => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Seed)
        .Replace("In the Soup (1992)", "A Poisoned Soup (1993)", StringComparison.Ordinal)
        .Replace("Hopefully, This Fresh and Personal Film Holds Its Own Over Time.", PoisonedHeadline, StringComparison.Ordinal));

    private static byte[] SharedHeadlinePage => Encoding.UTF8.GetBytes("""
        A Shared Headline Film (2004)

        Cast

        Jo Example ... Herself

        User Reviews

        Great film
        1 May 2005 | by See all my reviews

        The first reviewer liked the pacing and the score very much.

        Review this title | See all 1 user reviews »
        """);

    [Fact]
    public async Task A_file_failing_in_the_middle_of_a_batch_leaves_no_trace_and_the_others_of_the_batch_stand()
    {
        var clock = new FixedClock();
        using var batched = new TestDatabase(provider);
        using var alone = new TestDatabase(provider);
        batched.RefuseReviewsHeaded(PoisonedHeadline);
        alone.RefuseReviewsHeaded(PoisonedHeadline);

        var (importer, db) = batched.NewImporter(clock);
        IReadOnlyList<ImportOutcome> outcomes;
        await using (db)
        {
            outcomes = await importer.WriteBatchAsync(
            [
                importer.Prepare("shared.txt", SharedHeadlinePage),
                importer.Prepare("poisoned.txt", PoisonedPage),
                importer.Prepare("seed.txt", Seed),
            ]);
        }

        Assert.Equal([ImportStatus.Imported, ImportStatus.Refused, ImportStatus.Imported], outcomes.Select(o => o.Status));
        Assert.Matches(@"^poisoned\.txt:\d+: error: ", outcomes[1].ToString());

        // The same two good files imported without the bad one: row for row the same catalog. On SQLite the
        // ids too; PostgreSQL never gives back the ids a rolled-back write drew from its sequences.
        var (other, otherDb) = alone.NewImporter(clock);
        await using (otherDb)
            await other.WriteBatchAsync([other.Prepare("shared.txt", SharedHeadlinePage), other.Prepare("seed.txt", Seed)]);
        if (provider == TestProvider.Sqlite)
            Assert.Equal(await alone.Catalog.DumpAsync(), await batched.Catalog.DumpAsync());
        else
            Assert.Equal(await ContentAsync(alone), await ContentAsync(batched));

        await using var check = batched.NewDbContext();
        Assert.False(await check.Titles.AnyAsync(t => t.Slug == "a-poisoned-soup-1993"));
        Assert.Equal(2, await check.ImportRecords.CountAsync());
    }

    [Fact]
    public async Task A_batch_that_is_not_committed_imports_none_of_its_files()
    {
        await _database.ImportAsync("seed.txt", Seed);
        var before = await _database.Catalog.DumpAsync();

        var (importer, db) = _database.NewImporter();
        await using (db)
        {
            await using var batch = await importer.BeginBatchAsync();
            await batch.AddAsync(importer.Prepare("shared.txt", SharedHeadlinePage));
            await batch.AddAsync(importer.Prepare("poisoned.txt", PoisonedPage));
            Assert.Equal(2, batch.Count);

            // Disposed without a commit, as when the process stops mid-batch.
        }

        Assert.Equal(before, await _database.Catalog.DumpAsync());
    }

    [Fact]
    public async Task An_import_run_reports_every_file_in_order_after_its_batch_with_the_bad_one_refused()
    {
        _database.RefuseReviewsHeaded(PoisonedHeadline);
        var folder = Directory.CreateTempSubdirectory("filmcatalog-import-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "1-shared.txt"), SharedHeadlinePage);
            await File.WriteAllBytesAsync(Path.Combine(folder, "2-poisoned.txt"), PoisonedPage);
            await File.WriteAllBytesAsync(Path.Combine(folder, "3-empty.txt"), []);
            await File.WriteAllBytesAsync(Path.Combine(folder, "4-seed.txt"), Seed);

            var reported = new List<(string File, ImportStatus Status, int Records)>();
            var (importer, db) = _database.NewImporter();
            await using (db)
            {
                await importer.ImportAllAsync([folder], report: outcome =>
                {
                    // Reported only once committed: a reader on another connection already sees an imported file.
                    using var check = _database.NewDbContext();
                    reported.Add((Path.GetFileName(outcome.File), outcome.Status, check.ImportRecords.Count(r => r.FileName == Path.GetFileName(outcome.File))));
                });
            }

            Assert.Equal(
                [("1-shared.txt", ImportStatus.Imported, 1), ("2-poisoned.txt", ImportStatus.Refused, 0), ("3-empty.txt", ImportStatus.Refused, 0), ("4-seed.txt", ImportStatus.Imported, 1)],
                reported);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What the catalog holds, told by natural keys rather than ids: titles, people, and rows per table.</summary>
    private static Task<string> ContentAsync(TestDatabase database) => database.Catalog.ReadAsync(async db => string.Join("\n",
        string.Join(",", await db.Titles.OrderBy(t => t.Slug).Select(t => t.Slug + (t.IsCardOnly ? "*" : "")).ToListAsync()),
        string.Join(",", await db.People.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync()),
        $"{await db.TitleFacts.CountAsync()} {await db.Credits.CountAsync()} {await db.Trivia.CountAsync()} {await db.Connections.CountAsync()} " +
        $"{await db.Soundtrack.CountAsync()} {await db.Faq.CountAsync()} {await db.AlsoLiked.CountAsync()} {await db.Reviews.CountAsync()} {await db.ImportRecords.CountAsync()}"));

    private sealed class FixedClock : TimeProvider
    {
        private readonly DateTimeOffset _now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}

public sealed class CatalogImporterTestsOnSqlite() : CatalogImporterTests(TestProvider.Sqlite);

public sealed class CatalogImporterTestsOnPostgres() : CatalogImporterTests(TestProvider.Postgres);
