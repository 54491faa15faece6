using System.Text;
using CsCheck;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// Whatever happens to a page (lines lost, doubled, swapped, garbage inserted, the file cut short),
/// the parser either reads it or refuses it with a <see cref="TitlePageFormatException"/>.
/// Time-bounded so the suite stays fast; CsCheck prints the seed of any failure to replay it.
/// </summary>
public class ParserPropertyTests
{
    private const int Seconds = 3;

    private static readonly string[] SeedLines =
        File.ReadAllText(RepositoryPaths.Seed("000_2a1fb84a6d0c9262.txt")).Split('\n');

    /// <summary>Lines that steer the parser into its parts, so mutations reach every branch.</summary>
    private static readonly string[] Steering =
    [
        "...", "Name ...", "... Character", "Cast:", "User Reviews", "Did You Know?", "Goofs", "Quotes", "Soundtracks",
        "Connections", "Referenced in", "Frequently Asked Questions", "Why?", "People who liked this also liked...",
        "1 2 3 4 5 6 7 8 9 10 7.2/10 X", "Director: A, B", "Stars: (as X), Y", "8/10", "*****",
        "*** This review may contain spoilers ***", "31 August 2009 | by See all my reviews", "1 of 2 people found this review helpful.",
        "3 out of 4 people found the following review useful:", "Rated R for", "Motion Picture Rating (MPAA)",
        "Release Date:", "Also Known As: (x), (y)", "Runtime: 99 h", "Certificate: :", "Budget:", "Comedy | Drama", "Plot Summary | Add Synopsis",
        "Written by", "Text. Written by ", "A (2001) - B (2002) | 93 min", "Followed by (1999)", "Featured in X (", "(as ),", "( )",
        "Title (TV 1999)", "x from y", "13 user | 21 critic", "Continuity:", "X: y", "[z]", "\u00A0»", "| | |",
    ];

    private static readonly Gen<(int Op, int At, int To, string Text)> Mutation = Gen.Select(
        Gen.Int[0, 7],
        Gen.Int[0, 1_000_000],
        Gen.Int[0, 1_000_000],
        Gen.OneOf(Gen.String, Gen.Int[0, Steering.Length - 1].Select(i => Steering[i]), Gen.Char.Array[0, 40].Select(c => new string(c))));

    [Fact]
    public void Mutated_seed_text_parses_or_is_refused_with_a_format_exception()
    {
        Mutation.Array[1, 20].Sample(mutations => AssertParsesOrRefuses(Apply(mutations)), time: Seconds, threads: 1);
    }

    [Fact]
    public void Mutated_seed_bytes_parse_or_are_refused_with_a_format_exception()
    {
        var gen = Gen.Select(Mutation.Array[0, 8], Gen.Byte.Array[0, 64], Gen.Int[0, 1_000_000], Gen.Int[0, 4]);
        gen.Sample(
            (mutations, noise, at, encoding) =>
            {
                var bytes = Encode(Apply(mutations), encoding).ToList();
                var position = bytes.Count == 0 ? 0 : at % (bytes.Count + 1);
                bytes.InsertRange(position, noise);
                var truncated = bytes.Take(bytes.Count - (at % 3 == 0 ? at % (bytes.Count + 1) : 0)).ToArray();
                AssertParsesOrRefuses(() => TitlePageParser.Parse(truncated));
            },
            time: Seconds,
            threads: 1);
    }

    [Fact]
    public void Random_strings_parse_or_are_refused_with_a_format_exception()
    {
        Gen.String.Sample(text => AssertParsesOrRefuses(text), time: 1, threads: 1);
    }

    private static string Apply((int Op, int At, int To, string Text)[] mutations)
    {
        var lines = SeedLines.ToList();
        foreach (var (op, at, to, text) in mutations)
        {
            var i = lines.Count == 0 ? 0 : at % lines.Count;
            var j = lines.Count == 0 ? 0 : to % lines.Count;
            switch (op)
            {
                case 0 when lines.Count > 0:
                    lines.RemoveAt(i);
                    break;
                case 1 when lines.Count > 0:
                    lines.Insert(j, lines[i]);
                    break;
                case 2 when lines.Count > 0:
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 3:
                    lines.Insert(i, text);
                    break;
                case 4 when lines.Count > 0:
                    lines[i] = lines[i].Insert(to % (lines[i].Length + 1), text);
                    break;
                case 5 when lines.Count > 0:
                    lines.RemoveRange(i, lines.Count - i);
                    break;
                case 6 when lines.Count > 0:
                    lines[i] = lines[i][..(to % (lines[i].Length + 1))];
                    break;
                default:
                    lines.Insert(i, "");
                    break;
            }
        }

        // Half the cases use CRLF, so line-end handling is mutated too.
        var crlf = mutations.Length > 0 && mutations[0].At % 2 == 0;
        return string.Join(crlf ? "\r\n" : "\n", lines);
    }

    private static byte[] Encode(string text, int encoding) => encoding switch
    {
        0 => Encoding.UTF8.GetBytes(text),
        1 => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        2 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        3 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        _ => Encoding.Latin1.GetBytes(text),
    };

    private static void AssertParsesOrRefuses(string text) => AssertParsesOrRefuses(() => TitlePageParser.Parse(text));

    private static void AssertParsesOrRefuses(Func<ParseResult> parse)
    {
        try
        {
            var result = parse();
            Assert.NotEmpty(result.Title.Name);
            Assert.All(result.Warnings, w => Assert.True(w.Line >= 1));
        }
        catch (TitlePageFormatException refusal)
        {
            Assert.True(refusal.Line >= 1);
        }
    }
}
