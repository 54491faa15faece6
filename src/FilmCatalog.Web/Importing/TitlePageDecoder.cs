using System.Text;
using System.Text.Unicode;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Turns a file's bytes into text: UTF-8 with or without a byte-order mark, UTF-16 by its mark,
/// and Windows-1252 for older captures whose bytes are not UTF-8 (decided on the whole file). Never throws anything
/// but <see cref="TitlePageFormatException"/>.
/// </summary>
internal static class TitlePageDecoder
{
    public static (string Text, List<ParseWarning> Warnings) Decode(byte[]? content)
    {
        var warnings = new List<ParseWarning>();
        if (content is null || content.Length == 0)
        {
            throw new TitlePageFormatException(1, "empty file");
        }

        var bytes = content.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (DecodeUtf8(bytes[3..], warnings), warnings);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), warnings);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), warnings);
        }

        return (DecodeUtf8(bytes, warnings), warnings);
    }

    /// <summary>
    /// Decides UTF-8 against Windows-1252 on the evidence of the whole file: the valid multi-byte
    /// UTF-8 sequences it holds against its invalid bytes (each valid one counting four times). A UTF-8 capture with a few stray bytes
    /// keeps its UTF-8 (the stray bytes become U+FFFD, each line that had one is warned about), so
    /// one bad byte cannot turn every accented name of the file into "Ã©"; a file with no valid
    /// sequence at all, or far more invalid bytes than valid sequences, is an older Windows-1252 page.
    /// </summary>
    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, List<ParseWarning> warnings)
    {
        // Nearly every file is valid: one vectorised pass, no per-byte work.
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // A valid multi-byte sequence is rare by accident in Windows-1252 text (a letter from À to ô
        // followed by exactly the right run of symbols), so even a few of them outweigh several stray bytes.
        var (valid, invalid, invalidLines) = Weigh(bytes);
        if (valid > 0 && valid * ValidSequenceWeight >= invalid)
        {
            foreach (var (line, count) in invalidLines.Take(MaxLinesNamed))
            {
                warnings.Add(new ParseWarning(line, $"{count} byte(s) that are not valid UTF-8 replaced by \uFFFD (the rest of the file is UTF-8)"));
            }

            if (invalidLines.Count > MaxLinesNamed)
            {
                warnings.Add(new ParseWarning(invalidLines[MaxLinesNamed].Line, $"invalid UTF-8 bytes on {invalidLines.Count - MaxLinesNamed} more line(s), replaced by \uFFFD"));
            }

            return Encoding.UTF8.GetString(bytes);
        }

        // Pages saved before the site moved to UTF-8 are Windows-1252; its superset of Latin-1
        // also reads curly quotes and dashes correctly.
        warnings.Add(new ParseWarning(1, $"the file is not UTF-8 ({invalid} invalid byte sequence(s), {valid} valid); read it as Windows-1252"));
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        return windows1252.GetString(bytes);
    }

    private const int ValidSequenceWeight = 4;

    /// <summary>Lines named one by one in the warnings; a file with more gets one more warning for the rest.</summary>
    private const int MaxLinesNamed = 20;

    /// <summary>Counts valid multi-byte sequences and invalid ones, and where (1-based line, count) the invalid ones are.</summary>
    private static (int Valid, int Invalid, List<(int Line, int Count)> InvalidLines) Weigh(ReadOnlySpan<byte> bytes)
    {
        var valid = 0;
        var invalid = 0;
        var lines = new List<(int Line, int Count)>();
        var line = 1;
        while (!bytes.IsEmpty)
        {
            // Skip ASCII quickly; only the bytes from the first non-ASCII one need decoding.
            var ascii = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            var run = ascii < 0 ? bytes : bytes[..ascii];
            line += run.Count((byte)'\n');
            if (ascii < 0)
            {
                break;
            }

            bytes = bytes[ascii..];
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
                if (lines.Count > 0 && lines[^1].Line == line)
                {
                    lines[^1] = (line, lines[^1].Count + 1);
                }
                else
                {
                    lines.Add((line, 1));
                }
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return (valid, invalid, lines);
    }

    /// <summary>
    /// Refuses text that is not a text file: any NUL, or more than one character in ten being a
    /// control character other than line ends and tabs.
    /// </summary>
    public static void RefuseBinary(string text)
    {
        var line = 1;
        var firstControlLine = 0;
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                continue;
            }

            if (c == '\0')
            {
                throw new TitlePageFormatException(line, "binary content, not a title page");
            }

            if (char.IsControl(c) && c is not ('\r' or '\t' or '\f' or '\v'))
            {
                controls++;
                if (firstControlLine == 0)
                {
                    firstControlLine = line;
                }
            }
        }

        if (controls > 0 && controls * 10L > text.Length)
        {
            throw new TitlePageFormatException(firstControlLine, "binary content, not a title page");
        }
    }
}
