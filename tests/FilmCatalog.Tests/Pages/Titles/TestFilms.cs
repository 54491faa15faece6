using FilmCatalog.Tests.Infrastructure;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Pages.Titles;

/// <summary>Films written straight into a test site's database, for the parts the seed film lacks.</summary>
internal static class TestFilms
{
    /// <summary>Adds <paramref name="title"/> (after the site has started and migrated) and returns its slug.</summary>
    public static async Task<string> AddAsync(CatalogFactory factory, Title title)
    {
        _ = factory.Server; // starts the site: migrations and seeding happen before we write
        await using var db = factory.NewDbContext();
        db.Titles.Add(title);
        await db.SaveChangesAsync();
        return title.Slug;
    }

    public static Title New(string name, int? year) => new()
    {
        Slug = Slug.For(name, year),
        Name = name,
        Year = year,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    public static Review Review(string headline, int helpful, int voted, DateTime writtenAt, string body = "<p>A review.</p>",
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

    public static Credit Credit(CreditRole role, int position, string? name, string? character = null, string? note = null) => new()
    {
        Role = role,
        Position = position,
        Person = name is null ? null : new Person { Name = name },
        Character = character,
        Note = note,
    };
}
