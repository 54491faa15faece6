using System.Text.Encodings.Web;
using System.Text.Json;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>The one real title page in the repository, parsed from its bytes as the importer will.</summary>
public class SeedPageTests
{
    private static readonly Lazy<ParseResult> Result =
        new(() => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Seed("000_2a1fb84a6d0c9262.txt"))));

    private static ParsedTitle Title => Result.Value.Title;

    [Fact]
    public void Seed_title_and_year_come_from_the_title_line()
    {
        Assert.Equal("In the Soup", Title.Name);
        Assert.Equal(1992, Title.Year);
        Assert.Equal(3, Title.TitleLine);
    }

    [Fact]
    public void Seed_review_counts_are_13_user_and_21_critic()
    {
        Assert.Equal(13, Title.SourceUserReviews);
        Assert.Equal(21, Title.SourceCriticReviews);
    }

    [Fact]
    public void Seed_places_every_line_so_there_are_no_warnings()
    {
        Assert.Empty(Result.Value.Warnings);
    }

    [Fact]
    public void Seed_summary_keeps_its_text_without_the_see_full_summary_tail()
    {
        Assert.NotNull(Title.Summary);
        Assert.StartsWith("A neurotic nebbish lives in 2 worlds", Title.Summary);
        Assert.EndsWith("such as thesping in an arty", Title.Summary);
    }

    [Fact]
    public void Seed_credit_fragment_is_kept_without_its_parentheses()
    {
        Assert.Equal(["as Tim Kissell"], Title.CreditFragments);
    }

    [Fact]
    public void Seed_awards_line_loses_its_see_more_awards_link()
    {
        Assert.Equal("5 wins & 3 nominations.", Title.Awards);
    }

    [Fact]
    public void Seed_cast_has_five_lines_with_characters_only_where_the_file_has_them()
    {
        Assert.Equal(
            [
                new ParsedCastMember("Pat Moya", null, null),
                new ParsedCastMember("Sully Boyar", "Old Man", null),
                new ParsedCastMember("Steven Randazzo", "Louis Barfardi", null),
                new ParsedCastMember("Francesco Messina", "Frank Barfardi", null),
                new ParsedCastMember("Rockets Redglare", null, null),
            ],
            Title.Cast);
    }

    [Fact]
    public void Seed_has_six_cards_in_order_three_of_them_without_a_title()
    {
        var cards = Title.AlsoLiked;
        Assert.Equal(6, cards.Count);
        Assert.Equal(["Trees Lounge", null, "Louis & Frank", "Little Feet", null, null], cards.Select(c => c.Name));
        Assert.Equal([1996, null, 1998, 2013, null, null], cards.Select(c => c.Year));
        Assert.Equal([7.2, 7.5, 3.3, 6.2, 5.2, 7.3], cards.Select(c => c.Rating ?? 0));
    }

    [Fact]
    public void Seed_cards_keep_their_directors_and_stars()
    {
        var cards = Title.AlsoLiked;
        Assert.Equal(
            ["Steve Buscemi", "Tom DiCillo", "Alexandre Rockwell", "Alexandre Rockwell", "Alexandre Rockwell", "Tom DiCillo"],
            cards.Select(c => Assert.Single(c.Directors)));
        Assert.Equal(["Steve Buscemi", "Carol Kane", "Mark Boone Junior"], cards[0].Stars);
        Assert.Equal(["Steve Buscemi", "Catherine Keener", "Dermot Mulroney"], cards[1].Stars);
        Assert.Equal(["Elizabeth Bracco", "Steve Buscemi", "Tony Curtis"], cards[2].Stars);
        Assert.Equal(["Lana Rockwell", "Nico Rockwell", "Rene Cuante-Bautista"], cards[3].Stars);
        Assert.Equal(["Rosie Perez", "Harvey Keitel", "Anthony Quinn"], cards[4].Stars);
        Assert.Equal(["John Turturro", "Sam Rockwell", "Catherine Keener"], cards[5].Stars);
    }

    [Fact]
    public void Seed_little_feet_card_has_no_genres_line_and_the_others_do()
    {
        var cards = Title.AlsoLiked;
        Assert.Empty(cards[3].Genres);
        Assert.Equal(["Music", "Comedy", "Drama"], cards[2].Genres);
        Assert.All(new[] { cards[0], cards[1], cards[4], cards[5] }, c => Assert.Equal(["Comedy", "Drama"], c.Genres));
    }

    [Fact]
    public void Seed_card_plots_lose_the_see_full_summary_tail()
    {
        Assert.StartsWith("Tommy is an unemployed mechanic", Title.AlsoLiked[0].Plot);
        Assert.EndsWith("their encounters along the way", Title.AlsoLiked[3].Plot);
        Assert.EndsWith("and heads out looking", Title.AlsoLiked[5].Plot);
    }

    [Fact]
    public void Seed_storyline_is_signed_by_david_stevens()
    {
        Assert.Equal("David Stevens", Title.StorylineAuthor);
        Assert.StartsWith("A neurotic nebbish", Title.Storyline);
        Assert.EndsWith("to produce the auteur's vision.", Title.Storyline);
    }

    [Fact]
    public void Seed_tagline_is_the_short_line_after_plot_summary()
    {
        Assert.Equal(["A comedy about getting in over your head."], Title.Taglines);
    }

    [Fact]
    public void Seed_genres_are_comedy_and_drama()
    {
        Assert.Equal(["Comedy", "Drama"], Title.Genres);
    }

    [Fact]
    public void Seed_certificate_is_mpaa_r_for_language()
    {
        Assert.Equal("MPAA", Title.CertificateSystem);
        Assert.Equal("R", Title.Certificate);
        Assert.Equal("for language", Title.CertificateReason);
    }

    [Fact]
    public void Seed_details_hold_the_german_release_date_and_one_aka()
    {
        Assert.Equal([new ParsedFact("13 August 1992", "Germany")], Title.ReleaseDates);
        Assert.Equal([new ParsedFact("A levesben", null)], Title.AlsoKnownAs);
        Assert.Empty(Title.FilmingLocations);
        Assert.Empty(Title.BoxOffice);
    }

    [Fact]
    public void Seed_technical_specs_hold_only_the_aspect_ratio()
    {
        Assert.Equal("1.66 : 1", Title.AspectRatio);
        Assert.Null(Title.SoundMix);
        Assert.Null(Title.RuntimeMinutes);
    }

    [Fact]
    public void Seed_did_you_know_holds_one_trivia_item()
    {
        var trivia = Assert.Single(Title.Trivia);
        Assert.Equal(new ParsedTrivia(TriviaKind.Trivia, "Originally filmed in color, but released black and white."), trivia);
    }

    [Fact]
    public void Seed_connection_is_featured_in_faut_que_ca_danse_2007()
    {
        var connection = Assert.Single(Title.Connections);
        Assert.Equal(new ParsedConnection("Featured in", "Faut que ça danse!", 2007, null), connection);
    }

    [Fact]
    public void Seed_soundtrack_entry_keeps_its_credit_lines_in_order()
    {
        var entry = Assert.Single(Title.Soundtrack);
        Assert.Equal("Roland Alphonso", entry.Song);
        Assert.Equal(["Written by Don Cherry", "Courtesy of Eternal River Publishing BMI"], entry.CreditLines);
    }

    [Fact]
    public void Seed_faq_is_empty()
    {
        Assert.True(Title.FaqEmpty);
        Assert.Empty(Title.Faq);
    }

    [Fact]
    public void Seed_review_has_headline_date_no_author_four_paragraphs_and_two_of_two_helpful()
    {
        var review = Assert.Single(Title.Reviews);
        Assert.Equal("Hopefully, This Fresh and Personal Film Holds Its Own Over Time.", review.Headline);
        Assert.Equal(new DateOnly(2009, 8, 31), review.Date);
        Assert.Null(review.Author);
        Assert.Equal(4, review.Paragraphs.Count);
        Assert.StartsWith("In the Soup was a part of the 1992 Sundance selection", review.Paragraphs[0]);
        Assert.EndsWith("hopefully holds its own over time.", review.Paragraphs[3]);
        Assert.Equal(2, review.Helpful);
        Assert.Equal(2, review.Voted);
        Assert.False(review.ContainsSpoilers);
    }

    [Theory]
    [InlineData("See more")]
    [InlineData("See full summary")]
    [InlineData("Learn more")]
    [InlineData("On Disc")]
    [InlineData("at Amazon")]
    [InlineData("Report this")]
    [InlineData("Was this review helpful")]
    [InlineData("Review this title")]
    [InlineData("Contribute to This Page")]
    [InlineData("IMDbPro")]
    [InlineData("Show more on")]
    [InlineData("Plot Summary")]
    [InlineData("Add Synopsis")]
    [InlineData("»")]
    [InlineData("See all")]
    [InlineData("\u00A0")]
    public void Seed_record_holds_no_navigation_text(string navigation)
    {
        var json = JsonSerializer.Serialize(Title, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.DoesNotContain(navigation, json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Seed_parses_the_same_from_text_as_from_bytes()
    {
        var fromText = TitlePageParser.Parse(File.ReadAllText(RepositoryPaths.Seed("000_2a1fb84a6d0c9262.txt")));
        Assert.Equal(
            JsonSerializer.Serialize(Title),
            JsonSerializer.Serialize(fromText.Title));
    }
}
