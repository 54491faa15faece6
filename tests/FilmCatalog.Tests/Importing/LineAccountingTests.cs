using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CsCheck;
using FilmCatalog.Bench.Generator;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// The importer's first promise, as an invariant: every line of a file ends up placed in the record,
/// recognised as structure or navigation, or reported as a warning with its line number. Nothing
/// is dropped in silence. Checked on every fixture, the seed, the bench generator's pages and a
/// fuzzed corpus; on the pages that are meant to be read, a line said to be placed must also have
/// its words in the record.
/// </summary>
public sealed partial class LineAccountingTests
{
    // Kinds by name: "Video Game" in a title line is kept as TitleKind.VideoGame.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> Fixtures() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_line_of_every_fixture_is_accounted_for(string fixture) =>
        AssertAccounted(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)), wordsMustBeKept: true);

    [Fact]
    public void Every_line_of_the_seed_is_accounted_for()
    {
        foreach (var seed in Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt"))
            AssertAccounted(File.ReadAllBytes(seed), wordsMustBeKept: true);
    }

    [Fact]
    public void Every_line_of_the_bench_generators_pages_is_accounted_for()
    {
        var generator = new CatalogGenerator(titleCount: 300, seed: 7);
        for (var index = 1; index <= generator.TitleCount; index++)
            AssertAccounted(Encoding.UTF8.GetBytes(generator.TitlePage(index)), wordsMustBeKept: true);
        AssertAccounted(Encoding.UTF8.GetBytes(generator.BigReviewsPage(200)), wordsMustBeKept: true);
    }

    [Fact]
    public void Every_line_of_a_fuzzed_page_is_accounted_for()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt")
            .Concat(Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt"))
            .Select(f => File.ReadAllText(f).Split('\n'))
            .ToArray();
        var generator = new CatalogGenerator(titleCount: 40, seed: 11);
        var linePool = pages.SelectMany(p => p)
            .Concat(Enumerable.Range(1, generator.TitleCount).SelectMany(i => generator.TitlePage(i).Split('\n')))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        // A page of the family, then lines dropped, moved, doubled, cut and borrowed from other pages.
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 100_000], Gen.Int[0, 100_000]);
        Gen.Select(Gen.Int[0, pages.Length - 1], mutation.Array[0, 30]).Sample(
            (page, mutations) =>
            {
                var lines = pages[page].ToList();
                foreach (var (op, a, b) in mutations)
                {
                    var i = lines.Count == 0 ? 0 : a % lines.Count;
                    switch (op)
                    {
                        case 0 when lines.Count > 1:
                            lines.RemoveAt(i);
                            break;
                        case 1 when lines.Count > 0:
                            lines.Insert(b % lines.Count, lines[i]);
                            break;
                        case 2 when lines.Count > 0:
                            (lines[i], lines[b % lines.Count]) = (lines[b % lines.Count], lines[i]);
                            break;
                        case 3 when lines.Count > 0:
                            lines[i] = lines[i][..(b % (lines[i].Length + 1))];
                            break;
                        default:
                            lines.Insert(i, linePool[b % linePool.Length]);
                            break;
                    }
                }

                byte[] bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                try
                {
                    AssertAccounted(bytes, wordsMustBeKept: false);
                }
                catch (TitlePageFormatException refused)
                {
                    Assert.InRange(refused.Line, 1, lines.Count);
                }
            },
            iter: 1500,
            threads: 1);
    }

    private static void AssertAccounted(byte[] bytes, bool wordsMustBeKept)
    {
        var result = TitlePageParser.Parse(bytes);
        var lines = PageLine.Split(TitlePageDecoder.Decode(bytes).Text);
        Assert.Equal(lines.Count, result.Fates.Count);
        Assert.Equal(0, result.Unaccounted);

        var warned = result.Warnings.Select(w => w.Line).ToHashSet();
        var record = wordsMustBeKept ? JsonSerializer.Serialize(result.Title, Json) : "";
        for (var i = 0; i < lines.Count; i++)
        {
            var fate = result.Fates[i];
            var line = lines[i];
            var where = $"line {i + 1} \"{line.Text}\"";
            switch (line.Kind)
            {
                case LineKind.Blank:
                    Assert.True(fate == LineFate.Blank, where);
                    break;
                case LineKind.Navigation:
                    Assert.True(fate == LineFate.Navigation, where);
                    break;
                default:
                    Assert.True(fate is LineFate.Placed or LineFate.Structure or LineFate.Navigation or LineFate.Warned, $"{where}: {fate}");
                    if (fate == LineFate.Warned)
                        Assert.True(warned.Contains(i + 1), $"{where} is marked warned but no warning names it");
                    if (fate == LineFate.Placed && wordsMustBeKept)
                        AssertWordsKept(line.Text, record, where);
                    break;
            }
        }
    }

    /// <summary>A placed line's words are in the record, but for the labels and phrases the shapes read values out of.</summary>
    private static void AssertWordsKept(string text, string record, string where)
    {
        foreach (Match word in Word().Matches(text))
        {
            if (!Labels.Contains(word.Value) && !record.Contains(word.Value, StringComparison.OrdinalIgnoreCase))
                Assert.Fail($"{where} is marked placed, but \"{word.Value}\" is nowhere in the record");
        }
    }

    /// <summary>Words that carry a value's meaning, not the value: "Rated", "users", month names of review dates.</summary>
    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Rated", "Ratings", "Rating", "user", "users", "critic", "critics", "from", "Metascore", "Metacritic", "Reviews", "votes",
        "people", "found", "this", "review", "helpful", "following", "useful", "contain", "spoilers", "Written", "Director", "Directors",
        "Stars", "Writers", "nominations", "This", "empty", "first", "question", "January", "February", "March", "April", "June", "July",
        "August", "September", "October", "November", "December", "Connections", "Trivia", "Goofs", "Quotes", "Soundtracks", "Taglines",
        "Genres", "Certificate", "Certification", "Country", "Language", "Release", "Date", "Also", "Known", "Filming", "Locations",
        "Budget", "Opening", "Weekend", "Gross", "Production", "Runtime", "Sound", "Color", "Aspect", "Ratio", "Plot", "Keywords",
    };

    [GeneratedRegex(@"\p{L}[\p{L}'’-]{3,}")]
    private static partial Regex Word();
}
