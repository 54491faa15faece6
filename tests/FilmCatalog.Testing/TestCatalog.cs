using System.Globalization;
using System.Text;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Data.Postgres;
using FilmCatalog.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace FilmCatalog.Testing;

/// <summary>
/// The one arrange helper: writes films and reviews straight into a catalog (independent of the
/// seeds and the parser) and reads back what tests assert on. It works through a DbContext with the
/// site's own options, so it works on whichever database the site was given.
/// </summary>
/// <remarks>
/// Get one from <see cref="CatalogFactory.Catalog"/> (the site's database), <see cref="TestDatabase.Catalog"/>
/// (a database without a site) or <see cref="OfSqliteFile"/> (a file whose site is stopped).
/// Arrange with one context, assert with a fresh one: every call opens its own.
/// </remarks>
public sealed class TestCatalog(Func<CatalogDbContext> newContext)
{
    /// <summary>A film added by <see cref="AddFilmAsync"/>: its slug and its reviews' ids, in order.</summary>
    public sealed record Film(string Slug, IReadOnlyList<int> ReviewIds);

    /// <summary>A catalog in a SQLite file, read and written directly (no site needs to run).</summary>
    public static TestCatalog OfSqliteFile(string databasePath) =>
        new(() => new SqliteCatalogDbContext(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite($"Data Source={databasePath};Pooling=False").Options));

    /// <summary>A catalog on a PostgreSQL database, read and written directly.</summary>
    public static TestCatalog OfPostgres(string connectionString) =>
        new(() => new PostgresCatalogDbContext(new DbContextOptionsBuilder<PostgresCatalogDbContext>().UseNpgsql(connectionString).Options));

    public CatalogDbContext NewDbContext() => newContext();

    /// <summary>Adds <paramref name="title"/> with everything attached to it and returns its slug.</summary>
    public async Task<string> AddAsync(Title title)
    {
        await using var db = newContext();
        db.Titles.Add(title);
        await db.SaveChangesAsync();
        return title.Slug;
    }

    /// <summary>A film of its own (a unique slug) with <paramref name="reviews"/> visible reviews posted on the site.</summary>
    public async Task<Film> AddFilmAsync(int reviews = 3)
    {
        var title = NewTitle("Test Film", 2001);
        title.Slug = $"test-film-{Guid.NewGuid():N}"[..24];
        title.ReviewCount = reviews;
        for (var i = 0; i < reviews; i++)
        {
            title.Reviews.Add(new Review
            {
                Origin = ReviewOrigin.Site,
                Headline = $"Review {i}",
                Body = "A review body that is long enough.",
                BodyHtml = "<p>A review body that is long enough.</p>",
                Rating = 7,
                WrittenAt = title.CreatedAt,
                AuthorVisitorId = Guid.NewGuid(),
            });
        }

        await AddAsync(title);
        return new Film(title.Slug, [.. title.Reviews.Select(r => r.Id)]);
    }

    public static Title NewTitle(string name, int? year) => new()
    {
        Slug = Slug.For(name, year),
        Name = name,
        Year = year,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    /// <summary>An imported review with the source's helpful counts (<paramref name="helpful"/> of <paramref name="voted"/>).</summary>
    public static Review NewReview(string headline, int helpful, int voted, DateTime writtenAt, string body = "<p>A review.</p>",
        ReviewStatus status = ReviewStatus.Visible, bool spoilers = false, string? author = null, int? rating = null)
    {
        var review = new Review
        {
            Origin = ReviewOrigin.Imported,
            Headline = headline,
            Body = body,
            BodyHtml = body,
            WrittenAt = writtenAt,
            SourceHelpful = helpful,
            SourceNotHelpful = voted - helpful,
            Status = status,
            ContainsSpoilers = spoilers,
            AuthorName = author,
            Rating = rating,
        };
        review.HelpfulScore = HelpfulScore.Of(review);
        return review;
    }

    public static Credit NewCredit(CreditRole role, int position, string? name, string? character = null, string? note = null) => new()
    {
        Role = role,
        Position = position,
        Person = name is null ? null : new Person { Name = name },
        Character = character,
        Note = note,
    };

    /// <summary>Runs a query on a fresh context: <c>await catalog.ReadAsync(db => db.HelpfulVotes.CountAsync(v => v.ReviewId == id))</c>.</summary>
    public async Task<T> ReadAsync<T>(Func<CatalogDbContext, Task<T>> query)
    {
        await using var db = newContext();
        return await query(db);
    }

    /// <summary>Runs SQL on the database directly, for what the site's code cannot arrange (a table gone, a trigger that fails a write).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var db = newContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>One number from SQL run on the database directly: <c>await catalog.ScalarAsync("SELECT COUNT(*) FROM AlsoLiked")</c>.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var db = newContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>The site's helpful and not-helpful counters of a review and its vote rows.</summary>
    public Task<(int Helpful, int NotHelpful, int Rows)> SiteVotesAsync(int reviewId) => ReadAsync(async db =>
    {
        var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId);
        return (review.SiteHelpful, review.SiteNotHelpful, await db.HelpfulVotes.CountAsync(v => v.ReviewId == reviewId));
    });

    /// <summary>Reviews whose site counters differ from their vote rows; empty when the counts are exact.</summary>
    public Task<List<string>> CounterMismatchesAsync() => ReadAsync(db => db.Reviews
        .Select(r => new
        {
            r.Id,
            r.SiteHelpful,
            r.SiteNotHelpful,
            Helpful = db.HelpfulVotes.Count(v => v.ReviewId == r.Id && v.IsHelpful),
            NotHelpful = db.HelpfulVotes.Count(v => v.ReviewId == r.Id && !v.IsHelpful),
        })
        .Where(r => r.SiteHelpful != r.Helpful || r.SiteNotHelpful != r.NotHelpful)
        .Select(r => $"review {r.Id}: counters {r.SiteHelpful}/{r.SiteNotHelpful}, rows {r.Helpful}/{r.NotHelpful}")
        .ToListAsync());

    /// <summary>Every row of every table of the model in a stable order: equal dumps mean equal content.</summary>
    public async Task<string> DumpAsync()
    {
        await using var db = newContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var dump = new StringBuilder();
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            dump.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(table)}";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            foreach (var row in rows)
                dump.AppendLine(row);
        }

        return dump.ToString();
    }
}
