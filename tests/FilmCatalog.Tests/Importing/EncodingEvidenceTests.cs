using System.Text;
using CsCheck;
using FilmCatalog.Web.Importing;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// Issue 16, item 7: one stray byte must not garble a whole file. The encoding is decided on the
/// evidence of the whole file, what is invalid is replaced and warned about with its line number,
/// and a re-import never renames a live film.
/// </summary>
public sealed class EncodingEvidenceTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static readonly string SeedText = File.ReadAllText(RepositoryPaths.Seed("000_2a1fb84a6d0c9262.txt"));

    [Fact]
    public void Seven_stray_bytes_in_a_utf8_capture_are_replaced_and_warned_about_by_line_and_the_accents_survive()
    {
        var result = TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("utf8_with_stray_bytes.txt")));

        Assert.Equal("Brûlée Sky", result.Title.Name);
        Assert.Equal(("Céleste Aubry", "Noémie"), (result.Title.Cast[0].Name, result.Title.Cast[0].Character));
        Assert.Equal("Shot on the Côte d\uFFFD Opale in eleven days.", Assert.Single(result.Title.Trivia).Text);
        var review = Assert.Single(result.Title.Reviews);
        Assert.Equal(6, review.Paragraphs[0].Count(c => c == '\uFFFD'));
        Assert.Equal((1, 2), (review.Helpful, review.Voted));
        Assert.Equal(
            [
                "9: 1 byte(s) that are not valid UTF-8 replaced by \uFFFD (the rest of the file is UTF-8)",
                "16: 6 byte(s) that are not valid UTF-8 replaced by \uFFFD (the rest of the file is UTF-8)",
            ],
            result.Warnings.Select(w => $"{w.Line}: {w.Message}"));
    }

    [Fact]
    public void Stray_bytes_anywhere_in_the_seed_leave_every_accented_name_intact()
    {
        var seed = Encoding.UTF8.GetBytes(SeedText);

        // Anywhere below the title line: a stray byte inside "(1992)" leaves no title, and the file is rightly refused.
        var belowTitle = Encoding.UTF8.GetByteCount(SeedText[..SeedText.IndexOf("(1992)", StringComparison.Ordinal)]) + 8;
        var asciiPositions = Enumerable.Range(belowTitle, seed.Length - belowTitle).Where(i => seed[i] is >= 0x20 and < 0x7F).ToArray();
        var gen = Gen.Select(Gen.Int[0, asciiPositions.Length - 1].Array[1, 7], Gen.Byte[0x80, 0xFF].Array[7]);
        gen.Sample(
            (positions, stray) =>
            {
                var bytes = seed.ToList();
                foreach (var (position, k) in positions.Distinct().OrderDescending().Select((p, k) => (p, k)))
                    bytes.Insert(asciiPositions[position], stray[k]);

                var result = TitlePageParser.Parse(bytes.ToArray());
                Assert.DoesNotContain(result.Warnings, w => w.Message.Contains("Windows-1252", StringComparison.Ordinal));
                Assert.All(result.Warnings, w => Assert.InRange(w.Line, 1, SeedText.Count(c => c == '\n') + 1));
                Assert.Contains(result.Warnings, w => w.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
                Assert.Equal(0, result.Unaccounted);

                // The accented and no-break-spaced text of the seed reads as it did without the stray bytes.
                var json = System.Text.Json.JsonSerializer.Serialize(result.Title, new System.Text.Json.JsonSerializerOptions
                {
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                });
                Assert.DoesNotContain("Ã", json, StringComparison.Ordinal);
                Assert.DoesNotContain("Â", json, StringComparison.Ordinal);
            },
            iter: 200,
            threads: 1);
    }

    [Fact]
    public void A_file_with_more_invalid_bytes_than_utf8_evidence_is_read_as_windows_1252()
    {
        // One accidental valid pair ("Ã©" is C3 A9, which UTF-8 reads as "é") among many 1252 letters.
        var text = "Ã© Le Ch\u00e2teau (1987)\n\nCast:\nH\u00e9l\u00e8ne Andr\u00e9 ...\nNo\u00ebl \u00e0 l'\u00e9t\u00e9\n";
        var result = TitlePageParser.Parse(Encoding.Latin1.GetBytes(text));
        Assert.Equal("Ã© Le Château", result.Title.Name);
        Assert.Equal(new ParsedCastMember("Hélène André", "Noël à l'été", null), Assert.Single(result.Title.Cast));
        Assert.Contains("Windows-1252", Assert.Single(result.Warnings).Message);
    }

    [Fact]
    public async Task Reimporting_a_newer_capture_with_stray_bytes_never_renames_the_live_film()
    {
        var clean = Encoding.UTF8.GetBytes(SeedText);
        Assert.Equal(ImportStatus.Imported, (await _database.ImportAsync("seed.txt", clean)).Status);

        // The same page with seven stray bytes in the review, as a newer capture might have it.
        var at = SeedText.IndexOf("Such experiences include", StringComparison.Ordinal);
        var prefix = Encoding.UTF8.GetBytes(SeedText[..at]);
        // Apart, so that no two of them happen to make a valid sequence (E9 96 85 is one).
        byte[] stray = [0x92, 0x20, 0xE9, 0x20, 0x96, 0x20, 0x85, 0x20, 0x97, 0x20, 0x93, 0x20, 0x94];
        var garbled = prefix.Concat(stray).Concat(Encoding.UTF8.GetBytes(SeedText[at..])).ToArray();

        var outcome = await _database.ImportAsync("seed-newer.txt", garbled);

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal("in-the-soup-1992", outcome.Slug);
        var line = SeedText[..at].Count(c => c == '\n') + 1;
        Assert.Contains(outcome.Warnings, w => w.Line == line && w.Message.Contains("7 byte(s)", StringComparison.Ordinal));
        await using var db = _database.NewDbContext();
        var title = await db.Titles.SingleAsync(t => !t.IsCardOnly);
        Assert.Equal(("In the Soup", "in-the-soup-1992"), (title.Name, title.Slug));
        Assert.Equal("Faut que ça danse!", (await db.Connections.SingleAsync()).OtherName);
    }
}
