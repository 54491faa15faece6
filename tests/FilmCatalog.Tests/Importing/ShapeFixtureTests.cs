using System.Text.Encodings.Web;
using System.Text.Json;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// Invented title pages, one per shape that the first parser got wrong (issue 11) and some
/// combinations, plus the 2010-2011 layout and both encodings of older captures. Each test states
/// the page's whole record: every fact, in its section, and nothing else; and every warning.
/// </summary>
public class ShapeFixtureTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The whole record compared as JSON, so a fact in the wrong section or one too many fails with a readable diff.</summary>
    private static void AssertRecord(ParsedTitle expected, ParseResult actual, params string[] warnings)
    {
        Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(actual.Title, Json));
        Assert.Equal(warnings, actual.Warnings.Select(w => $"{w.Line}: {w.Message}"));
        Assert.Equal(0, actual.Unaccounted);
    }

    private static ParsedFact Fact(string text, string? qualifier = null) => new(text, qualifier);

    private static ParsedReview Review(string headline, string date, string? author, int helpful, int voted, params string[] paragraphs) => new()
    {
        Headline = headline,
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        Author = author?.Split(" from ")[0],
        AuthorPlace = author?.Split(" from ") is [_, var place] ? place : null,
        Helpful = helpful,
        Voted = voted,
        Paragraphs = paragraphs,
    };

    [Fact]
    public void The_2010_2011_layout_keeps_rating_votes_metascore_counts_and_labelled_did_you_know_items()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "The Salt Orchard",
                Year = 2009,
                TitleLine = 1,
                SourceUserReviews = 31,
                SourceCriticReviews = 12,
                SourceMetacriticReviews = 9,
                Metascore = 58,
                Summary = "A widowed beekeeper on the Essex marshes takes on an apprentice who cannot stand the sea.",
                Storyline = "Marian keeps bees where nothing else grows. When the council sends Tobias to survey her land for a sea wall, she puts him to work instead.",
                StorylineAuthor = "Harriet Vell",
                Taglines = ["Everything sweet grows somewhere bitter."],
                Genres = ["Drama", "Mumblecore"],
                CertificateSystem = "USA",
                Certificate = "R",
                CertificateReason = "certificate #45120",
                OtherCertificates = [Fact("15A", "Ireland"), Fact("15", "UK")],
                Rating = 6.4,
                RatingVotes = 3118,
                RuntimeMinutes = 98,
                CreditFragments = ["screenplay", "novel"],
                Cast = [new("Imogen Thwaite", "Marian Holt", null), new("Declan Ashworth-Pryce", "Tobias", null), new(null, "The Ferryman", null)],
                ReleaseDates = [Fact("3 May 2010", "UK")],
                AlsoKnownAs = [Fact("Le verger de sel", "France"), Fact("Der Salzgarten", "Germany")],
                Countries = ["UK"],
                Languages = ["English"],
                FilmingLocations = ["Mersea Island, Essex, England, UK"],
                BoxOffice = [Fact("£1,400,000 (estimated)", "Budget"), Fact("£86,211 (UK) (7 May 2010)", "Opening Weekend")],
                Companies = ["Wetland Pictures", "Brackish Films Ltd."],
                SoundMix = "Dolby Digital",
                Color = "Color",
                AspectRatio = "2.35 : 1",
                Trivia =
                [
                    new(TriviaKind.Trivia, "The bees in the film were kept by the production for two seasons before shooting began."),
                    new(TriviaKind.Goof, "Continuity: Marian's veil is on, then off, then on again during the swarm scene."),
                    new(TriviaKind.Quote, "Marian: You don't own bees. You negotiate with them."),
                ],
                Connections = [new("Featured in", "Brackwater Review", 2011, null)],
                Soundtrack = [new("Salt Hymn", ["Written by Cora Lindqvist", "Performed by The Marsh Choir"])],
                FaqEmpty = true,
                Reviews = [Review("Quietly devastating", "2010-06-11", "Pella Orme from Colchester", 18, 22, "I went in knowing nothing and came out wanting to keep bees.")],
            },
            Parse("layout_2010_ratings_and_counts.txt"),
            "3: genre \"Mumblecore\" is not one of the source's genres; kept as printed");
    }

    [Fact]
    public void A_rating_and_its_vote_count_on_two_lines_are_one_rating_and_leave_the_review_counts_alone()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Harbour of Small Hours",
                Year = 1978,
                TitleLine = 3,
                SourceUserReviews = 4,
                SourceCriticReviews = 2,
                Summary = "A night watchman on a shipping pier keeps a log of everything that does not happen.",
                Rating = 6.9,
                RatingVotes = 1204,
                RuntimeMinutes = 91,
                Directors = ["Ottilie Grauwe"],
                Stars = ["Bram Tessel", "Ines Vandermolen"],
                Cast = [new("Bram Tessel", "Watchman Kees", null), new("Ines Vandermolen", "Radio Operator", null), new(null, "Dockhand", "uncredited")],
                Reviews =
                [
                    Review("The slowest thriller ever made, and I mean that kindly", "2006-02-02", null, 7, 9,
                        "Nothing happens for ninety minutes and I could not look away."),
                ],
            },
            Parse("rating_on_two_lines.txt"));
    }

    [Fact]
    public void Several_taglines_one_per_line_are_all_kept_under_the_marker_and_under_their_heading()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Nine Doors on Calloway Street",
                Year = 2003,
                TitleLine = 1,
                Summary = "Nine neighbours, one missing cat, and a street that will never be the same.",
                Storyline = "Every door on Calloway Street hides something, but only Mrs. Okonjo knows which ones. When Felix loses the cat he was paid to mind, the whole street has to open up.",
                StorylineAuthor = "calloway-fan",
                Taglines = ["Knock first.", "Nine doors. No secrets.", "Somebody always knows.", "Home is where the gossip is.", "The cat knows more than you do."],
                Genres = ["Comedy", "Family"],
                CertificateSystem = "MPAA",
                Certificate = "PG",
                CertificateReason = "for mild language",
                Cast = [new("Rosalind Achebe", "Mrs. Okonjo", null), new("Theo Marchbank", "Felix", null)],
            },
            Parse("several_taglines.txt"));
    }

    [Fact]
    public void A_storyline_without_a_signature_is_kept_on_the_evidence_of_its_place_and_its_characters()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "The Lamplighter's Daughter",
                Year = 1951,
                TitleLine = 1,
                Storyline = "Silas Crane has lit the gas lamps of Tolley Row for thirty years. When the council announces electric light, his daughter Nell sets out to prove the street still needs him, and finds out why he never takes the long way home.",
                Taglines = ["Every light goes out some time."],
                Genres = ["Drama", "Family"],
                Cast = [new("Edwina Marsh", "Nell Crane", null), new("Horace Bellweather", "Silas Crane", null)],
            },
            Parse("unsigned_storyline.txt"));
    }

    [Fact]
    public void Titles_with_parentheses_keep_them_and_only_qualifiers_are_split_off()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Tokyo (Again)",
                Year = 1994,
                YearQualifier = "I",
                TitleLine = 1,
                ReleaseDates = [Fact("17 June 1994", "Japan")],
                AlsoKnownAs = [Fact("Tokyo (Again)", "Japan"), Fact("Tōkyō futatabi", "Japan, literal title"), Fact("Tokyo (Encore)", "France, video title")],
                Connections =
                [
                    new("Followed by", "Tokyo (Again) (Again)", 1997, null),
                    new("Referenced in", "Kyoto (Never)", 2001, null) { OtherYearQualifier = "II" },
                ],
                AlsoLiked =
                [
                    new()
                    {
                        Name = "Osaka (Once)",
                        Year = 1990,
                        Genres = ["Drama"],
                        Rating = 6.1,
                        Plot = "A courier retraces the route of a parcel she never delivered.",
                        Directors = ["Hiroko Anzai"],
                        Stars = ["Mei Tachibana", "Jun Ogura"],
                    },
                ],
            },
            Parse("parenthesised_titles.txt"));
    }

    [Fact]
    public void Trivia_with_a_colon_stays_trivia_goofs_without_a_category_are_goofs_and_quotes_have_cast_speakers()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "The Vicar of Wendle Fen",
                Year = 1968,
                TitleLine = 1,
                Cast = [new("Lionel Greaves", "Reverend Amos Pike", null), new("Patience Orrell", "Hettie Dunmore", null)],
                Trivia =
                [
                    new(TriviaKind.Trivia, "The church used in the film is real: St. Wendreda's in the village of March still holds services every Sunday."),
                    new(TriviaKind.Goof, "In the wide shot of the bell tower, a television aerial is visible on the roof of the vicarage."),
                    new(TriviaKind.Goof, "The hymn books change from green to red between shots during the wedding."),
                    new(TriviaKind.Quote, "Amos: I have buried better men than you, and married worse.\nHettie: Then you've had a busy parish."),
                ],
                Connections = [new("Referenced in", "Fenland Ghosts", 1985, null)],
                Soundtrack = [new("Abide Across the Fen", ["Traditional", "Arranged by Percy Colebrook"])],
            },
            Parse("colon_trivia_bare_goofs.txt"));
    }

    [Fact]
    public void Cast_rows_whose_actor_was_lost_keep_their_characters()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Marrow and Frost",
                Year = 2007,
                TitleLine = 1,
                Storyline = "A winter of short rations at a mountain inn, told by the girl who keeps its accounts.",
                StorylineAuthor = "Ola Brzezińska",
                Genres = ["Drama"],
                Cast =
                [
                    new("Agnieszka Wróbel", "Hanna", null), new(null, "Innkeeper", null), new(null, "Boy at the Well", null),
                    new("Tomasz Kędzierski", null, null), new(null, null, null),
                ],
            },
            Parse("nameless_cast_rows.txt"));
    }

    [Fact]
    public void A_review_without_a_helpfulness_line_does_not_swallow_the_storyline_connection_or_cast_after_it()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Wire and Tallow",
                Year = 1996,
                TitleLine = 1,
                Storyline = "Orla Quine runs the last candle works in Dunmore East. When a buyer from Cork offers to save it on the condition that she fires her brother, she has a week to decide who the factory is for.",
                Taglines = ["Some things are worth keeping lit."],
                Cast = [new("Siobhán Keary", "Orla Quine", null)],
                Connections = [new("Referenced in", "The Irish Screen", 2003, null)],
                Reviews =
                [
                    Review("Better than its reputation", "1999-10-04", null, 0, 0,
                        "I rented this by mistake and watched it twice.", "The candle factory scenes are the best thing in it."),
                    Review("A muddle", "2001-03-12", "Tadhg from Waterford", 0, 0, "Too many subplots, not enough wax."),
                ],
            },
            Parse("review_runs_into_next_part.txt"));
    }

    [Fact]
    public void Accented_titles_cards_and_connections_are_read_as_printed()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Éloïse à São Paulo",
                Year = 2004,
                TitleLine = 1,
                Connections = [new("Remake of", "İstanbul'da Bir Gece", 1972, null)],
                AlsoLiked =
                [
                    new()
                    {
                        Name = "Łódź Nocą",
                        Year = 1999,
                        Genres = ["Drama", "Romance"],
                        Rating = 7.1,
                        Plot = "A night tram driver and a pianist share one stop.",
                        Directors = ["Bożena Król"],
                        Stars = ["Jędrzej Nowak", "Ilona Szymańska"],
                    },
                    new()
                    {
                        Name = "Ærø Blues",
                        Year = 2011,
                        Genres = ["Comedy"],
                        Rating = 6.3,
                        Plot = "A ferry strike strands a brass band on a small Danish island.",
                        Directors = ["Søren Bækgaard"],
                        Stars = ["Åse Øvergaard"],
                    },
                ],
            },
            Parse("accented_title_slug.txt"));
    }

    [Theory]
    [InlineData("same_name_1996_i.txt", "I", "A clockmaker's apprentice falls for the daughter of a rival workshop.", "Wiesława Dąbrowska", "Drama|Romance")]
    [InlineData("same_name_1996_ii.txt", "II", "A documentary about the lamp-makers of the old town.", "Piotr Gałecki", "Documentary")]
    public void Two_films_of_one_name_and_year_keep_their_roman_qualifiers(string fixture, string qualifier, string summary, string director, string genres)
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Lanterns Over Kraków",
                Year = 1996,
                YearQualifier = qualifier,
                TitleLine = 1,
                Summary = summary,
                Genres = [.. genres.Split('|')],
                Directors = [director],
            },
            Parse(fixture));
    }

    [Fact]
    public void Unknown_genres_and_other_countries_certificates_are_kept_with_a_warning_for_each_unknown_genre()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Kettle Logic",
                Year = 2012,
                TitleLine = 1,
                Genres = ["Comedy", "Mumblecore", "Cringe"],
                CertificateSystem = "UK",
                Certificate = "12A",
                OtherCertificates = [Fact("15"), Fact("6", "Germany"), Fact("AL", "Netherlands")],
                RuntimeMinutes = 87,
                ReleaseDates = [Fact("14 September 2012", "UK")],
            },
            Parse("unknown_genre_and_certificates.txt"),
            "5: genre \"Mumblecore\" is not one of the source's genres; kept as printed",
            "5: genre \"Cringe\" is not one of the source's genres; kept as printed");
    }

    [Fact]
    public void A_page_that_lost_nearly_every_heading_is_read_by_shape_order_and_cross_references()
    {
        AssertRecord(
            new ParsedTitle
            {
                Name = "Beneath the Grain Silo",
                Year = 1983,
                TitleLine = 3,
                SourceUserReviews = 7,
                SourceCriticReviews = 1,
                Summary = "Two farm kids find a radio transmitter buried under the co-op silo and start hearing tomorrow's weather.",
                Storyline = "Dale and Tess Penner spend the dry summer of 1958 listening to a buried radio that knows about storms before they come. When it warns of a flood nobody believes, they have to decide whom to tell.",
                StorylineAuthor = "prairie_reels",
                Taglines = ["Listen to the ground."],
                Genres = ["Sci-Fi", "Family"],
                Certificate = "PG",
                CertificateReason = "for mild peril",
                Cast = [new("Corey Fehr", "Dale Penner", null), new("Annika Loewen", "Tess Penner", null)],
                Trivia =
                [
                    new(TriviaKind.Trivia, "The silo in the film was demolished in 1991."),
                    new(TriviaKind.Quote, "Dale: It said rain.\nTess: It always says rain."),
                ],
                Connections = [new("Featured in", "Prairie Screens", 1999, null)],
                Soundtrack = [new("Wheat Field Waltz", ["Written by Elsie Dueck", "Performed by The Haugen Brothers"])],
                FaqEmpty = true,
                Reviews = [Review("Strange and lovely", "2004-04-09", null, 3, 3, "Like a ghost story told by a weatherman.")],
                AlsoLiked =
                [
                    new()
                    {
                        Rating = 6.6,
                        Plot = "The last summer before the highway comes through a prairie town.",
                        Directors = ["Lorne Haugen"],
                        Stars = ["Wendy Klassen", "Ray Dueck"],
                    },
                ],
            },
            Parse("headings_lost_everywhere.txt"));
    }

    [Fact]
    public void A_windows_1252_capture_of_the_2010_layout_reads_its_accents_and_curly_quotes()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Fixture("windows_1252_capture.txt"));
        Assert.Contains((byte)0xE9, bytes); // é as one byte: not UTF-8
        AssertRecord(
            new ParsedTitle
            {
                Name = "Ça ira, Hélène",
                Year = 1962,
                TitleLine = 1,
                SourceUserReviews = 14,
                SourceCriticReviews = 6,
                Summary = "Hélène runs a café in Lyon where “nothing ever happens” – until the strike.",
                Storyline = "Hélène Mercier’s café is the only place in the Croix-Rousse where the weavers and the foremen still drink together.",
                StorylineAuthor = "Étienne Roux",
                Rating = 7.1,
                RatingVotes = 842,
                Reviews = [Review("Charmant", "2008-07-02", "Renée from Montréal", 5, 6, "Un film “simple” – et c’est tout.")],
            },
            Parse("windows_1252_capture.txt"),
            "1: the file is not UTF-8 (20 invalid byte sequence(s), 0 valid); read it as Windows-1252");
    }
}
