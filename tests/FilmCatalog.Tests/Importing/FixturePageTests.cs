using System.Text.Encodings.Web;
using System.Text.Json;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>Pages of the same family written for these tests, each exercising what the seed lacks.</summary>
public class FixturePageTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    private static readonly Lazy<ParseResult> Full = new(() => Parse("full_page_crlf_bom.txt"));
    private static readonly Lazy<ParseResult> Reordered = new(() => Parse("reordered_and_repeated.txt"));

    [Fact]
    public void Full_page_with_bom_and_crlf_reads_its_accented_title()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Fixture("full_page_crlf_bom.txt"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains((byte)'\r', bytes);

        Assert.Equal("Le Château des Brûmes", Full.Value.Title.Name);
        Assert.Equal(1987, Full.Value.Title.Year);
        Assert.Equal(1024, Full.Value.Title.SourceUserReviews);
        Assert.Equal(87, Full.Value.Title.SourceCriticReviews);
    }

    [Fact]
    public void Full_page_rating_carries_its_vote_count_and_runtime_is_in_minutes()
    {
        var title = Full.Value.Title;
        Assert.Equal(7.4, title.Rating);
        Assert.Equal(12345, title.RatingVotes);
        Assert.Equal(112, title.RuntimeMinutes);
    }

    [Fact]
    public void Full_page_awards_phrased_with_an_oscar_are_kept_whole()
    {
        Assert.Equal("Won 1 Oscar. Another 4 wins & 6 nominations.", Full.Value.Title.Awards);
    }

    [Fact]
    public void Full_page_title_credits_split_on_commas_outside_parentheses()
    {
        var title = Full.Value.Title;
        Assert.Equal(["Hélène Marceau-Dupré"], title.Directors);
        Assert.Equal(["Hélène Marceau-Dupré (screenplay)", "Joaquín Ibáñez (novel)"], title.Writers);
        Assert.Equal(["Søren Kjærgaard", "Zoë Lefèvre", "Renée O'Connor"], title.Stars);
    }

    [Fact]
    public void Full_page_cast_notes_are_split_from_characters_and_a_lost_name_stays_null()
    {
        Assert.Equal(
            [
                new ParsedCastMember("Søren Kjærgaard", "Yann Le Goff", null),
                new ParsedCastMember("Zoë Lefèvre", "Maëlle", "as Zoé Lefebvre"),
                new ParsedCastMember(null, "The Harbour Master", null),
                new ParsedCastMember("Renée O'Connor", "Tourist", "uncredited"),
                new ParsedCastMember("Bjørn Åsheim", "Fisherman", "voice"),
            ],
            Full.Value.Title.Cast);
    }

    [Fact]
    public void Full_page_storyline_under_its_heading_is_signed_by_an_email()
    {
        var title = Full.Value.Title;
        Assert.StartsWith("Yann has kept the light", title.Storyline);
        Assert.EndsWith("about to be automated.", title.Storyline);
        Assert.Equal("keeper@example.org", title.StorylineAuthor);
        Assert.Equal(["Every storm passes."], title.Taglines);
        Assert.Equal(["Drama", "Family"], title.Genres);
        Assert.Equal(("MPAA", "PG", "for mild peril and brief language"), (title.CertificateSystem, title.Certificate, title.CertificateReason));
    }

    [Fact]
    public void Full_page_details_hold_countries_languages_dates_and_several_akas()
    {
        var title = Full.Value.Title;
        Assert.Equal(["France", "Norway"], title.Countries);
        Assert.Equal(["French", "Breton", "Norwegian"], title.Languages);
        Assert.Equal([new ParsedFact("14 October 1987", "France")], title.ReleaseDates);
        Assert.Equal(
            [
                new ParsedFact("The Castle of Mists", "International: English title"),
                new ParsedFact("Tåkeslottet", "Norway"),
                new ParsedFact("Das Nebelschloss", "West Germany"),
            ],
            title.AlsoKnownAs);
        Assert.Equal(["Pointe du Raz, Finistère, France"], title.FilmingLocations);
        Assert.Equal(["Films du Ponant", "Nordlys Film A/S"], title.Companies);
    }

    [Fact]
    public void Full_page_box_office_figures_keep_their_labels()
    {
        Assert.Equal(
            [
                new ParsedFact("FRF 18,000,000 (estimated)", "Budget"),
                new ParsedFact("FRF 2,100,000 (France) (18 October 1987)", "Opening Weekend"),
                new ParsedFact("$1,250,000 (USA) (3 June 1988)", "Gross"),
            ],
            Full.Value.Title.BoxOffice);
    }

    [Fact]
    public void Full_page_technical_specs_are_read()
    {
        var title = Full.Value.Title;
        Assert.Equal("Dolby | Mono", title.SoundMix);
        Assert.Equal("Color", title.Color);
        Assert.Equal("1.85 : 1", title.AspectRatio);
    }

    [Fact]
    public void Full_page_explicit_sub_headings_decide_trivia_goofs_and_quotes()
    {
        Assert.Equal(
            [
                new ParsedTrivia(TriviaKind.Trivia, "The lighthouse used in the film was decommissioned two months after shooting ended."),
                new ParsedTrivia(TriviaKind.Trivia, "Søren Kjærgaard learned Breton for the role."),
                new ParsedTrivia(TriviaKind.Goof, "Continuity: The boy's scarf changes from red to blue between shots in the harbour scene."),
                new ParsedTrivia(
                    TriviaKind.Quote,
                    "Yann: The sea does not care what you meant to do.\nMaëlle: Then why do you keep the light?\nYann: Because somebody has to."),
            ],
            Full.Value.Title.Trivia);
    }

    [Fact]
    public void Full_page_connections_and_soundtrack_entries_are_kept_in_order()
    {
        var title = Full.Value.Title;
        Assert.Equal(
            [
                new ParsedConnection("Referenced in", "Les Phares de France", 1994, null),
                new ParsedConnection("Remade as", "The Keeper", 2011, null),
            ],
            title.Connections);
        Assert.Equal(2, title.Soundtrack.Count);
        Assert.Equal("La Complainte du Gardien", title.Soundtrack[0].Song);
        Assert.Equal(["Written by Jean-Loïc Kervella", "Performed by Zoë Lefèvre", "Courtesy of Ponant Musique"], title.Soundtrack[0].CreditLines);
        Assert.Equal("Ar Mor", title.Soundtrack[1].Song);
        Assert.Equal(["Traditional", "Arranged by Jean-Loïc Kervella", "Performed by Les Sonneurs de Sein"], title.Soundtrack[1].CreditLines);
    }

    [Fact]
    public void Full_page_faq_questions_keep_their_answers()
    {
        var title = Full.Value.Title;
        Assert.False(title.FaqEmpty);
        Assert.Equal(
            [
                new ParsedFaq("Is the lighthouse real?", "Yes. It stands at the end of the Pointe du Raz and can be visited in summer."),
                new ParsedFaq("Was the film shot in Breton?", "Partly: about a third of the dialogue is in Breton."),
            ],
            title.Faq);
    }

    [Fact]
    public void Full_page_has_three_reviews_with_spoiler_flag_rating_author_and_an_unvoted_one()
    {
        var reviews = Full.Value.Title.Reviews;
        Assert.Equal(["Quiet and luminous", "The ending let me down", "A forgotten gem"], reviews.Select(r => r.Headline));

        Assert.Equal(new DateOnly(2005, 3, 2), reviews[0].Date);
        Assert.Equal(("Anaïs Kerbrat", "Quimper"), (reviews[0].Author, reviews[0].AuthorPlace));
        Assert.Equal(8, reviews[0].Rating);
        Assert.Equal((14, 16), (reviews[0].Helpful, reviews[0].Voted));
        Assert.Equal(["A film that trusts its silences.", "The last twenty minutes are unforgettable."], reviews[0].Paragraphs);

        Assert.True(reviews[1].ContainsSpoilers);
        Assert.False(reviews[0].ContainsSpoilers);
        Assert.Null(reviews[1].Author);
        Assert.Equal((3, 9), (reviews[1].Helpful, reviews[1].Voted));

        Assert.Equal("Maurice", reviews[2].Author);
        Assert.Equal((0, 0), (reviews[2].Helpful, reviews[2].Voted));
        Assert.Equal(["I found this on a market stall and watched it twice in a row."], reviews[2].Paragraphs);
    }

    [Fact]
    public void Full_page_reports_its_one_unplaceable_line_by_number()
    {
        var warning = Assert.Single(Full.Value.Warnings);
        Assert.Equal(61, warning.Line);
        Assert.Contains("Xyzzy plugh quux", warning.Message);
    }

    [Fact]
    public void Reordered_page_reads_the_header_line_and_a_year_with_a_roman_suffix()
    {
        var title = Reordered.Value.Title;
        Assert.Equal("Nuits d'été à Göteborg", title.Name);
        Assert.Equal(2001, title.Year);
        Assert.Equal("R", title.Certificate);
        Assert.Equal(104, title.RuntimeMinutes);
        Assert.Equal(["Drama", "Romance"], title.Genres);
        Assert.Equal((6.9, 2311), (title.Rating, title.RatingVotes));
        Assert.Equal("Two strangers share a ferry cabin on the shortest night of the year.", title.Summary);
    }

    [Fact]
    public void Reordered_page_repeated_release_dates_are_merged_without_duplicates()
    {
        Assert.Equal(
            [
                new ParsedFact("3 March 2001", "Sweden"),
                new ParsedFact("9 August 2002", "Denmark"),
                new ParsedFact("1 May 2003", "USA"),
            ],
            Reordered.Value.Title.ReleaseDates);
    }

    [Fact]
    public void Reordered_page_did_you_know_without_sub_headings_is_told_apart_by_shape()
    {
        var title = Reordered.Value.Title;
        Assert.Equal(
            [TriviaKind.Trivia, TriviaKind.Trivia, TriviaKind.Goof, TriviaKind.Quote],
            title.Trivia.Select(t => t.Kind));
        Assert.Equal(
            [
                new ParsedConnection("Followed by", "Vinternätter", 2004, null),
                new ParsedConnection("Spoofed in", "Nätter i Göteborg: The Parody", 2006, null),
                new ParsedConnection("Version of", "Midsommarnatt", 1956, null),
            ],
            title.Connections);
        Assert.Equal(["Havet", "Sommarvals"], title.Soundtrack.Select(s => s.Song));
        Assert.Equal(["Performed by Ingrid Sjöström", "Courtesy of Nordljud AB"], title.Soundtrack[0].CreditLines);
    }

    [Fact]
    public void Reordered_page_reviews_from_two_review_parts_are_both_kept()
    {
        var reviews = Reordered.Value.Title.Reviews;
        Assert.Equal(["Not for everyone", "Luminous"], reviews.Select(r => r.Headline));
        Assert.True(reviews[0].ContainsSpoilers);
        Assert.Equal("Kristoffer Lindqvist", reviews[0].Author);
        Assert.Equal(10, reviews[1].Rating);
        Assert.Equal(2, reviews[1].Paragraphs.Count);
        Assert.All(reviews, r => Assert.Equal(0, r.Voted));
    }

    [Fact]
    public void Reordered_page_cast_on_one_line_and_a_card_with_two_directors()
    {
        var title = Reordered.Value.Title;
        Assert.Equal(
            [new ParsedCastMember("Ingrid Sjöström", "Ingrid", null), new ParsedCastMember("Mats Ekholm", "Mats", "as Mats E. Holm")],
            title.Cast);
        var card = Assert.Single(title.AlsoLiked);
        Assert.Equal(("Midsommarnatt", 1956, 7.0), (card.Name, card.Year, card.Rating));
        Assert.Equal(["Gösta Berglund", "Ulla Berglund"], card.Directors);
        Assert.Empty(Reordered.Value.Warnings);
    }

    [Fact]
    public void Missing_parts_leave_empty_values_and_no_warnings()
    {
        var result = Parse("missing_parts.txt");
        var title = result.Title;
        Assert.Equal(("Untitled Short", 1999), (title.Name, title.Year));
        Assert.Equal(7, title.SourceUserReviews);
        Assert.Null(title.SourceCriticReviews);
        Assert.Equal([new ParsedCastMember(null, null, null), new ParsedCastMember(null, "Narrator", "voice")], title.Cast);
        Assert.Empty(title.ReleaseDates);
        Assert.Empty(title.AlsoKnownAs);
        Assert.Empty(title.Countries);
        Assert.Null(title.SoundMix);
        Assert.Empty(title.Trivia);
        Assert.Empty(title.Reviews);
        Assert.False(title.FaqEmpty);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Cards_without_titles_are_kept_and_a_rating_after_stars_starts_a_new_card()
    {
        var result = Parse("cards_and_stray_lines.txt");
        var cards = result.Title.AlsoLiked;
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.Null(c.Name));
        Assert.Equal([8.1, 6.4], cards.Select(c => c.Rating ?? 0));
        Assert.Equal(["Drama", "War"], cards[0].Genres);
        Assert.Empty(cards[1].Genres);
        Assert.Equal(["Anna Köhler", "Jörg Möller"], cards[1].Directors);
        Assert.Equal(["Ute Brandt"], cards[1].Stars);
    }

    [Fact]
    public void Header_line_with_dashes_gives_runtime_genre_and_release_date()
    {
        var title = Parse("cards_and_stray_lines.txt").Title;
        Assert.Equal(95, title.RuntimeMinutes);
        Assert.Equal(["Drama"], title.Genres);
        Assert.Equal([new ParsedFact("22 March 1996", "Germany")], title.ReleaseDates);
        Assert.Equal([new ParsedCastMember("Matthias Schöne", "Hans", null)], title.Cast);
    }

    [Theory]
    [InlineData("full_page_crlf_bom.txt")]
    [InlineData("reordered_and_repeated.txt")]
    [InlineData("missing_parts.txt")]
    [InlineData("cards_and_stray_lines.txt")]
    public void Fixture_records_hold_no_navigation_text(string fixture)
    {
        var json = JsonSerializer.Serialize(Parse(fixture).Title, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        string[] navigation =
        [
            "See more", "See full", "See all", "Report this", "Was this review helpful", "Review this title",
            "Contribute to This Page", "»", "\u00A0", "\u00a0", "\r",
        ];
        Assert.All(navigation, n => Assert.DoesNotContain(n, json, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain('\u00A0', json);
    }

    [Fact]
    public void A_long_review_paragraph_that_starts_like_a_heading_stays_in_the_review()
    {
        var page = string.Join('\n',
            "Some Film (1990)", "", "User Reviews", "", "Headline", "2 March 2005 | by See all my reviews", "",
            "Language: the dialogue is half French and half Breton, and the subtitles never try to smooth the seams over.",
            "", "1 of 1 people found this review helpful.");
        var review = Assert.Single(TitlePageParser.Parse(page).Title.Reviews);
        Assert.Single(review.Paragraphs);
        Assert.Equal((1, 1), (review.Helpful, review.Voted));
    }

    [Fact]
    public void An_unplaceable_line_after_the_cast_is_a_warning_with_its_line_number()
    {
        var warning = Assert.Single(Parse("cards_and_stray_lines.txt").Warnings);
        Assert.Equal(21, warning.Line);
        Assert.Contains("Completely unplaceable gibberish line here", warning.Message);
    }
}
