using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using FilmCatalog.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// Imports are all or nothing: a malformed seeds file is refused (catalog byte-for-byte as before) or
/// imported with warnings, never a crash, and every error or warning names FILE:LINE.
/// </summary>
public sealed partial class MalformedImportTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly ITestOutputHelper _output;

    public MalformedImportTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _database.Dispose();

    private static string SeedText => File.ReadAllText(Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt").First());

    /// <summary>Every malformed file but the 50 MB one, which has a test of its own in the slow set.</summary>
    public static TheoryData<string> Names() => [.. Corpus().Keys.Where(name => name != HugeNoise)];

    private const string HugeNoise = "noise-50mb";

    [Fact]
    [Trait("Category", "Slow")]
    public Task Fifty_megabytes_of_printable_noise_is_refused_with_the_catalog_unchanged_or_imported_with_located_warnings() =>
        A_malformed_file_is_refused_with_the_catalog_unchanged_or_imported_with_located_warnings(HugeNoise);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_malformed_file_is_refused_with_the_catalog_unchanged_or_imported_with_located_warnings(string name)
    {
        var seed = await _database.ImportAsync("seed.txt", Encoding.UTF8.GetBytes(SeedText));
        Assert.Equal(ImportStatus.Imported, seed.Status);
        var before = await _database.Catalog.DumpAsync();
        var content = Corpus()[name]();
        var file = $"bad/{name}.txt";

        var outcome = await _database.ImportAsync(file, content);

        _output.WriteLine($"{name}: {content.Length:N0} bytes, {outcome.Status}, {outcome.Warnings.Count} warnings");
        var report = outcome.ToString().Split('\n');
        foreach (var line in report.Skip(1).Concat(outcome.Status == ImportStatus.Refused ? report.Take(1) : []))
            Assert.Matches(LocatedLine(), line);
        if (outcome.Status == ImportStatus.Refused)
        {
            Assert.StartsWith($"{file}:", report[0], StringComparison.Ordinal);
            Assert.Equal(before, await _database.Catalog.DumpAsync());
        }
    }

    [Fact]
    public async Task A_missing_file_and_a_folder_of_malformed_files_import_nothing_half_way()
    {
        var folder = Directory.CreateTempSubdirectory("filmcatalog-bad-").FullName;
        try
        {
            foreach (var (name, make) in Corpus().Where(c => c.Key != HugeNoise))
                await File.WriteAllBytesAsync(Path.Combine(folder, name + ".txt"), make());
            var (importer, db) = _database.NewImporter();
            await using (db)
            {
                var outcomes = await importer.ImportAllAsync([folder, Path.Combine(folder, "missing.txt")]);
                Assert.Equal(ImportStatus.Refused, outcomes[^1].Status);
                Assert.All(outcomes.Where(o => o.Status == ImportStatus.Refused), o => Assert.Matches(LocatedLine(), o.ToString().Split('\n')[0]));
            }

            // Every title the run kept has the import record written in the same transaction.
            Assert.Equal(
                await _database.Catalog.ReadAsync(db => db.ImportRecords.Select(r => r.TitleSlug).Distinct().CountAsync()),
                await _database.Catalog.ReadAsync(db => db.Titles.CountAsync(t => !t.IsCardOnly)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^[^\n]+\.txt:[0-9]+: (error|warning): \S")]
    private static partial Regex LocatedLine();

    private static Dictionary<string, Func<byte[]>> Corpus()
    {
        var seed = SeedText;
        var lines = seed.Split('\n');
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        var random = new Random(5);
        byte[] Noise(int length, bool printable)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            if (printable)
            {
                for (var i = 0; i < bytes.Length; i++)
                    bytes[i] = (byte)(i % 97 == 96 ? '\n' : 32 + bytes[i] % 95);
            }

            return bytes;
        }

        return new()
        {
            ["empty"] = () => [],
            ["whitespace-only"] = () => Utf8(" \n\t\r\n\u00a0\n"),
            ["nul-bytes"] = () => new byte[4096],
            ["png-header"] = () => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Noise(2048, printable: false)],
            ["random-binary"] = () => Noise(64 * 1024, printable: false),
            ["gzip-of-the-seed"] = () =>
            {
                using var buffer = new MemoryStream();
                using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
                    gzip.Write(Utf8(seed));
                return buffer.ToArray();
            },
            ["truncated-mid-part"] = () => Utf8(seed[..(seed.Length / 2)]),
            ["truncated-mid-review"] = () => Utf8(seed[..(seed.IndexOf("User Reviews", StringComparison.Ordinal) + 200)]),
            ["truncated-after-title"] = () => Utf8(string.Join('\n', lines.Take(4))),
            ["no-title-line"] = () => Utf8(string.Join('\n', lines.Where(l => !Regex.IsMatch(l, @"\(\d{4}\)\s*$")))),
            ["title-line-only-a-year"] = () => Utf8("13 user 21 critic\n\n(1992)\n\nA summary.\n"),
            ["year-out-of-range"] = () => Utf8("Some Film (99999)\n\nA summary.\n"),
            ["long-line-1mb"] = () => Utf8(seed + "\n" + new string('x', 1024 * 1024) + "\n"),
            ["long-title-line"] = () => Utf8(new string('A', 200_000) + " (1999)\n\nA summary.\n"),
            ["noise-50mb"] = () => Noise(50 * 1024 * 1024, printable: true),
            ["utf16-le-bom"] = () => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(seed)).ToArray(),
            ["utf16-be-no-bom"] = () => Encoding.BigEndianUnicode.GetBytes(seed),
            ["utf32"] = () => Encoding.UTF32.GetBytes(seed),
            ["latin1"] = () => Encoding.Latin1.GetBytes(seed.Replace("ç", "\u00e7", StringComparison.Ordinal)),
            ["invalid-utf8-sequences"] = () => [.. Utf8(seed[..500]), 0xC3, 0x28, 0xE2, 0x82, 0xFF, 0xFE, .. Utf8(seed[500..])],
            ["cr-only-line-ends"] = () => Utf8(seed.Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r')),
            ["every-line-shuffled"] = () => Utf8(string.Join('\n', lines.OrderBy(_ => random.Next()))),
            ["title-repeated-10000-times"] = () => Utf8(string.Concat(Enumerable.Repeat("Some Film (1990)\n", 10_000))),
            ["control-characters-sprinkled"] = () => Utf8(string.Concat(seed.Select((c, i) => i % 50 == 0 ? "\u0001\u001b[31m" + c : c.ToString()))),
            ["html-document"] = () => Utf8("<!DOCTYPE html><html><head><title>Film (1999)</title></head><body><script>alert(1)</script></body></html>"),
            ["json-document"] = () => Utf8("{\"title\": \"Film\", \"year\": 1999, \"cast\": []}"),
            ["headings-without-content"] = () => Utf8("Some Film (1990)\n\nCast overview, first billed only:\n\nUser Reviews\n\nDid You Know?\n\nTechnical Specs\n"),
            ["review-without-end"] = () => Utf8("Some Film (1990)\n\nUser Reviews\n\nA headline\n31 August 2009 | by See all my reviews\n\n" + new string('w', 50_000)),
        };
    }
}
