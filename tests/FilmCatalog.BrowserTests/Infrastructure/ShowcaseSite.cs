using FilmCatalog.Web.Catalog;

namespace FilmCatalog.BrowserTests.Infrastructure;

/// <summary>
/// The live site with the page types a visitor meets beside the seed: a rich title page (every section,
/// long and spoiler reviews, visitors' ratings, cards with reasons, Metascore, other countries'
/// certificates, a cast row whose actor was lost, a reviewer's place), a sparse one (a name and a year), a TV series,
/// and what the seeds bring (the seed film, a film known only from a card).
/// </summary>
public sealed class ShowcaseSite : LiveSite
{
    public const string RichSlug = "the-lighthouse-keepers-daughter-1987";
    public const string SparseSlug = "quiet-1961";
    public const string SeedSlug = "in-the-soup-1992";
    public const string CardOnlySlug = "trees-lounge-1996";
    public const string SeriesSlug = "harbour-lights-1994";

    /// <summary>A film of its own for the browser's own review (the edit page), so no other page type changes with it.</summary>
    public const string OwnReviewSlug = "second-thoughts-2001";

    private readonly SemaphoreSlim _arrange = new(1, 1);
    private bool _arranged;

    /// <summary>The id of the rich film's most helpful review, for the pages about one review (vote, report).</summary>
    public async Task<int> RichReviewIdAsync()
    {
        await ArrangeAsync();
        return await Catalog.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MinAsync(
            db.Reviews.Where(r => r.Title!.Slug == RichSlug), r => r.Id));
    }

    /// <summary>Adds the rich and the sparse film, the series and the film for the browser's own review, once per site.</summary>
    public async Task ArrangeAsync()
    {
        await _arrange.WaitAsync();
        try
        {
            if (_arranged)
                return;
            await Catalog.AddAsync(Rich());
            await Catalog.AddAsync(TestCatalog.NewTitle("Quiet", 1961));
            await Catalog.AddAsync(Series());
            await Catalog.AddAsync(TestCatalog.NewTitle("Second Thoughts", 2001));
            _arranged = true;
        }
        finally
        {
            _arrange.Release();
        }
    }

    /// <summary>A title that is not a film: its header says what it is and its run.</summary>
    private static Title Series()
    {
        var series = TestCatalog.NewTitle("Harbour Lights", 1994);
        series.Kind = TitleKind.TvSeries;
        series.EndYear = 2004;
        series.Summary = "Follows the keepers of a lighthouse on the Cornish coast through ten winters of storms, wrecks and visitors.";
        series.Facts =
        [
            new TitleFact { Kind = TitleFactKind.Genre, Position = 0, Text = "Drama" },
            new TitleFact { Kind = TitleFactKind.Genre, Position = 1, Text = "Family" },
        ];
        return series;
    }

    private static Title Rich()
    {
        var film = TestCatalog.NewTitle("The Lighthouse Keeper's Daughter", 1987);
        film.Summary = "On a rock off the Breton coast, a keeper's daughter decides whether to stay with the light.";
        film.Storyline = "Maëlle has grown up on the rock, counting the seconds between flashes. When the service announces " +
            "that the light will run itself, her father refuses to leave, and a young engineer sent to automate it " +
            "stays through a winter of storms. Nobody on the mainland expects any of them to come back unchanged.";
        film.StorylineAuthor = "keeper@example.org";
        film.Rating = 7.6;
        film.RatingVotes = 48213;
        film.SourceUserReviews = 212;
        film.SourceCriticReviews = 64;
        film.SourceMetacriticReviews = 18;
        film.Metascore = 71;
        film.Certificate = "PG-13";
        film.CertificateSystem = "MPAA";
        film.CertificateReason = "for some language and a storm at sea";
        film.RuntimeMinutes = 118;
        film.Awards = "Won 2 awards, 6 nominations.";
        film.SoundMix = "Dolby Stereo";
        film.Color = "Color";
        film.AspectRatio = "1.85 : 1";
        var facts = new List<TitleFact>();
        void Fact(TitleFactKind kind, string text, string? qualifier = null) =>
            facts.Add(new TitleFact { Kind = kind, Position = facts.Count(f => f.Kind == kind), Text = text, Qualifier = qualifier });
        Fact(TitleFactKind.Genre, "Drama");
        Fact(TitleFactKind.Genre, "Romance");
        Fact(TitleFactKind.Genre, "Adventure");
        Fact(TitleFactKind.Tagline, "Some lights you keep. Some keep you.");
        Fact(TitleFactKind.Tagline, "Forty seconds of dark between every flash.");
        Fact(TitleFactKind.Certificate, "12", "UK");
        Fact(TitleFactKind.Certificate, "Tous publics", "France");
        Fact(TitleFactKind.ReleaseDate, "14 October 1987", "France");
        Fact(TitleFactKind.ReleaseDate, "2 March 1988", "USA");
        Fact(TitleFactKind.AlsoKnownAs, "La Fille du gardien", "France");
        Fact(TitleFactKind.Country, "France");
        Fact(TitleFactKind.Country, "UK");
        Fact(TitleFactKind.Language, "French");
        Fact(TitleFactKind.Language, "Breton");
        Fact(TitleFactKind.FilmingLocation, "Ar-Men lighthouse, Finistère, France");
        Fact(TitleFactKind.BoxOffice, "FRF 21,000,000", "Budget");
        Fact(TitleFactKind.BoxOffice, "$3,402,118", "Gross USA");
        Fact(TitleFactKind.Company, "Phare Films", "production");
        Fact(TitleFactKind.Company, "Channel Crossing Pictures", "co-production");
        film.Facts = facts;
        // One person row per name, however many credits it has.
        var people = new Dictionary<string, Person>();
        Credit Credit(CreditRole role, int position, string name, string? character = null, string? note = null) => new()
        {
            Role = role,
            Position = position,
            Character = character,
            Note = note,
            Person = people.TryGetValue(name, out var known) ? known : people[name] = new Person { Name = name },
        };
        film.Credits =
        [
            Credit(CreditRole.Director, 0, "Anouk Le Bihan"),
            Credit(CreditRole.Writer, 0, "Anouk Le Bihan"),
            Credit(CreditRole.Writer, 1, "Peter Rennick"),
            Credit(CreditRole.Star, 0, "Solène Guivarc'h"),
            Credit(CreditRole.Star, 1, "Jean-Marc Kerleroux"),
            Credit(CreditRole.Cast, 0, "Solène Guivarc'h", "Maëlle"),
            Credit(CreditRole.Cast, 1, "Jean-Marc Kerleroux", "Yann, the keeper"),
            Credit(CreditRole.Cast, 2, "Tom Ashdown", "Daniel Price"),
            Credit(CreditRole.Cast, 3, "Gwenola Rio", "The harbour mistress"),
            Credit(CreditRole.Cast, 4, "Erwan Madec", "Fisherman", "uncredited"),
            new Credit { Role = CreditRole.Cast, Position = 5, Character = "Lighthouse inspector" }, // the source lost the actor's name
        ];
        film.Trivia =
        [
            new Trivia { Kind = TriviaKind.Trivia, Position = 0, Text = "The crew lived on the rock for three weeks, supplied by boat when the sea allowed." },
            new Trivia { Kind = TriviaKind.Trivia, Position = 1, Text = "Spoiler: the final flash was filmed from the mainland, eleven kilometres away." },
            new Trivia { Kind = TriviaKind.Goof, Position = 0, Text = "The lamp turns clockwise in the first scene and anticlockwise in the last." },
            new Trivia { Kind = TriviaKind.Quote, Position = 0, Text = "Yann: The light does not care who keeps it.\nMaëlle: Then why do you?" },
        ];
        film.Connections = [new Connection { Position = 0, Kind = "Referenced in", OtherName = "Cinéma du littoral", OtherYear = 2003, OtherSlug = "cinema-du-littoral-2003" }];
        film.Soundtrack = [new SoundtrackEntry { Position = 0, Song = "Kan ar Mor", CreditLines = ["Traditional", "Performed by Gwenola Rio"] }];
        film.Faq = [new FaqEntry { Position = 0, Question = "Is the lighthouse real?", Answer = "Yes: Ar-Men, off the Île de Sein." }];
        film.AlsoLiked =
        [
            new AlsoLiked { Position = 0, Name = "Salt Wind", Year = 1991, Genres = ["Drama"], Rating = 7.1, Plot = "A ferry captain's last season.", Directors = ["Anouk Le Bihan"], Stars = ["Erwan Madec", "Lise Moal"] },
            new AlsoLiked { Position = 1, Name = "The Engineer", Year = 1984, Genres = ["Drama", "Thriller"], Rating = 6.4, Plot = "A bridge, a river and a lie.", Directors = ["Hal Brody"], Stars = ["Tom Ashdown", "Mae Corr"] },
            new AlsoLiked { Position = 2, Genres = ["Romance"], Rating = 6.9, Plot = "Two sisters inherit a hotel nobody visits in winter.", Directors = ["Claire Aubry"], Stars = ["Inès Paul"] },
        ];
        var day = new DateTime(2009, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var longBody = string.Concat(Enumerable.Repeat(
            "<p>The film takes its time, and it earns it: every scene on the rock has the weight of weather, and the three leads " +
            "play people who have learned to say little. The sound of the sea is never quite absent.</p>", 5)) +
            // A link in the folded part: Tab to it must open the text, not scroll it under the fade.
            "<p>More in <a href=\"/title/quiet-1961\">my notes on Quiet</a>.</p>";
        film.Reviews =
        [
            TestCatalog.NewReview("Patient, cold and beautiful", 41, 47, day, body: longBody, author: "brestois", rating: 9),
            TestCatalog.NewReview("What the last scene means", 12, 20, day.AddDays(40), body: "<p>The keeper's choice at the end is the point: he stays so that she can go.</p>", spoilers: true, author: "Lena M.", rating: 7),
            TestCatalog.NewReview("Too slow for me", 3, 11, day.AddDays(90), body: "<p>Beautiful to look at, but I waited an hour for something to happen.</p>", rating: 4),
        ];
        foreach (var (rating, i) in new[] { 9, 8, 8, 10, 7, 9 }.Select((r, i) => (r, i)))
        {
            film.Reviews.Add(new Review
            {
                Origin = ReviewOrigin.Site,
                Headline = $"Posted here, {rating} out of 10",
                Body = "A visitor's review.",
                BodyHtml = "<p>A visitor's review, long enough to be a review.</p>",
                Rating = rating,
                WrittenAt = day.AddDays(400 + i),
                AuthorName = i % 2 == 0 ? $"Visitor {i}" : null,
                AuthorVisitorId = Guid.NewGuid(),
            });
            film.AddVisitorRating(rating);
        }

        film.Reviews[0].AuthorPlace = "Brest, France";
        film.ReviewCount = film.Reviews.Count;
        return film;
    }
}
