using System.Text;
using System.Text.Unicode;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Turns a file's bytes into text: UTF-8 with or without a byte-order mark, UTF-16 by its mark,
/// and Windows-1252 for older captures whose bytes are not valid UTF-8. Never throws anything
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

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, List<ParseWarning> warnings)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // Pages saved before the site moved to UTF-8 are Windows-1252; its superset of Latin-1
        // also reads curly quotes and dashes correctly.
        warnings.Add(new ParseWarning(1, "the file is not valid UTF-8; read it as Windows-1252"));
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        return windows1252.GetString(bytes);
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
