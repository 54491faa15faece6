using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Pages.Titles;

namespace FilmCatalog.Tests.Pages.Titles;

/// <summary>What the title page's design promises a reader, on films written into the catalog directly.</summary>
public abstract class TitlePageDesignTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private static Title RichFilm(string name)
    {
        var film = TestCatalog.NewTitle(name, 1994);
        film.Summary = "A short summary that the storyline does not continue.";
        film.Storyline = "A long storyline of its own, told in the storyline section.";
        film.StorylineAuthor = "Someone Wrote";
        film.Rating = 7.4;
        film.RatingVotes = 3118;
        film.SourceUserReviews = 31;
        film.SourceCriticReviews = 1;
        film.Facts =
        [
            new TitleFact { Kind = TitleFactKind.Tagline, Position = 0, Text = "First tagline." },
            new TitleFact { Kind = TitleFactKind.Tagline, Position = 1, Text = "Second tagline." },
            new TitleFact { Kind = TitleFactKind.Tagline, Position = 2, Text = "Third tagline." },
        ];
        // People are one row per name in the catalog: each film has its own.
        film.Credits =
        [
            TestCatalog.NewCredit(CreditRole.Director, 0, $"Dana {name}"),
            TestCatalog.NewCredit(CreditRole.Cast, 0, $"Alma {name}", "Lead"),
            TestCatalog.NewCredit(CreditRole.Cast, 1, $"Bert {name}", "Friend"),
            TestCatalog.NewCredit(CreditRole.Star, 0, $"Cleo {name}"),
        ];
        film.AlsoLiked =
        [
            new AlsoLiked { Position = 0, Name = "Same Director", Year = 1996, Directors = [$"Dana {name}"], Stars = [$"Alma {name}"] },
            new AlsoLiked { Position = 1, Name = "Same Actors", Year = 1997, Directors = ["Other Person"], Stars = ["Nobody Else", $"Bert {name}", $"Cleo {name}"] },
            new AlsoLiked { Position = 2, Plot = "A card that lost its title and its director.", Stars = ["Fay Star"], Rating = 6.1 },
        ];
        film.Trivia =
        [
            new Trivia { Kind = TriviaKind.Trivia, Position = 0, Text = "Spoiler: the butler did it." },
            new Trivia { Kind = TriviaKind.Trivia, Position = 1, Text = "Shot in twelve days." },
        ];
        return film;
    }

    [Fact]
    public async Task A_summary_the_storyline_does_not_continue_heads_the_page_and_the_storyline_and_other_taglines_follow()
    {
        var slug = await factory.Catalog.AddAsync(RichFilm("Two Plots"));

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        Assert.Equal("A short summary that the storyline does not continue.", page.Plot);
        Assert.Equal("", page.PlotAuthor);
        Assert.Equal("A long storyline of its own, told in the storyline section.", page.Storyline);
        Assert.Equal("Someone Wrote", page.StorylineAuthor);
        Assert.Equal("First tagline.", page.Tagline);
        Assert.Equal(["Second tagline.", "Third tagline."], page.MoreTaglines);
        Assert.Equal("Storyline", page.SectionHeadings[0]);
    }

    [Fact]
    public async Task The_source_rating_keeps_its_vote_count_and_the_source_review_counts_are_in_words()
    {
        var slug = await factory.Catalog.AddAsync(RichFilm("Counted"));

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        Assert.Equal("7.4/10 3,118 votes", page.Ratings["Original site"]);
        Assert.Equal("No ratings yet Rate and review it", page.Ratings["FilmCatalog visitors"]);
        Assert.Equal("The original site counted 31 user reviews and 1 critic review.", page.SourceReviewCounts);
        Assert.Equal("No reviews yet: yours can be the first.", page.ReviewCountsLine);
    }

    [Fact]
    public async Task Each_card_says_why_it_is_there_from_the_films_own_credits_and_an_untitled_card_has_a_neutral_label()
    {
        var slug = await factory.Catalog.AddAsync(RichFilm("Why Cards"));

        var cards = (await TitlePage.GetAsync(factory.CreateClient(), slug)).Cards;

        Assert.Equal("Also directed by Dana Why Cards", cards[0].Why);
        Assert.Equal("Shares Bert Why Cards and Cleo Why Cards", cards[1].Why);
        Assert.Equal("", cards[2].Why);
        Assert.True(cards[2].Untitled);
        Assert.Equal("A film with Fay Star", cards[2].Title);
        Assert.Equal("6.1/10", cards[2].Rating);
    }

    [Fact]
    public async Task Spoiler_trivia_folds_away_is_marked_for_the_spoiler_switch_and_the_switch_is_on_the_page()
    {
        var slug = await factory.Catalog.AddAsync(RichFilm("Spoiled"));

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        var spoiler = Assert.Single(page.Main.QuerySelectorAll("#did-you-know [data-spoiler]"));
        Assert.NotNull(spoiler.QuerySelector("details:not([open])"));
        Assert.Contains("the butler did it", spoiler.TextContent);
        Assert.Equal(["Spoiler: show it Spoiler: the butler did it.", "Shot in twelve days."], page.Trivia);
        var toggle = Assert.Single(page.Main.QuerySelectorAll("[data-spoiler-switch]"));
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        Assert.True(toggle.Closest(".spoiler-switch")!.HasAttribute("hidden"), "without script the switch does nothing, so it is hidden until site.js shows it");
    }

    [Fact]
    public async Task The_visitors_rating_distribution_is_a_table_whose_shares_add_up_to_100_with_mean_and_count()
    {
        var film = RichFilm("Distributed");
        // 7 ratings: three 8s, two 7s, one 10, one 2: shares 42.86, 28.57, 14.29, 14.29 round to 43 + 29 + 14 + 14 = 100.
        foreach (var rating in new[] { 8, 8, 8, 7, 7, 10, 2 })
            film.AddVisitorRating(rating);
        var slug = await factory.Catalog.AddAsync(film);

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        var chart = page.Main.QuerySelector("#reviews .rating-distribution")!;
        Assert.Equal("Average 7.1/10 from 7 ratings", TitlePage.Text(chart.QuerySelector(".distribution-summary")));
        var rows = chart.QuerySelectorAll("tbody tr")
            .Select(r => (Score: TitlePage.Text(r.QuerySelector("th")), Share: TitlePage.Text(r.QuerySelector(".distribution-percent")), Count: TitlePage.Text(r.QuerySelector(".distribution-count"))))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Score));
        Assert.Equal(("10", "14%", "1"), rows[0]);
        Assert.Equal(("8", "43%", "3"), rows[2]);
        Assert.Equal(("7", "29%", "2"), rows[3]);
        Assert.Equal(("2", "14%", "1"), rows[8]);
        Assert.Equal(100, rows.Sum(r => int.Parse(r.Share.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("7.1/10 7 ratings", page.Ratings["FilmCatalog visitors"]);
    }

    [Fact]
    public async Task Below_five_ratings_the_chart_says_there_are_not_enough_yet()
    {
        var film = RichFilm("Barely Rated");
        foreach (var rating in new[] { 9, 3, 6, 6 })
            film.AddVisitorRating(rating);
        var slug = await factory.Catalog.AddAsync(film);

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        Assert.Empty(page.Main.QuerySelectorAll("#reviews .distribution-table"));
        Assert.Equal("Not enough ratings yet: 4 ratings so far, a breakdown needs 5",
            TitlePage.Text(page.Main.QuerySelector("#reviews .distribution-empty")));
        Assert.Equal("6.0/10 4 ratings", page.Ratings["FilmCatalog visitors"]);
    }

    [Fact]
    public async Task A_long_review_is_clamped_with_a_read_more_that_works_without_script_and_a_short_one_is_not()
    {
        var film = TestCatalog.NewTitle("Long Reviews", 2003);
        var day = new DateTime(2004, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var paragraph = "<p>" + string.Concat(Enumerable.Repeat("A sentence about the film that goes on. ", 12)) + "</p>";
        film.Reviews =
        [
            TestCatalog.NewReview("Long one", 5, 5, day, body: paragraph + paragraph + paragraph, author: "Writer"),
            TestCatalog.NewReview("Short one", 1, 1, day, body: "<p>Short and sweet.</p>"),
        ];
        film.ReviewCount = 2;
        var slug = await factory.Catalog.AddAsync(film);

        var page = await TitlePage.GetAsync(factory.CreateClient(), slug);

        var longReview = page.ReviewArticle(page.ReviewId("Long one"))!;
        var toggle = longReview.QuerySelector(".clamp input.clamp-toggle[type=checkbox]");
        Assert.NotNull(toggle);
        var label = longReview.QuerySelector($"label.clamp-more[for='{toggle!.Id}']");
        Assert.StartsWith("Read more", TitlePage.VisibleText(label));
        Assert.Contains("of the review \u201cLong one\u201d", TitlePage.Text(label));
        Assert.Null(page.ReviewArticle(page.ReviewId("Short one"))!.QuerySelector(".clamp"));
        // Yes and No stay together in one unit that does not wrap apart.
        Assert.Equal(2, longReview.QuerySelectorAll(".vote-form .vote-buttons button").Length);
    }
}

// The visitors' per-score counts are an array column on PostgreSQL and JSON text on SQLite: the design's promises on both.
public sealed class TitlePageDesignTestsOnSqlite(SqliteCatalog factory) : TitlePageDesignTests<SqliteCatalog>(factory);

public sealed class TitlePageDesignTestsOnPostgres(PostgresCatalog factory) : TitlePageDesignTests<PostgresCatalog>(factory);

public sealed class GridColumnsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(6, 3)]
    [InlineData(7, 4)]
    [InlineData(8, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 2)]
    public void A_grid_never_leaves_one_box_alone_on_its_last_row(int items, int columns)
    {
        Assert.Equal($"cols-{columns}", TitlePageView.GridColumns(items));
        if (items > columns)
            Assert.NotEqual(1, items % columns);
    }
}
