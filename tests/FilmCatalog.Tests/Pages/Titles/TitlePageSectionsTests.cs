using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Pages.Titles;

/// <summary>The sections the seed film does not have, on films written into the catalog directly.</summary>
public abstract class TitlePageSectionsTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    [Fact]
    public async Task A_film_with_everything_shows_every_section_in_order()
    {
        var film = TestCatalog.NewTitle("Complete Picture", 2001);
        film.Rating = 6.8;
        film.RatingVotes = 12345;
        film.RuntimeMinutes = 96;
        film.Certificate = "PG-13";
        film.Color = "Color";
        film.SoundMix = "Dolby";
        film.Storyline = "Everything happens.";
        film.Facts =
        [
            new TitleFact { Kind = TitleFactKind.Genre, Position = 0, Text = "Drama" },
            new TitleFact { Kind = TitleFactKind.Country, Position = 0, Text = "France" },
            new TitleFact { Kind = TitleFactKind.Language, Position = 0, Text = "French" },
            new TitleFact { Kind = TitleFactKind.BoxOffice, Position = 0, Text = "$1,000,000", Qualifier = "Budget" },
            new TitleFact { Kind = TitleFactKind.Company, Position = 0, Text = "Complete Pictures Ltd" },
        ];
        film.Credits =
        [
            TestCatalog.NewCredit(CreditRole.Cast, 0, "Complete Lead", "Hero"),
            TestCatalog.NewCredit(CreditRole.Cast, 1, null, "Lost Name's Character"),
            TestCatalog.NewCredit(CreditRole.Cast, 2, "Complete Extra", null, "uncredited"),
            TestCatalog.NewCredit(CreditRole.Director, 0, "Complete Director"),
        ];
        film.Trivia =
        [
            new Trivia { Kind = TriviaKind.Goof, Position = 0, Text = "A boom mic is visible." },
            new Trivia { Kind = TriviaKind.Quote, Position = 0, Text = "Hero: Hello.\nVillain: Goodbye." },
        ];
        film.Faq = [new FaqEntry { Position = 0, Question = "Is it complete?", Answer = "Yes." }];
        var slug = await factory.Catalog.AddAsync(film);

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        Assert.Equal(
            ["Cast", "Did you know", "User reviews", "Frequently asked questions", "Details", "Box office", "Company credits", "Technical specs"],
            page.SectionHeadings);
        Assert.Equal(
            [new("Complete Lead", "Hero"), new("Name not recorded", "Lost Name's Character"), new("Complete Extra", "(uncredited)")],
            page.Cast);
        Assert.Equal("Complete Director", page.KeyCredits["Director"]);
        Assert.Equal(["A boom mic is visible."], page.Goofs);
        Assert.Equal(["Hero: Hello. Villain: Goodbye."], page.Quotes);
        Assert.Equal(["Is it complete?"], page.FaqQuestions);
        Assert.Equal("$1,000,000", page.BoxOffice["Budget"]);
        Assert.Equal("France", page.Details["Country of origin"]);
        Assert.Equal("1h 36min (96 min)", page.TechSpecs["Runtime"]);
        Assert.Equal("Color", page.TechSpecs["Colour"]);
        Assert.Equal("6.8/10 12,345 votes", page.Ratings["Original site"]);
        Assert.Equal("No ratings yet Rate and review it", page.Ratings["FilmCatalog visitors"]);
        Assert.Equal("Everything happens.", page.Plot);
    }

    [Fact]
    public async Task At_most_five_visible_reviews_show_most_helpful_first_and_spoilers_fold_away()
    {
        var film = TestCatalog.NewTitle("Much Reviewed", 2010);
        var day = new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        film.Reviews =
        [
            TestCatalog.NewReview("One of one", 1, 1, day),
            TestCatalog.NewReview("Ninety of a hundred", 90, 100, day),
            TestCatalog.NewReview("Hidden one", 500, 500, day, status: ReviewStatus.PendingModeration),
            TestCatalog.NewReview("Nobody voted", 0, 0, day.AddDays(3)),
            TestCatalog.NewReview("Spoiler", 10, 10, day, spoilers: true, author: "critic42", rating: 8),
            TestCatalog.NewReview("Newer zero", 0, 0, day.AddDays(5)),
            TestCatalog.NewReview("Half", 5, 10, day),
        ];
        film.ReviewCount = 6;
        var slug = await factory.Catalog.AddAsync(film);

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        var reviews = page.Reviews;
        Assert.Equal(["Ninety of a hundred", "Spoiler", "Half", "One of one", "Newer zero"], reviews.Select(r => r.Headline));
        var spoiler = reviews[1];
        Assert.True(spoiler.BodyCollapsed);
        Assert.Contains("by critic42", spoiler.Meta);
        Assert.Equal("8/10", spoiler.Rating);
        Assert.Equal("No one has rated this review's helpfulness yet.", reviews[4].Helpful);
        Assert.Equal("The 5 most helpful of 6 reviews.", page.ReviewCountsLine);
        Assert.Contains("by a visitor", reviews[0].Meta);
        Assert.Contains("from the original site", reviews[0].Meta);
    }

    [Fact]
    public async Task A_connection_to_a_film_in_the_catalog_links_to_its_page()
    {
        await factory.Catalog.AddAsync(TestCatalog.NewTitle("The Original", 1950));
        var film = TestCatalog.NewTitle("The Remake", 2000);
        film.Connections =
        [
            new Connection { Position = 0, Kind = "Remake of", OtherName = "The Original", OtherYear = 1950, OtherSlug = "the-original-1950" },
            new Connection { Position = 1, Kind = "Referenced in", OtherName = "Elsewhere", OtherYear = 2005, OtherSlug = "elsewhere-2005" },
        ];
        var slug = await factory.Catalog.AddAsync(film);

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        Assert.Equal(
            [new("Remake of", "The Original (1950)", "/title/the-original-1950"), new("Referenced in", "Elsewhere (2005)", null)],
            page.Connections);
    }
}

public sealed class TitlePageSectionsTestsOnSqlite(SqliteCatalog factory) : TitlePageSectionsTests<SqliteCatalog>(factory);

public sealed class TitlePageSectionsTestsOnPostgres(PostgresCatalog factory) : TitlePageSectionsTests<PostgresCatalog>(factory);
