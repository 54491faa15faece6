using FilmCatalog.Tests.Infrastructure;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Trust;

/// <summary>Arranges a film with reviews straight in the database, independent of the seeds and the parser.</summary>
public static class TrustCatalog
{
    public sealed record Film(string Slug, IReadOnlyList<int> ReviewIds);

    public static async Task<Film> AddFilmAsync(CatalogFactory factory, int reviews = 3)
    {
        _ = factory.Services; // starts the site, which creates and migrates the database
        return await AddFilmAsync(factory.DatabasePath, reviews);
    }

    /// <summary>Adds the film to the catalog file at <paramref name="databasePath"/> (migrated already).</summary>
    public static async Task<Film> AddFilmAsync(string databasePath, int reviews)
    {
        var slug = $"trust-film-{Guid.NewGuid():N}"[..24];
        await using var db = new SqliteCatalogDbContext(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite($"Data Source={databasePath}").Options);
        var now = DateTime.UtcNow;
        var title = new Title { Slug = slug, Name = "Trust Film", Year = 2001, CreatedAt = now, UpdatedAt = now, ReviewCount = reviews };
        for (var i = 0; i < reviews; i++)
        {
            title.Reviews.Add(new Review
            {
                Origin = ReviewOrigin.Site,
                Headline = $"Review {i}",
                Body = "A review body that is long enough.",
                BodyHtml = "<p>A review body that is long enough.</p>",
                Rating = 7,
                WrittenAt = now,
                AuthorVisitorId = Guid.NewGuid(),
            });
        }

        db.Titles.Add(title);
        await db.SaveChangesAsync();
        return new Film(slug, title.Reviews.Select(r => r.Id).ToList());
    }

    /// <summary>Reviews whose site counters differ from their vote rows; empty when the counts are exact.</summary>
    public static List<string> CounterMismatches(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.Id, r.SiteHelpful, r.SiteNotHelpful,
                   (SELECT COUNT(*) FROM HelpfulVotes v WHERE v.ReviewId = r.Id AND v.IsHelpful = 1),
                   (SELECT COUNT(*) FROM HelpfulVotes v WHERE v.ReviewId = r.Id AND v.IsHelpful = 0)
            FROM Reviews r
            """;
        using var reader = command.ExecuteReader();
        var mismatches = new List<string>();
        while (reader.Read())
        {
            if (reader.GetInt32(1) != reader.GetInt32(3) || reader.GetInt32(2) != reader.GetInt32(4))
                mismatches.Add($"review {reader.GetInt32(0)}: counters {reader.GetInt32(1)}/{reader.GetInt32(2)}, rows {reader.GetInt32(3)}/{reader.GetInt32(4)}");
        }

        return mismatches;
    }

    public static long Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
