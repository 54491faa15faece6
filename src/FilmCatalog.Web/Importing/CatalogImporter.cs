using System.Security.Cryptography;
using System.Text;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Writes one parsed title page into the catalog, in one transaction, upserting by slug.
/// What came from the source is replaced by the newer capture; reviews and votes posted on the
/// site are never touched, and imported reviews are matched by key so their votes survive.
/// </summary>
public sealed class CatalogImporter(CatalogDbContext db, ReviewMarkdown markdown, WriteGate gate, TimeProvider clock, ILogger<CatalogImporter> logger)
{
    /// <summary>Larger files are not title pages; refusing them early keeps memory bounded.</summary>
    public const long MaxFileBytes = 128L * 1024 * 1024;

    public async Task<ImportOutcome> ImportFileAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] content;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
                return ImportOutcome.Refused(path, 1, $"file is {length:N0} bytes, more than a title page can be ({MaxFileBytes:N0})");
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImportOutcome.Refused(path, 1, $"cannot read the file: {e.Message}");
        }

        return await ImportAsync(path, content, cancellationToken);
    }

    public async Task<ImportOutcome> ImportAsync(string file, byte[] content, CancellationToken cancellationToken = default)
    {
        ParseResult parsed;
        try
        {
            parsed = TitlePageParser.Parse(content);
        }
        catch (TitlePageFormatException e)
        {
            return ImportOutcome.Refused(file, e.Line, e.Message);
        }

        var page = parsed.Title;
        var slug = Slug.For(page.Name, page.Year);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
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

        if (await db.ImportRecords.AnyAsync(r => r.ContentHash == hash && r.TitleSlug == slug, cancellationToken))
            return outcome with { Status = ImportStatus.Unchanged, Warnings = [] };

        try
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await WriteAsync(page, slug, cancellationToken);
            db.ImportRecords.Add(new ImportRecord
            {
                FileName = Path.GetFileName(file),
                ContentHash = hash,
                ImportedAt = clock.GetUtcNow().UtcDateTime,
                TitleSlug = slug,
                Report = outcome.ToString(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            logger.LogError(e, "Import of {File} failed while writing; nothing was kept", file);
            return ImportOutcome.Refused(file, page.TitleLine, "the catalog could not store this page; nothing was written");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return outcome;
    }

    private async Task WriteAsync(ParsedTitle page, string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var title = await db.Titles.SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (title is null)
        {
            title = new Title { Slug = slug, Name = page.Name, CreatedAt = now };
            db.Titles.Add(title);
        }
        else
        {
            await ClearSourceFactsAsync(title.Id, cancellationToken);
        }

        ApplyPage(title, page, now);
        var people = await PeopleByNameAsync(page, cancellationToken);

        AddFacts(title, TitleFactKind.Genre, page.Genres);
        AddFacts(title, TitleFactKind.Tagline, page.Taglines);
        AddFacts(title, TitleFactKind.ReleaseDate, page.ReleaseDates);
        AddFacts(title, TitleFactKind.AlsoKnownAs, page.AlsoKnownAs);
        AddFacts(title, TitleFactKind.Country, page.Countries);
        AddFacts(title, TitleFactKind.Language, page.Languages);
        AddFacts(title, TitleFactKind.FilmingLocation, page.FilmingLocations);
        AddFacts(title, TitleFactKind.BoxOffice, page.BoxOffice);
        AddFacts(title, TitleFactKind.Company, page.Companies);
        AddFacts(title, TitleFactKind.CreditFragment, page.CreditFragments);

        for (var i = 0; i < page.Cast.Count; i++)
        {
            var member = page.Cast[i];
            title.Credits.Add(new Credit
            {
                Role = CreditRole.Cast,
                Position = i,
                Person = member.Name is { } name ? people[name] : null,
                Character = member.Character,
                Note = member.Note,
            });
        }

        AddCredits(title, CreditRole.Director, page.Directors, people);
        AddCredits(title, CreditRole.Writer, page.Writers, people);
        AddCredits(title, CreditRole.Star, page.Stars, people);

        title.Trivia.AddRange(page.Trivia.Select((t, i) => new Trivia { Kind = t.Kind, Position = i, Text = t.Text }));
        title.Connections.AddRange(page.Connections.Select((c, i) => new Connection
        {
            Position = i,
            Kind = c.Kind,
            OtherName = c.OtherName,
            OtherYear = c.OtherYear,
            OtherSlug = Slug.For(c.OtherName, c.OtherYear),
            Note = c.Note,
        }));
        title.Soundtrack.AddRange(page.Soundtrack.Select((s, i) => new SoundtrackEntry
        {
            Position = i,
            Song = s.Song,
            CreditLines = [.. s.CreditLines],
        }));
        title.Faq.AddRange(page.Faq.Select((f, i) => new FaqEntry { Position = i, Question = f.Question, Answer = f.Answer }));

        await AddCardsAsync(title, page.AlsoLiked, people, now, cancellationToken);
        await UpsertImportedReviewsAsync(title, page.Reviews, now, cancellationToken);
    }

    private static void ApplyPage(Title title, ParsedTitle page, DateTime now)
    {
        title.Name = page.Name;
        title.Year = page.Year;
        title.IsCardOnly = false;
        title.Summary = page.Summary;
        title.Storyline = page.Storyline;
        title.StorylineAuthor = page.StorylineAuthor;
        title.CertificateSystem = page.CertificateSystem;
        title.Certificate = page.Certificate;
        title.CertificateReason = page.CertificateReason;
        title.Awards = page.Awards;
        title.Rating = page.Rating;
        title.RatingVotes = page.RatingVotes;
        title.RuntimeMinutes = page.RuntimeMinutes;
        title.SourceUserReviews = page.SourceUserReviews;
        title.SourceCriticReviews = page.SourceCriticReviews;
        title.SoundMix = page.SoundMix;
        title.Color = page.Color;
        title.AspectRatio = page.AspectRatio;
        title.FaqEmpty = page.FaqEmpty;
        title.UpdatedAt = now;
    }

    /// <summary>Everything that came from the source page, which the newer capture replaces whole.</summary>
    private async Task ClearSourceFactsAsync(int titleId, CancellationToken cancellationToken)
    {
        await db.TitleFacts.Where(f => f.TitleId == titleId).ExecuteDeleteAsync(cancellationToken);
        await db.Credits.Where(c => c.TitleId == titleId).ExecuteDeleteAsync(cancellationToken);
        await db.Trivia.Where(t => t.TitleId == titleId).ExecuteDeleteAsync(cancellationToken);
        await db.Connections.Where(c => c.TitleId == titleId).ExecuteDeleteAsync(cancellationToken);
        await db.Soundtrack.Where(s => s.TitleId == titleId).ExecuteDeleteAsync(cancellationToken);
        await db.Faq.Where(f => f.TitleId == titleId).ExecuteDeleteAsync(cancellationToken);
        await db.AlsoLiked.Where(a => a.TitleId == titleId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<Dictionary<string, Person>> PeopleByNameAsync(ParsedTitle page, CancellationToken cancellationToken)
    {
        var names = page.Cast.Select(c => c.Name).OfType<string>()
            .Concat(page.Directors).Concat(page.Writers).Concat(page.Stars)
            .Concat(page.AlsoLiked.Where(c => c.Name is not null).SelectMany(c => c.Directors.Concat(c.Stars)))
            .ToHashSet(StringComparer.Ordinal);

        var people = await db.People.Where(p => names.Contains(p.Name)).ToDictionaryAsync(p => p.Name, StringComparer.Ordinal, cancellationToken);
        foreach (var name in names.Where(n => !people.ContainsKey(n)))
        {
            var person = new Person { Name = name };
            db.People.Add(person);
            people[name] = person;
        }

        return people;
    }

    /// <summary>
    /// Keeps every card as printed, and makes each card that names a film a title of its own
    /// (card-only until that film's page is imported), so the card can link to a real page.
    /// </summary>
    private async Task AddCardsAsync(Title title, List<ParsedCard> cards, Dictionary<string, Person> people, DateTime now, CancellationToken cancellationToken)
    {
        var slugs = cards.Where(c => c.Name is not null).Select(c => Slug.For(c.Name!, c.Year)).Distinct().ToList();
        var known = await db.Titles.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, cancellationToken);

        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            Title? target = null;
            if (card.Name is { } name)
            {
                var slug = Slug.For(name, card.Year);
                if (slug == title.Slug)
                {
                    target = title;
                }
                else if (!known.TryGetValue(slug, out target))
                {
                    target = new Title { Slug = slug, Name = name, Year = card.Year, IsCardOnly = true, CreatedAt = now };
                    db.Titles.Add(target);
                    known[slug] = target;
                    FillFromCard(target, card, people, now);
                }
                else if (target.IsCardOnly)
                {
                    await ClearSourceFactsAsync(target.Id, cancellationToken);
                    FillFromCard(target, card, people, now);
                }
            }

            title.AlsoLiked.Add(new AlsoLiked
            {
                Position = i,
                Target = target,
                Name = card.Name,
                Year = card.Year,
                Genres = [.. card.Genres],
                Rating = card.Rating,
                Plot = card.Plot,
                Directors = [.. card.Directors],
                Stars = [.. card.Stars],
            });
        }
    }

    private static void FillFromCard(Title target, ParsedCard card, Dictionary<string, Person> people, DateTime now)
    {
        target.Summary = card.Plot;
        target.Rating = card.Rating;
        target.UpdatedAt = now;
        AddFacts(target, TitleFactKind.Genre, card.Genres);
        AddCredits(target, CreditRole.Director, card.Directors, people);
        AddCredits(target, CreditRole.Star, card.Stars, people);
    }

    private async Task UpsertImportedReviewsAsync(Title title, List<ParsedReview> reviews, DateTime now, CancellationToken cancellationToken)
    {
        var existing = title.Id == 0
            ? []
            : await db.Reviews.Where(r => r.TitleId == title.Id && r.SourceKey != null)
                .ToDictionaryAsync(r => r.SourceKey!, cancellationToken);

        foreach (var parsed in reviews)
        {
            var key = SourceKeyOf(parsed);
            var body = string.Join("\n\n", parsed.Paragraphs.Select(ReviewMarkdown.EscapeAsMarkdown));
            if (!existing.TryGetValue(key, out var review))
            {
                review = new Review
                {
                    Origin = ReviewOrigin.Imported,
                    SourceKey = key,
                    Headline = parsed.Headline,
                    Body = body,
                    BodyHtml = "",
                };
                title.Reviews.Add(review);
                existing[key] = review;
                title.ReviewCount++;
            }

            review.Headline = parsed.Headline;
            review.Body = body;
            review.BodyHtml = markdown.ToHtml(body);
            review.AuthorName = parsed.Author;
            review.Rating = parsed.Rating;
            review.ContainsSpoilers = parsed.ContainsSpoilers;
            review.WrittenAt = parsed.Date is { } date ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : now;
            review.SourceHelpful = parsed.Helpful;
            review.SourceNotHelpful = Math.Max(parsed.Voted - parsed.Helpful, 0);
            review.HelpfulScore = HelpfulScore.Of(review);
        }
    }

    /// <summary>An imported review is the same review in a newer capture when headline, date and author agree.</summary>
    private static string SourceKeyOf(ParsedReview review)
    {
        var identity = $"{review.Headline}\n{review.Date:yyyy-MM-dd}\n{review.Author}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }

    private static void AddFacts(Title title, TitleFactKind kind, IEnumerable<string> values) =>
        AddFacts(title, kind, values.Select(v => new ParsedFact(v, null)));

    private static void AddFacts(Title title, TitleFactKind kind, IEnumerable<ParsedFact> values) =>
        title.Facts.AddRange(values.Select((v, i) => new TitleFact { Kind = kind, Position = i, Text = v.Text, Qualifier = v.Qualifier }));

    private static void AddCredits(Title title, CreditRole role, IEnumerable<string> names, Dictionary<string, Person> people) =>
        title.Credits.AddRange(names.Select((n, i) => new Credit { Role = role, Position = i, Person = people[n] }));

    /// <summary>How many of each kind the page held, named "singular|plural" for the report.</summary>
    private static List<KeyValuePair<string, int>> CountsOf(ParsedTitle page) =>
    [
        new("cast member|cast members", page.Cast.Count),
        new("director|directors", page.Directors.Count),
        new("writer|writers", page.Writers.Count),
        new("star|stars", page.Stars.Count),
        new("genre|genres", page.Genres.Count),
        new("tagline|taglines", page.Taglines.Count),
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
}
