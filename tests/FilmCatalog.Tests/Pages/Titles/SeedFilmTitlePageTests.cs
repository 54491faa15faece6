using System.Net;

namespace FilmCatalog.Tests.Pages.Titles;

/// <summary>What a reader of the seed film's page must see, section by section.</summary>
public abstract class SeedFilmTitlePageTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string Slug = "in-the-soup-1992";

    private Task<TitlePage> OpenAsync(string slug = Slug) => TitlePage.GetAsync(factory.CreateClient(), slug);

    [Fact]
    public async Task The_header_names_the_film_and_keeps_our_review_count_apart_from_the_source_counts()
    {
        var page = await OpenAsync();

        Assert.Equal("In the Soup (1992)", page.Heading);
        Assert.Equal("One review so far.", page.ReviewCountsLine);
        Assert.Equal("The original site counted 13 user reviews and 21 critic reviews.", page.SourceReviewCounts);
        Assert.Contains("5 wins & 3 nominations", PageText(page));
        Assert.Equal("In the Soup (1992) - FilmCatalog", page.Document.Title);
    }

    [Fact]
    public async Task The_ratings_are_apart_and_in_plain_words_and_a_film_without_a_source_rating_shows_only_ours()
    {
        var page = await OpenAsync();

        var rating = Assert.Single(page.Ratings);
        Assert.Equal("FilmCatalog visitors", rating.Key);
        Assert.Equal("No ratings yet Rate and review it", rating.Value);
        Assert.Empty(page.Main.QuerySelectorAll("#reviews .rating-distribution")); // no chart of nothing
    }

    [Fact]
    public async Task The_header_gives_the_year_once_and_lists_certificate_and_genres_under_the_title()
    {
        var page = await OpenAsync();

        Assert.Equal(["Certificate: R", "Comedy", "Drama"], page.HeaderFacts);
        Assert.Equal(["Comedy", "Drama"], page.Genres);
        var header = (AngleSharp.Dom.IElement)page.Main.QuerySelector(".hero")!.Clone();
        header.QuerySelector(".poster")!.Remove(); // the tile is decoration, hidden from screen readers
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(TitlePage.Text(header), "1992"));
    }

    [Fact]
    public async Task The_cast_lists_actors_with_their_characters_in_billing_order_and_no_blank_rows()
    {
        var page = await OpenAsync();

        Assert.Contains(new TitlePage.CastRow("Sully Boyar", "Old Man"), page.Cast);
        Assert.Contains(new TitlePage.CastRow("Steven Randazzo", "Louis Barfardi"), page.Cast);
        Assert.Contains(new TitlePage.CastRow("Francesco Messina", "Frank Barfardi"), page.Cast);
        var names = page.Cast.Select(c => c.Name).ToList();
        Assert.True(names.IndexOf("Sully Boyar") < names.IndexOf("Steven Randazzo"), "billing order");
        Assert.All(page.Cast, row => Assert.NotEqual("", row.Name));
    }

    [Fact]
    public async Task The_plot_is_told_once_whole_with_its_author_and_the_tagline_under_the_title()
    {
        var page = await OpenAsync();

        // The summary is the storyline's first lines cut short: the header tells the storyline, whole, and only once.
        Assert.StartsWith("A neurotic nebbish lives in 2 worlds", page.Plot);
        Assert.EndsWith("to produce the auteur's vision.", page.Plot);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(PageText(page), "A neurotic nebbish"));
        Assert.DoesNotContain("\u2026", PageText(page).Split("Read more")[0]);
        Assert.Equal("David Stevens", page.PlotAuthor);
        Assert.Equal("A comedy about getting in over your head.", page.Tagline);
        Assert.Empty(page.Main.QuerySelectorAll("#storyline"));
        Assert.Contains("R", page.Details["Certificate"]);
        Assert.Contains("Rated R for language", page.Details["Certificate"]);
    }

    [Fact]
    public async Task Details_and_technical_specs_are_tables_of_what_is_known()
    {
        var page = await OpenAsync();

        Assert.Equal("13 August 1992 (Germany)", page.Details["Release date"]);
        Assert.Contains("A levesben", page.Details["Also known as"]);
        Assert.Equal("1.66 : 1", page.TechSpecs["Aspect ratio"]);
        Assert.DoesNotContain("Sound mix", page.TechSpecs.Keys);
        Assert.DoesNotContain("Filming locations", page.Details.Keys);
    }

    [Fact]
    public async Task Did_you_know_holds_the_trivia_the_connection_and_the_soundtrack_credits()
    {
        var page = await OpenAsync();

        Assert.Equal(["Originally filmed in color, but released black and white."], page.Trivia);
        var connection = Assert.Single(page.Connections);
        Assert.Equal("Featured in", connection.Kind);
        Assert.Equal("Faut que ça danse! (2007)", connection.Title);
        Assert.Null(connection.Href); // not in the catalog, so named but not linked
        var song = Assert.Single(page.Soundtrack);
        Assert.Contains("Written by Don Cherry", song.CreditLines);
        Assert.Contains("Courtesy of Eternal River Publishing BMI", song.CreditLines);
    }

    [Fact]
    public async Task The_review_shows_its_headline_date_body_and_helpfulness_and_links_to_all_reviews()
    {
        var page = await OpenAsync();

        var review = Assert.Single(page.Reviews);
        Assert.Equal("Hopefully, This Fresh and Personal Film Holds Its Own Over Time.", review.Headline);
        Assert.Contains("31 August 2009", review.Meta);
        Assert.StartsWith("In the Soup was a part of the 1992 Sundance selection", review.Body);
        Assert.Equal("2 of 2 people found this review helpful.", review.Helpful);
        Assert.False(review.BodyCollapsed);
        Assert.Equal($"/title/{Slug}/reviews", page.AllReviewsLink?.Href);
    }

    [Fact]
    public async Task All_six_cards_show_in_order_three_linked_and_three_under_a_neutral_label()
    {
        var page = await OpenAsync();

        var cards = page.Cards;
        Assert.Equal(6, cards.Count);
        Assert.Equal("Trees Lounge (1996)", cards[0].Title);
        Assert.Equal("/title/trees-lounge-1996", cards[0].Href);
        Assert.Equal("7.2/10", cards[0].Rating);
        Assert.Contains("Steve Buscemi", cards[0].Credits);
        Assert.Equal(["/title/trees-lounge-1996", "/title/louis-frank-1998", "/title/little-feet-2013"],
            cards.Where(c => c.Href is not null).Select(c => c.Href!));

        var untitled = cards.Where(c => c.Untitled).ToList();
        Assert.Equal(["A film by Tom DiCillo", "A film by Alexandre Rockwell", "A film by Tom DiCillo"], untitled.Select(c => c.Title));
        Assert.DoesNotContain(cards, c => c.Title.Contains("not recorded", StringComparison.OrdinalIgnoreCase));
        Assert.All(untitled, c => Assert.Null(c.Href));
        Assert.Equal(["7.5/10", "5.2/10", "7.3/10"], untitled.Select(c => c.Rating));
        Assert.StartsWith("Film about filmmaking.", untitled[0].Plot);
        Assert.StartsWith("Mercedes is a taxi dancer", untitled[1].Plot);
        Assert.StartsWith("Al Fountain, a middle-aged electrical engineer", untitled[2].Plot);
        Assert.Contains("Tom DiCillo", untitled[0].Credits);
    }

    [Fact]
    public async Task No_navigation_text_from_the_source_appears_in_the_main_content()
    {
        var page = await OpenAsync();

        // The site's own controls (vote and report forms) ask their questions in their own words;
        // what must not appear is the source's navigation carried in as content.
        var content = (AngleSharp.Dom.IElement)page.Main.Clone();
        foreach (var control in content.QuerySelectorAll(".vote-form, .report-link").ToList())
            control.Remove();
        var text = TitlePage.Text(content);
        foreach (var navigation in new[]
                 {
                     "See more", "See full summary", "Learn more", "On Disc", "at Amazon", "Report this", "IMDbPro",
                     "Contribute to This Page", "»", "Add Synopsis", "See all certifications", "Was this review helpful",
                 })
        {
            Assert.DoesNotContain(navigation, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Sections_with_nothing_in_them_are_left_out_entirely()
    {
        var page = await OpenAsync();

        Assert.Equal(
            ["Cast", "Did you know", "User reviews", "People who liked this also liked", "Details", "Technical specs"],
            page.SectionHeadings);
        Assert.DoesNotContain("Goofs", page.SubHeadings);
        Assert.DoesNotContain("Quotes", page.SubHeadings);
        Assert.Empty(page.Main.QuerySelectorAll("#faq, #box-office, #storyline"));
        Assert.All(page.Main.QuerySelectorAll("th, td, dt, dd").Where(e => e.Closest("#cast") is null),
            cell => Assert.NotEqual("", TitlePage.Text(cell)));
        Assert.DoesNotContain("N/A", PageText(page));
    }

    [Fact]
    public async Task A_film_known_only_from_a_card_has_a_page_that_links_back_to_the_film_that_named_it()
    {
        var page = await OpenAsync("trees-lounge-1996");

        Assert.Equal("Trees Lounge (1996)", page.Heading);
        Assert.NotNull(page.Notice);
        Assert.Contains(new TitlePage.Link("In the Soup (1992)", "/title/in-the-soup-1992"), page.KnownFrom);
        Assert.Contains("Tommy is an unemployed mechanic", PageText(page));
        Assert.Equal("Steve Buscemi", page.KeyCredits["Director"]);
        Assert.Equal("Steve Buscemi, Carol Kane, Mark Boone Junior", page.KeyCredits["Stars"]);
        Assert.Empty(page.Reviews);
    }

    [Fact]
    public async Task The_head_carries_the_canonical_link_open_graph_and_a_description()
    {
        var page = await OpenAsync();

        Assert.Equal($"http://localhost/title/{Slug}", page.Canonical);
        Assert.Equal(page.Canonical, page.Meta("og:url"));
        Assert.Equal("video.movie", page.Meta("og:type"));
        Assert.Equal("In the Soup (1992)", page.Meta("og:title"));
        Assert.StartsWith("A neurotic nebbish", page.Meta("description"));
        Assert.Equal(page.Meta("description"), page.Meta("og:description"));
    }

    [Fact]
    public async Task An_unknown_slug_is_a_real_404_page_with_a_way_home()
    {
        var document = await HtmlPage.GetAsync(factory.CreateClient(), "/title/no-such-film-1900", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", TitlePage.Text(document.QuerySelector("h1")));
        Assert.NotNull(document.QuerySelector("main a[href='/']"));
    }

    private static string PageText(TitlePage page) => TitlePage.Text(page.Main);
}

public sealed class SeedFilmTitlePageTestsOnSqlite(SqliteCatalog factory) : SeedFilmTitlePageTests<SqliteCatalog>(factory);

public sealed class SeedFilmTitlePageTestsOnPostgres(PostgresCatalog factory) : SeedFilmTitlePageTests<PostgresCatalog>(factory);
