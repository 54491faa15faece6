using System.Text;
using System.Text.RegularExpressions;
using FilmCatalog.Bench.Generator;

namespace FilmCatalog.Tests.Bench;

/// <summary>
/// Format-level checks on the benchmark's generated catalog: 20 title pages plus one page with
/// 50 reviews, written to a temporary folder.
/// </summary>
public sealed partial class GeneratorTests : IDisposable
{
    private const int Titles = 20;
    private const int Reviews = 50;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "filmcatalog-gen-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Writes_one_file_per_title_and_one_for_the_big_review_page()
    {
        var summary = Generate("a");

        var files = Directory.GetFiles(Path.Combine(_directory, "a"));
        Assert.Equal(Titles + 1, files.Length);
        Assert.Equal(Titles + 1, summary.Files);
        Assert.Equal(files.Sum(f => new FileInfo(f).Length), summary.Bytes);
        Assert.Contains(files, f => Path.GetFileName(f) == "gen_000001.txt");
        Assert.Contains(files, f => Path.GetFileName(f) == CatalogGenerator.BigReviewsFileName);
    }

    [Fact]
    public void Every_file_is_utf8_text_with_a_title_and_year_line()
    {
        Generate("a");

        foreach (var file in Directory.GetFiles(Path.Combine(_directory, "a")))
        {
            var text = StrictUtf8.GetString(File.ReadAllBytes(file));
            Assert.DoesNotContain('\0', text);
            Assert.Matches(TitleLine(), text);
        }
    }

    [Fact]
    public void Every_film_has_its_own_title()
    {
        Generate("a");

        var titles = Directory.GetFiles(Path.Combine(_directory, "a"))
            .Select(f => TitleLine().Match(ReadText(f)).Groups["name"].Value)
            .ToList();

        Assert.Equal(Titles + 1, titles.Count);
        Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(CatalogGenerator.BigReviewsName, titles);
    }

    [Fact]
    public void The_big_review_page_holds_every_review()
    {
        Generate("a");

        var lines = ReadText(Path.Combine(_directory, "a", CatalogGenerator.BigReviewsFileName)).Split('\n');

        Assert.Equal(Reviews, lines.Count(l => ReviewDateLine().IsMatch(l.TrimEnd('\r'))));
        Assert.InRange(lines.Count(l => l.Contains("found this review helpful", StringComparison.Ordinal)), 1, Reviews);
        Assert.Contains($"Review this title | See all {Reviews} user reviews\u00a0»", lines);
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes()
    {
        Generate("a");
        Generate("b");

        foreach (var file in Directory.GetFiles(Path.Combine(_directory, "a")))
        {
            var twin = Path.Combine(_directory, "b", Path.GetFileName(file));
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(twin));
        }
    }

    [Fact]
    public void A_page_built_alone_matches_its_file()
    {
        Generate("a");
        var generator = new CatalogGenerator(Titles, seed: 7);

        var page = generator.TitlePage(5);

        Assert.Equal(File.ReadAllBytes(Path.Combine(_directory, "a", CatalogGenerator.FileName(5))), Encoding.UTF8.GetBytes(page));
    }

    private GenerationSummary Generate(string folder) =>
        new CatalogGenerator(Titles, seed: 7).WriteTo(Path.Combine(_directory, folder), Reviews);

    private static string ReadText(string path) => StrictUtf8.GetString(File.ReadAllBytes(path));

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"^(?<name>[^\r\n]+)[ \u00a0]\((?<year>\d{4})\)\r?$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^\d{1,2} [A-Z][a-z]+ \d{4} \| by See all my reviews$")]
    private static partial Regex ReviewDateLine();
}
