using System.Text.Json;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Pages.Titles;

public sealed class MovieJsonLdTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    private const string Hostile = "</script><script>alert(1)</script>";

    [Fact]
    public async Task The_seed_film_is_described_as_a_schema_org_Movie()
    {
        var page = await TitlePage.GetAsync(factory.CreateClient(), "in-the-soup-1992");

        using var json = JsonDocument.Parse(page.JsonLd);
        var movie = json.RootElement;
        Assert.Equal("https://schema.org", movie.GetProperty("@context").GetString());
        Assert.Equal("Movie", movie.GetProperty("@type").GetString());
        Assert.Equal("In the Soup", movie.GetProperty("name").GetString());
        Assert.Equal("1992", movie.GetProperty("dateCreated").GetString());
        Assert.Equal("1992-08-13", movie.GetProperty("datePublished").GetString());
        var genres = movie.GetProperty("genre").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("Comedy", genres);
        Assert.Contains("Drama", genres);
        var actors = movie.GetProperty("actor").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Contains("Sully Boyar", actors);
        Assert.Contains("Steven Randazzo", actors);
        Assert.False(movie.TryGetProperty("aggregateRating", out _), "the seed page carries no rating");
        // Its one review lost its author's name, and a Review without an author is not valid for search engines.
        Assert.False(movie.TryGetProperty("review", out _), "an unsigned review is left out");
    }

    [Fact]
    public async Task A_hostile_name_and_review_cannot_break_out_of_the_json_ld_script()
    {
        var film = TestCatalog.NewTitle($"Evil {Hostile} Film", 2020);
        film.Rating = 5.5;
        film.RatingVotes = 10;
        film.Credits = [TestCatalog.NewCredit(CreditRole.Cast, 0, $"Actor {Hostile}", Hostile)];
        film.Facts = [new TitleFact { Kind = TitleFactKind.Genre, Position = 0, Text = Hostile }];
        film.Reviews =
        [
            TestCatalog.NewReview($"Headline {Hostile}", 1, 1, new DateTime(2021, 5, 1, 0, 0, 0, DateTimeKind.Utc),
                body: "<p>Body &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>", author: Hostile, rating: 7),
        ];
        film.ReviewCount = 1;
        var slug = await factory.Catalog.AddAsync(film);

        var response = await factory.CreateClient().GetAsync($"/title/{slug}");
        var html = await response.Content.ReadAsStringAsync();
        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        // The JSON-LD block is the only inline script; the site's own script comes from a file.
        var inline = Assert.Single(page.Scripts, s => s.Source is null);
        Assert.Equal("application/ld+json", inline.Type);
        Assert.All(page.Scripts.Where(s => s.Source is not null), s => Assert.StartsWith("/js/", s.Source));

        using var json = JsonDocument.Parse(page.JsonLd);
        var movie = json.RootElement;
        Assert.Equal($"Evil {Hostile} Film", movie.GetProperty("name").GetString());
        Assert.Equal(Hostile, movie.GetProperty("genre")[0].GetString());
        Assert.Equal($"Actor {Hostile}", movie.GetProperty("actor")[0].GetProperty("name").GetString());
        var review = movie.GetProperty("review")[0];
        Assert.Equal(Hostile, review.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal($"Body {Hostile}", review.GetProperty("reviewBody").GetString());
        Assert.Equal(7, review.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
        var rating = movie.GetProperty("aggregateRating");
        Assert.Equal(5.5, rating.GetProperty("ratingValue").GetDouble());
        Assert.Equal(10, rating.GetProperty("ratingCount").GetInt32());
        Assert.Equal(10, rating.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, rating.GetProperty("worstRating").GetInt32());
        Assert.Equal($"Evil {Hostile} Film (2020)", page.Heading);
    }
}
