using System.Globalization;
using System.Text;

namespace FilmCatalog.Bench.Generator;

/// <summary>What <see cref="CatalogGenerator.WriteTo"/> wrote.</summary>
public sealed record GenerationSummary(int Files, long Bytes);

/// <summary>
/// Builds synthetic title pages in the seeds format (<c>seeds/000_*.txt</c>): same parts, same
/// line structure and blank lines, no-break spaces and <c>»</c> arrows where the seed has them.
/// About one page in six is in the 2010-2011 layout (ratings, Metascore and review counts under
/// labels, labelled did-you-know items, the helpfulness line above a review); the others carry the
/// shapes of <c>docs/FORMAT.md</c> now and then: a rating and its votes on two lines, several
/// taglines, an unsigned storyline, cast rows whose actor was lost, titles with parentheses, trivia
/// with a colon, goofs without their category, an unknown genre, a certificate of another country.
/// </summary>
/// <remarks>
/// Every page is derived from the seed and its own index only, so <see cref="TitlePage"/> rebuilds
/// any file alone and two runs with the same arguments write the same bytes. Film names are drawn
/// up front so they are unique (by slug, ignoring accents and punctuation) and so pages can name
/// each other in "also liked" cards and connections.
/// </remarks>
public sealed class CatalogGenerator
{
    public const string BigReviewsFileName = "gen_big_reviews.txt";
    public const string BigReviewsName = "Benchmark Film";
    public const int BigReviewsYear = 2000;

    private const string Nbsp = "\u00a0";
    private const string Arrow = "\u00a0»";

    private readonly int _seed;
    private readonly Film[] _films;

    public CatalogGenerator(int titleCount, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(titleCount);
        _seed = seed;
        _films = DrawFilms(titleCount, seed);
    }

    public int TitleCount => _films.Length;

    /// <summary>The name and year of film <paramref name="index"/> (1-based), as its page prints them.</summary>
    public (string Name, int Year) FilmAt(int index) => (_films[index - 1].Name, _films[index - 1].Year);

    public static string FileName(int index) => $"gen_{index:D6}.txt";

    /// <summary>The whole text of file <see cref="FileName"/>(<paramref name="index"/>), BOM included when it has one.</summary>
    public string TitlePage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _films.Length);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteTitlePage(text, index);
        return text.ToString();
    }

    /// <summary>The page of <see cref="BigReviewsName"/> carrying <paramref name="reviewCount"/> user reviews.</summary>
    public string BigReviewsPage(int reviewCount)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteBigReviewsPage(text, reviewCount);
        return text.ToString();
    }

    /// <summary>
    /// Writes <c>gen_000001.txt</c>... one per title, plus <see cref="BigReviewsFileName"/> when
    /// <paramref name="reviewCount"/> is positive. Files are UTF-8; a BOM is part of the page text.
    /// </summary>
    public GenerationSummary WriteTo(string directory, int reviewCount)
    {
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        long bytes = 0;
        for (var index = 1; index <= _films.Length; index++)
        {
            var content = utf8.GetBytes(TitlePage(index));
            File.WriteAllBytes(Path.Combine(directory, FileName(index)), content);
            bytes += content.Length;
        }

        var files = _films.Length;
        if (reviewCount > 0)
        {
            // Streamed: 100,000 reviews are ~70 MB of text.
            var path = Path.Combine(directory, BigReviewsFileName);
            using (var writer = new StreamWriter(path, append: false, utf8, bufferSize: 1 << 16))
            {
                WriteBigReviewsPage(writer, reviewCount);
            }
            bytes += new FileInfo(path).Length;
            files++;
        }
        return new GenerationSummary(files, bytes);
    }

    private void WriteTitlePage(TextWriter output, int index)
    {
        var random = new Random(Mix(_seed, index, 1));
        var newLine = random.Next(8) == 0 ? "\r\n" : "\n";
        if (random.Next(10) == 0) output.Write('\uFEFF');
        var page = new PageBuilder(this, random, output, newLine, index);
        page.Write(_films[index - 1], random.Next(1, 6), bigReviews: false);
    }

    private void WriteBigReviewsPage(TextWriter output, int reviewCount)
    {
        var random = new Random(Mix(_seed, 0, 2));
        var page = new PageBuilder(this, random, output, "\n", selfIndex: 0);
        page.Write(new Film(BigReviewsName, BigReviewsYear), reviewCount, bigReviews: true);
    }

    /// <summary>A stable per-page seed (HashCode.Combine is randomised per process, so not that).</summary>
    private static int Mix(int seed, int index, int salt)
    {
        var x = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)(uint)index << 8) ^ (ulong)salt);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) & 0x7FFFFFFF);
    }

    private static Film[] DrawFilms(int count, int seed)
    {
        var films = new Film[count];
        var taken = new HashSet<string>(StringComparer.Ordinal) { SlugKey(BigReviewsName) };
        for (var i = 0; i < count; i++)
        {
            var random = new Random(Mix(seed, i + 1, 3));
            var name = DrawName(random);
            var unique = name;
            for (var n = 2; !taken.Add(SlugKey(unique)); n++)
                unique = n <= 10 ? $"{name} {Roman[n - 2]}" : $"{name}: Part {n}";
            films[i] = new Film(unique, random.Next(1925, 2013));
        }
        return films;
    }

    /// <remarks>Short patterns collide often and then get a suffix; that is wanted, but not for most films.</remarks>
    private static string DrawName(Random r) => r.Next(12) switch
    {
        0 => $"The {Pick(r, Adjectives)} {Pick(r, Nouns)}",
        1 => $"{Pick(r, Adjectives)} {Pick(r, Nouns)}",
        2 => $"{Pick(r, Nouns)} of {Pick(r, Plurals)}",
        3 => $"The {Pick(r, Nouns)} of {Pick(r, Places)}",
        4 => $"{Pick(r, FirstNames)} and the {Pick(r, Nouns)}",
        5 => $"{Pick(r, Gerunds)} the {Pick(r, Adjectives)} {Pick(r, Nouns)}",
        6 => $"Last {Pick(r, Nouns)} in {Pick(r, Places)}",
        7 => $"{Pick(r, Verbs)}, {Pick(r, FirstNames)}, {Pick(r, Verbs)}!",
        8 => $"{Pick(r, Places)} ({Pick(r, Parentheticals)})",
        9 => $"The {Pick(r, Adjectives)} {Pick(r, Nouns)} of {Pick(r, Places)}",
        _ => $"{Pick(r, Plurals)} of the {Pick(r, Adjectives)} {Pick(r, Nouns)}",
    };

    /// <summary>The part of a name a slug keeps: lower-case letters and digits, accents dropped.</summary>
    private static string SlugKey(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && key.Length > 0 && key[^1] != '-')
                key.Append('-');
        }
        return key.ToString().TrimEnd('-');
    }

    private static T Pick<T>(Random r, T[] items) => items[r.Next(items.Length)];

    private readonly record struct Film(string Name, int Year);

    /// <summary>Writes one page, part by part, in the seed's order and with its blank lines.</summary>
    private sealed class PageBuilder(CatalogGenerator catalog, Random r, TextWriter output, string newLine, int selfIndex)
    {
        private readonly StringBuilder _text = new(1024);

        /// <summary>The 2010-2011 layout: labels in front of the ratings, counts and did-you-know items.</summary>
        private bool _older;

        public void Write(Film film, int reviewCount, bool bigReviews)
        {
            var criticCount = r.Next(0, 60);
            var userCount = reviewCount + (bigReviews ? 0 : r.Next(0, 40));
            _older = !bigReviews && r.Next(6) == 0;
            if (!_older)
            {
                Line($"{userCount} user {criticCount} critic");
                Blank();
            }
            Line($"{film.Name}{(r.Next(10) == 0 ? " " : Nbsp)}({film.Year})");
            Blank();
            var votes = r.Next(5, 90_000);
            if (_older)
            {
                Line(Inv($"{Pick(r, Ratings)} | {r.Next(72, 180)} min | {Genres(r.Next(1, 3), " | ")} | {Date(new DateOnly(film.Year, 1, 1).AddDays(r.Next(365)))} ({Pick(r, Countries)})"));
                Blank();
                Line(Inv($"Ratings: {r.Next(15, 90) / 10.0:0.0}/10 from {votes:N0} users") + (r.Next(3) == 0 ? "" : $"   Metascore: {r.Next(20, 95)}/100"));
                Line($"Reviews: {userCount} user | {criticCount} critic" + (r.Next(2) == 0 ? $" | {r.Next(1, 40)} from Metacritic.com" : ""));
                Blank();
            }
            else if (r.Next(5) == 0)
            {
                // A rating and its vote count on two lines.
                Line(Inv($"{r.Next(15, 90) / 10.0:0.0}/10"));
                Line(Inv($"{votes:N0} users"));
                Blank();
            }
            Line(Summary());
            Blank(3);
            if (r.Next(3) == 0)
            {
                Line($"(as {Person()}),");
                Blank();
            }
            Line("On Disc");
            Blank();
            Line("at Amazon");
            Blank();
            if (r.Next(4) != 0)
            {
                Line(Awards());
                Blank();
            }
            Blank();
            Line("Learn more");
            Blank();

            AlsoLiked();
            Cast();

            // A storyline whose author was not credited has no signature.
            var signature = r.Next(6) == 0 ? "" : " Written by " + (r.Next(5) == 0 ? Pick(r, LastNames).ToLowerInvariant() + r.Next(10, 99) : Person());
            Line(Paragraph(PlotSentences, 350, 900) + signature);
            Blank();
            Line("Plot Summary | Add Synopsis");
            Blank(2);
            if (r.Next(7) != 0)
            {
                // Now and then several taglines, one per line.
                for (var taglines = r.Next(4) == 0 ? r.Next(2, 4) : 1; taglines > 0; taglines--)
                    Line(Fill(Pick(r, Taglines)));
                Blank(2);
            }
            Line(Genres(r.Next(1, 4), r.Next(3) == 0 ? Nbsp + "| " : " | ") + (r.Next(20) == 0 ? " | " + Pick(r, UnknownGenres) : ""));
            Blank();
            if (r.Next(5) != 0)
            {
                Line("Motion Picture Rating (MPAA)");
                Blank();
                Line($"Rated {Pick(r, Ratings)} for {Pick(r, RatingReasons)} | See all certifications{Arrow}");
                Blank(3);
            }
            if (r.Next(8) == 0)
            {
                Line($"Certificate: {Pick(r, OtherCertificates)}");
                Blank();
            }
            Line("| | | | |");
            Blank(2);

            Details(film);
            TechnicalSpecs();
            DidYouKnow();

            Line("Frequently Asked Questions");
            Blank();
            Line("This FAQ is empty. Add the first question.");
            Blank();
            Line("User Reviews");
            Blank();
            for (var i = 0; i < reviewCount; i++)
            {
                if (i > 0) Blank();
                Review(film, bigReviews);
            }
            Line($"Review this title | See all {userCount} user reviews{Arrow}");
            Blank();
            output.Write("Contribute to This Page");
            if (r.Next(2) == 0) output.Write(newLine);
        }

        private void AlsoLiked()
        {
            var cards = r.Next(0, 7);
            if (cards == 0) return;
            var withoutGenres = r.Next(5) < 2 ? r.Next(cards) : -1;
            Line("People who liked this also liked..." + Nbsp);
            Blank();
            for (var i = 0; i < cards; i++)
            {
                var kind = r.Next(10);
                if (kind < 5 && catalog.TitleCount > 1)
                {
                    var other = OtherFilm();
                    Line($"{other.Name} ({other.Year})");
                }
                else if (kind < 7)
                {
                    var (name, year) = ExternalFilm();
                    Line($"{name} ({year})");
                }
                if (i != withoutGenres) Line(Genres(r.Next(1, 4), " | "));
                Line(Inv($"{Nbsp} {Nbsp} 1 2 3 4 5 6 7 8 9 10 {r.Next(15, 90) / 10.0:0.0}/10 X {Nbsp}"));
                Blank();
                Line(r.Next(3) == 0 ? Truncated(Paragraph(PlotSentences, 260, 400)) : Paragraph(PlotSentences, 80, 220));
                Blank();
                Line(r.Next(8) == 0 ? $"Directors: {Person()}, {Person()}" : $"Director: {Person()}");
                Line($"Stars: {Person()}, {Person()}, {Person()}");
            }
            Blank(2);
        }

        private void Cast()
        {
            Line(r.Next(4) == 0 ? Pick(r, CastHeadings) : CastHeadings[0]);
            var members = r.Next(3, 16);
            for (var i = 0; i < members; i++)
            {
                if (r.Next(12) == 0)
                {
                    // The actor's name was a lost link: a bare "..." and the character under it.
                    Line("...");
                    Line(Character());
                    continue;
                }
                var actor = Person();
                Line(actor + " ...");
                if (r.Next(7) == 0) continue;
                var character = Character();
                Line(r.Next(10) switch
                {
                    0 => character + " (uncredited)",
                    1 => $"{character} (as {actor[0]}. {actor[(actor.LastIndexOf(' ') + 1)..]})",
                    2 when i > 2 => character + " (voice)",
                    _ => character,
                });
            }
            Blank(2);
        }

        private void Details(Film film)
        {
            Line("Release Date:");
            Blank();
            var release = new DateOnly(film.Year, 1, 1).AddDays(r.Next(365));
            Line($"{Date(release)} ({Pick(r, Countries)}) {Arrow}");
            Blank();
            Line("Also Known As:");
            Blank();
            if (r.Next(5) != 0)
            {
                Line($"{Pick(r, ForeignNames)} {Arrow}");
                Blank();
            }
            Line("Filming Locations:");
            Blank();
            if (r.Next(2) == 0)
            {
                Line($"{Pick(r, Locations)} {Arrow}");
                Blank();
            }
            Blank();
            Line("Box Office");
            Blank();
            if (r.Next(3) == 0)
            {
                Line("Budget:");
                Blank();
                Line(Inv($"{Pick(r, Currencies)}{r.Next(2, 900) * 50_000:N0} (estimated)"));
                Blank();
            }
            if (r.Next(6) == 0)
            {
                Line("Opening Weekend:");
                Blank();
                Line(Inv($"${r.Next(5_000, 9_000_000):N0} (USA) ({Date(release.AddDays(r.Next(0, 5)))})"));
                Blank();
            }
            Line("Gross USA:");
            Blank();
            if (r.Next(2) == 0)
            {
                Line(Inv($"${r.Next(10_000, 200_000_000):N0}"));
                Blank();
            }
            Line("See more on IMDbPro" + Arrow);
            Blank();
            Line("Company Credits");
            Blank();
            Line("Show more on " + Arrow);
            Blank();
        }

        private void TechnicalSpecs()
        {
            Line("Technical Specs");
            Blank(2);
            if (r.Next(2) == 0)
            {
                Line("Runtime:");
                Blank();
                Line($"{r.Next(72, 180)} min");
                Blank();
            }
            Line("Sound Mix:");
            Blank();
            if (r.Next(4) == 0)
            {
                Line(Pick(r, SoundMixes));
                Blank();
            }
            if (r.Next(2) == 0)
            {
                Line("Color:");
                Blank();
                if (r.Next(2) == 0)
                {
                    Line(Pick(r, Colors));
                    Blank();
                }
            }
            Line("Aspect Ratio:");
            Blank();
            Line(Pick(r, AspectRatios));
            Line("See " + Arrow);
            Blank();
        }

        /// <summary>Items are two blank lines apart, as in the seed; their kind shows only in their shape.</summary>
        private void DidYouKnow()
        {
            Line("Did You Know?");
            Blank(2);
            var items = 0;
            void Next()
            {
                if (items++ > 0) Blank(2);
            }

            // The 2010-2011 layout labels each item ("Trivia: ..."); later captures lost the labels.
            string Label(string label) => _older ? label + ": " : "";
            for (var i = r.Next(0, 3); i > 0; i--)
            {
                Next();
                Line(Label("Trivia") + Fill(Pick(r, r.Next(4) == 0 ? ColonTrivia : TriviaTemplates)) + " See more »");
            }
            if (r.Next(4) == 0)
            {
                Next();
                Line(Label("Goofs") + (r.Next(2) == 0 ? Pick(r, GoofCategories) + ": " : "") + Fill(Pick(r, GoofTemplates)) + " See more »");
            }
            if (r.Next(5) == 0)
            {
                Next();
                var quoteLines = r.Next(1, 4);
                for (var i = 0; i < quoteLines; i++)
                    Line((i == 0 ? Label("Quotes") : "") + $"{Pick(r, FirstNames)}: {Fill(Pick(r, QuoteLines))}");
                Line("See more »");
            }
            for (var i = r.Next(0, 3); i > 0; i--)
            {
                Next();
                var (name, year) = r.Next(2) == 0 && catalog.TitleCount > 1 ? OtherFilm() : ExternalFilm();
                Line($"{Label("Connections")}{Pick(r, ConnectionKinds)} {name}{Nbsp}({year}) See more »");
            }
            var songs = r.Next(0, 3);
            for (var i = 0; i < songs; i++)
            {
                Next();
                var written = "Written by " + (r.Next(3) == 0 ? $"{Person()} and {Person()}" : Person());
                if (_older)
                {
                    Line($"Soundtracks: {Fill(Pick(r, SongTitles))} {written}");
                    continue;
                }
                Line(Fill(Pick(r, SongTitles)));
                Line(written);
                if (r.Next(2) == 0) Line("Performed by " + Person());
                if (r.Next(3) != 0) Line("Courtesy of " + Fill(Pick(r, Publishers)));
            }
            if (songs > 0) Line("See more »");
            Blank();
        }

        private void Review(Film film, bool big)
        {
            var first = new DateOnly(Math.Max(film.Year, 1998), 1, 1);
            var date = first.AddDays(r.Next(new DateOnly(2013, 6, 30).DayNumber - first.DayNumber));
            if (_older)
            {
                // The 2010-2011 layout: helpfulness above, the author (with a place) between headline and date.
                var votedAbove = r.Next(1, 60);
                Line($"{r.Next(votedAbove + 1)} out of {votedAbove} people found the following review useful:");
                Line(Fill(Pick(r, Headlines)));
                Line($"{Person()} from {Pick(r, Places)}");
                Line(Date(date));
                Blank();
                Line(Paragraph(ReviewSentences, 150, 900));
                Blank();
                return;
            }
            Line(Fill(Pick(r, Headlines)));
            Line($"{Date(date)} | by See all my reviews");
            Blank();
            if (r.Next(12) == 0)
            {
                Line("*** This review may contain spoilers ***");
                Blank();
            }
            var paragraphs = big ? r.Next(1, 3) : r.Next(1, 5);
            for (var p = 0; p < paragraphs; p++)
            {
                if (p > 0) Blank();
                Line(big ? Paragraph(ReviewSentences, 300 / paragraphs, 650 / paragraphs) : Paragraph(ReviewSentences, 150, 900));
            }
            if (r.Next(6) != 0)
            {
                Blank();
                var voted = r.Next(1, r.Next(2) == 0 ? 8 : 120);
                Line($"{r.Next(voted + 1)} of {voted} people found this review helpful.{Nbsp} Was this review helpful to you? | Report this");
            }
        }

        private string Summary() =>
            r.Next(2) == 0 ? Truncated(Paragraph(PlotSentences, 260, 420)) : Paragraph(PlotSentences, 100, 230);

        /// <summary>Cuts like the site did: at a word, then "... See full summary »".</summary>
        private static string Truncated(string paragraph)
        {
            var cut = paragraph.LastIndexOf(' ', Math.Min(paragraph.Length - 1, 235));
            return paragraph[..cut] + " ... See full summary" + Arrow;
        }

        private string Awards()
        {
            var wins = r.Next(0, 12);
            var nominations = r.Next(0, 15);
            var counts = (wins, nominations) switch
            {
                (0, 0) => "1 win",
                (0, _) => Plural(nominations, "nomination"),
                (_, 0) => Plural(wins, "win"),
                _ => $"{Plural(wins, "win")} & {Plural(nominations, "nomination")}",
            };
            var text = r.Next(6) switch
            {
                0 => $"Won {Plural(r.Next(1, 4), "Oscar")}. Another {counts}.",
                1 => $"Nominated for {Plural(r.Next(1, 3), "Golden Globe")}. Another {counts}.",
                _ => counts + ".",
            };
            return text + " See more awards" + Arrow;
        }

        private static string Inv(FormattableString text) => FormattableString.Invariant(text);

        private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

        private string Genres(int count, string separator)
        {
            var start = r.Next(GenreNames.Length);
            var genres = new string[count];
            for (var i = 0; i < count; i++) genres[i] = GenreNames[(start + i * 7) % GenreNames.Length];
            return string.Join(separator, genres);
        }

        private Film OtherFilm()
        {
            if (selfIndex == 0) return catalog._films[r.Next(catalog.TitleCount)];
            var other = r.Next(1, catalog.TitleCount);
            return catalog._films[other >= selfIndex ? other : other - 1];
        }

        /// <summary>A film outside the generated set; its year follows from its name, so it is one film wherever it is named.</summary>
        private Film ExternalFilm()
        {
            var name = r.Next(3) == 0 ? Pick(r, ForeignNames) : $"{Pick(r, LastNames)}'s {Pick(r, Nouns)}";
            var hash = 17u;
            foreach (var c in name) hash = unchecked(hash * 31 + c);
            return new Film(name, 1930 + (int)(hash % 80));
        }

        private string Person() => $"{Pick(r, FirstNames)} {Pick(r, LastNames)}";

        private string Character() => r.Next(4) switch
        {
            0 => Pick(r, FirstNames),
            1 => $"{Pick(r, FirstNames)} {Pick(r, LastNames)}",
            2 => $"{Pick(r, Titles)} {Pick(r, LastNames)}",
            _ => Pick(r, Roles),
        };

        private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

        private string Paragraph(string[] sentences, int minChars, int maxChars)
        {
            var target = r.Next(minChars, maxChars);
            _text.Clear();
            var last = -1;
            while (_text.Length < target)
            {
                if (_text.Length > 0) _text.Append(' ');
                var next = r.Next(sentences.Length - 1);
                last = next >= last && last >= 0 ? next + 1 : next;
                AppendFilled(sentences[last]);
            }
            return _text.ToString();
        }

        private string Fill(string template)
        {
            _text.Clear();
            AppendFilled(template);
            return _text.ToString();
        }

        private void AppendFilled(string template)
        {
            for (var i = 0; i < template.Length; i++)
            {
                if (template[i] != '{')
                {
                    _text.Append(template[i]);
                    continue;
                }
                var end = template.IndexOf('}', i);
                _text.Append(template.AsSpan(i + 1, end - i - 1) switch
                {
                    "F" => Pick(r, FirstNames),
                    "L" => Pick(r, LastNames),
                    "A" => Adjective(),
                    "N" => Pick(r, Nouns).ToLowerInvariant(),
                    "P" => Pick(r, Places),
                    "O" => Pick(r, Occupations),
                    "X" => Pick(r, Plurals).ToLowerInvariant(),
                    "T" => catalog.TitleCount > 1 ? OtherFilm().Name : ExternalFilm().Name,
                    "n" => r.Next(2, 11).ToString(CultureInfo.InvariantCulture),
                    var token => throw new InvalidOperationException($"unknown token {{{token}}}"),
                });
                i = end;
            }
        }

        /// <summary>A lower-case adjective, turning a preceding "a" into "an" before a vowel.</summary>
        private string Adjective()
        {
            var adjective = Pick(r, Adjectives).ToLowerInvariant();
            if ("aeiou".Contains(adjective[0]) && _text.Length >= 2 && _text[^1] == ' ' && _text[^2] == 'a' &&
                (_text.Length == 2 || _text[^3] == ' '))
                _text.Insert(_text.Length - 1, 'n');
            return adjective;
        }

        private void Line(string text)
        {
            output.Write(text);
            output.Write(newLine);
        }

        private void Blank(int count = 1)
        {
            for (var i = 0; i < count; i++) output.Write(newLine);
        }
    }

    private static readonly string[] Roman = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    /// <summary>Words a title may hold in parentheses: "Lisbon (Again)".</summary>
    private static readonly string[] Parentheticals = ["Again", "Redux", "Once More", "The Return", "Part Two", "Reprise"];

    private static readonly string[] UnknownGenres = ["Mumblecore", "Giallo", "Wuxia", "Kitchen Sink"];

    private static readonly string[] OtherCertificates = ["15", "12A", "UK:15 | Germany:12", "18", "France:U | UK:PG", "6"];

    private static readonly string[] GoofCategories = ["Continuity", "Factual errors", "Anachronisms", "Revealing mistakes"];

    /// <summary>Trivia with a colon early on: not a quote.</summary>
    private static readonly string[] ColonTrivia =
    [
        "The {N} used in the film is real: it still stands in {P}.",
        "Budget problems nearly stopped the shoot twice: {F} {L} paid the crew from his own pocket.",
    ];

    private static readonly string[] GoofTemplates =
    [
        "In the wide shot of the {N}, a crew member is visible behind the {N}.",
        "The {N} changes from one hand to the other between shots.",
        "The {N} seen in {P} wasn't invented until years after the film is set.",
    ];

    private static readonly string[] Adjectives =
    [
        "Silent", "Broken", "Crimson", "Hidden", "Last", "Lonely", "Distant", "Golden", "Quiet", "Burning",
        "Frozen", "Restless", "Secret", "Wild", "Bitter", "Electric", "Forgotten", "Endless", "Hollow", "Pale",
        "Velvet", "Savage", "Gentle", "Stolen", "Drowned", "Northern", "Midnight", "Painted", "Crooked", "Tender",
        "Iron", "Paper", "Glass", "Amber", "Little", "Long", "Strange", "Blue", "Dark", "Bright",
    ];

    private static readonly string[] Nouns =
    [
        "Harbor", "River", "Garden", "Station", "Lighthouse", "Orchard", "Hotel", "Bridge", "Lantern", "Mirror",
        "Winter", "Summer", "Carnival", "Frontier", "Kingdom", "Highway", "Island", "Cathedral", "Factory", "Theater",
        "Letter", "Promise", "Photograph", "Violin", "Compass", "Diary", "Horizon", "Tide", "Valley", "Canyon",
        "Storm", "Ballroom", "Circus", "Railroad", "Bakery", "Laundromat", "Observatory", "Greenhouse", "Quarry", "Ferry",
    ];

    private static readonly string[] Plurals =
    [
        "Shadows", "Echoes", "Strangers", "Ghosts", "Rivers", "Promises", "Thieves", "Sparrows", "Secrets", "Lanterns",
        "Wolves", "Sisters", "Brothers", "Dreams", "Tides", "Saints", "Sinners", "Kings", "Fools", "Angels",
    ];

    private static readonly string[] Gerunds =
    [
        "Chasing", "Burying", "Counting", "Finding", "Losing", "Waiting for", "Leaving", "Running from", "Saving", "Fighting",
    ];

    private static readonly string[] Verbs = ["Run", "Wait", "Dance", "Swim", "Sing", "Drive", "Jump", "Hide", "Fly", "Shoot"];

    private static readonly string[] Places =
    [
        "Marseille", "Kraków", "São Paulo", "Reykjavík", "Brooklyn", "Tangier", "Galway", "Odessa", "Montréal", "Zürich",
        "Naples", "Lisbon", "Tijuana", "Bucharest", "Memphis", "Málaga", "Trieste", "Detroit", "Vilnius", "Córdoba",
    ];

    private static readonly string[] FirstNames =
    [
        "Anna", "José", "Zoë", "Agnès", "Søren", "Björn", "Łukasz", "Renée", "Chloé", "Núria",
        "Jiří", "Ángel", "Mónica", "François", "Steve", "Catherine", "Sam", "Rosie", "Harvey", "Nico",
        "Lana", "Tom", "Carol", "Mark", "Elizabeth", "Tony", "John", "Dermot", "Will", "Stanley",
        "Jennifer", "Seymour", "Pat", "Sully", "Francesco", "Rockets", "Maria", "Pedro", "Ingrid", "Yuki",
        "Kenji", "Amara", "Dmitri", "Olga", "Hamid", "Leila", "Bruno", "Greta", "Otto", "Margit",
        "Tim", "Frank", "Louis", "Rachel", "Ruth", "Walter", "Doris", "Ray", "Lucia", "Emil",
    ];

    private static readonly string[] LastNames =
    [
        "Buscemi", "Keener", "Rockwell", "Müller", "Núñez", "O'Brien", "Kowalski", "Dvořák", "Lindqvist", "Moreau",
        "Tucci", "Cassel", "Patton", "Perez", "Keitel", "Quinn", "Turturro", "Kane", "Boyar", "Randazzo",
        "Messina", "Redglare", "Stevens", "Cherry", "Alphonso", "Beals", "Kissell", "Bracco", "Curtis", "Mulroney",
        "Nakamura", "Okafor", "Petrov", "Haddad", "García", "Schäfer", "Larsen", "Rossi", "Novak", "Szabó",
        "Fitzgerald", "Whitaker", "Delacroix", "Ferreira", "Björklund", "Ivanova", "Costa", "Brennan", "Ashby", "Holloway",
        "Marsh", "Pryce", "Vance", "Thorne", "Abernathy", "Lindgren", "Castellano", "Moya", "Barfardi", "Crane",
    ];

    private static readonly string[] Occupations =
    [
        "screenwriter", "taxi driver", "night nurse", "ferry captain", "piano teacher", "bank clerk", "private detective",
        "mechanic", "baker", "war photographer", "jazz drummer", "lighthouse keeper", "con artist", "school janitor",
        "journalist", "beekeeper", "boxer", "waitress", "translator", "priest",
    ];

    private static readonly string[] Titles = ["Detective", "Dr.", "Mrs.", "Father", "Officer", "Captain", "Sister", "Judge"];

    private static readonly string[] Roles =
    [
        "Old Man", "Himself", "Herself", "Waitress", "Bartender", "Man in Bar", "Nurse #2", "Cab Driver", "Landlord",
        "Joe's Friend", "Reporter", "Little Girl", "Security Guard", "Party Guest", "Narrator",
    ];

    private static readonly string[] CastHeadings =
        ["Cast overview, first billed only:", "Credited cast:", "Cast overview:", "Complete credited cast:"];

    private static readonly string[] GenreNames =
    [
        "Comedy", "Drama", "Romance", "Thriller", "Crime", "Mystery", "Horror", "Music", "Documentary", "Adventure",
        "Western", "War", "Family", "Fantasy", "Sci-Fi", "Biography", "History", "Animation", "Action", "Film-Noir",
    ];

    private static readonly string[] Ratings = ["R", "R", "PG-13", "PG-13", "PG", "NC-17"];

    private static readonly string[] RatingReasons =
    [
        "language", "some violence and language", "strong violence, language and brief nudity", "thematic elements",
        "drug content and some sexuality", "language throughout", "mild peril", "some crude humor",
        "disturbing images", "pervasive language, some sexual content and drug use",
    ];

    private static readonly string[] Countries =
        ["USA", "Germany", "France", "UK", "Italy", "Japan", "Spain", "Sweden", "Brazil", "Canada", "Poland", "Hungary"];

    private static readonly string[] ForeignNames =
    [
        "A levesben", "Faut que ça danse!", "Der stille Hafen", "La città perduta", "El último verano", "Mañana será otro día",
        "Die Straße der Träume", "Le fantôme du phare", "L'été meurtrier", "Il sogno di Maria", "Kärlek och döden",
        "La noche más larga", "Das Geheimnis", "Los ladrones", "Nocny pociąg", "Zimní zahrada", "A hallgatás",
        "Les étrangers", "Sombras del río", "Il faro", "Kesän jälkeen", "O barqueiro",
    ];

    private static readonly string[] Locations =
    [
        "Brooklyn, New York City, New York, USA", "Toronto, Ontario, Canada", "Budapest, Hungary",
        "Marseille, Bouches-du-Rhône, France", "Kraków, Małopolskie, Poland", "Reykjavík, Iceland",
        "Los Angeles, California, USA", "Almería, Andalucía, Spain", "Cinecittà Studios, Rome, Lazio, Italy",
        "Galway, County Galway, Ireland",
    ];

    private static readonly string[] Currencies = ["$", "$", "$", "€", "DEM ", "FRF ", "£"];

    private static readonly string[] SoundMixes = ["Dolby", "Dolby SR", "Mono", "Stereo", "DTS", "Dolby Digital"];

    private static readonly string[] Colors = ["Color", "Black and White", "Color (Technicolor)", "Color (Eastmancolor)"];

    private static readonly string[] AspectRatios = ["1.85 : 1", "2.35 : 1", "1.66 : 1", "1.37 : 1", "1.33 : 1", "2.39 : 1"];

    private static readonly string[] ConnectionKinds =
    [
        "Featured in", "Referenced in", "References", "Follows", "Followed by", "Remade as", "Remake of",
        "Spoofed in", "Spoofs", "Edited into", "Version of",
    ];

    private static readonly string[] Publishers =
    [
        "Eternal River Publishing BMI", "{L} Music (ASCAP)", "Blue Anchor Records", "{L} & {L} Ltd.",
        "Universal Music Enterprises", "Warner/Chappell Music", "{L} Songs (BMI)",
    ];

    private static readonly string[] SongTitles =
    [
        "{F} {L}", "{P} by Night", "Song for {F}", "{P} Blues", "Theme from \"{T}\"", "{X} in the Rain",
        "Goodbye, {F}", "Waltz of the {X}",
    ];

    private static readonly string[] Taglines =
    [
        "A comedy about getting in over your head.", "Some secrets never stay buried.", "One town. One night. No way back.",
        "Every {N} has a story.", "She wanted the truth. She got {P}.", "Love is a {A} thing.",
        "Nobody leaves {P} alone.", "The {X} are coming home.",
    ];

    private static readonly string[] TriviaTemplates =
    [
        "The film was shot in {n} weeks on a budget of less than ${n}00,000.",
        "Originally filmed in color, but released black and white.",
        "{F} {L} learned to play the violin for the role.",
        "The {N} seen in the final scene belonged to the director's grandmother.",
        "Most of the extras were residents of {P}, paid in meals and film stock.",
        "The working title was \"{A} {X}\".",
        "{F} {L} turned down the lead role {n} times before agreeing to a screen test.",
        "The director's mother appears as the woman at the {N}.",
    ];

    private static readonly string[] QuoteLines =
    [
        "I never said I was a good {O}. I said I was available.", "You can't take a {N} to {P}.",
        "We have {n} minutes, and you want to talk about the {N}?", "Nobody is {A} forever.",
        "Let me tell you something about {X}.",
    ];

    private static readonly string[] Headlines =
    [
        "A {A} little film", "Better than I expected", "Overrated", "{F} {L} steals the show",
        "Hopefully, This Fresh and Personal Film Holds Its Own Over Time.", "Don't believe the critics!",
        "One of the best films about {X}", "Not for everyone", "Why isn't this on DVD?", "{n}/10",
        "A {A} film with a great cast", "Slow, {A} and worth it", "What a waste of a good cast", "Pure magic",
    ];

    private static readonly string[] PlotSentences =
    [
        "{F}, a {A} {O} from {P}, spends her days looking after a {N} nobody else remembers.",
        "When a {A} stranger arrives in {P}, {F} has to decide whether the {N} is worth the risk.",
        "{F} and {F} have not spoken in years, but a letter about the old {N} brings them back together.",
        "Set against the {A} winters of {P}, the story follows a {O} who cannot stop lying.",
        "Nobody in {P} believes {F} when she says the {N} is haunted.",
        "A {A} {O} tries to win back his family after a summer of {X}.",
        "{F} {L}, a retired {O}, takes one last job that goes wrong in every possible way.",
        "What begins as a {A} weekend in {P} turns into a fight over a {N} and a secret.",
        "The {O} {F} is hired to find a missing {N}, and finds {F} instead.",
        "Years later, the {A} events of that night still divide the town.",
        "Along the way they meet a {O} with a {A} past and a plan of his own.",
        "Between double shifts and unpaid rent, {F} writes a screenplay no one wants to read.",
        "Their only hope is {F}, a {A} {O} who owes them a favor.",
        "As the {N} changes hands, each owner learns something they would rather not know.",
        "His beautiful object is the {O} next door, who's understandably preoccupied with her own life.",
    ];

    private static readonly string[] ReviewSentences =
    [
        "I saw this at a {A} little cinema in {P} and it has stayed with me ever since.",
        "{F} {L} gives a {A} performance as the {O}, and the rest of the cast keeps up.",
        "The script is {A}, sometimes too {A} for its own good.",
        "The scene with the {N} alone is worth the price of admission.",
        "I can't understand why this film is so little known.",
        "It drags in the middle, but the last twenty minutes are {A}.",
        "The photography of {P} is {A}, all grey light and long shadows.",
        "If you liked {T}, you will probably like this one too.",
        "My wife fell asleep, but I thought it was {A} from start to finish.",
        "The music by {F} {L} fits every scene.",
        "Not a masterpiece, but a {A} and honest film about {X}.",
        "Some of the dialogue is {A}, and a few jokes fall flat.",
        "I have watched it {n} times now and I still find something new.",
        "Give it a chance; it is better than the {n}/10 rating suggests.",
        "The ending is {A}, and I won't spoil it here.",
        "As an aspiring filmmaker I understand a lot more about the {O}'s vision than what is actually said.",
        "There are no airs to the dialogue, and many of the peripheral characters are there for comic effect.",
        "Whatever happened to {F} {L} after this, there is a great deal of clarity here.",
    ];
}
