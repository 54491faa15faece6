using System.Text;

namespace FilmCatalog.Web.Reviews;

/// <summary>
/// Imported reviews are plain text, not Markdown: each paragraph is HTML-encoded straight into a
/// <c>&lt;p&gt;</c>, so nothing in it can become markup and it needs no Markdown parse and no
/// sanitizer pass (those are for what visitors write, <see cref="ReviewMarkdown"/>).
/// </summary>
/// <remarks>
/// Each line is trimmed and blank lines dropped: HTML collapses that whitespace anyway, and the
/// stored source then reads as the page showed it. Text is encoded as an HTML serializer writes a
/// text node (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and the no-break space), so a review reads
/// exactly as it was imported, whatever characters it holds.
/// </remarks>
public static class PlainTextReview
{
    /// <summary>The review's text as stored: its paragraphs, separated by a blank line.</summary>
    public static string Source(IEnumerable<string> paragraphs) => string.Join("\n\n", Paragraphs(paragraphs));

    /// <summary>One <c>&lt;p&gt;</c> per paragraph, its text encoded; a paragraph's lines stay on lines of their own.</summary>
    public static string ToHtml(IEnumerable<string> paragraphs)
    {
        var html = new StringBuilder();
        foreach (var paragraph in Paragraphs(paragraphs))
        {
            html.Append("<p>");
            foreach (var c in paragraph)
            {
                switch (c)
                {
                    case '&': html.Append("&amp;"); break;
                    case '<': html.Append("&lt;"); break;
                    case '>': html.Append("&gt;"); break;
                    case '\u00A0': html.Append("&nbsp;"); break;
                    default: html.Append(c); break;
                }
            }

            html.Append("</p>\n");
        }

        return html.ToString();
    }

    private static IEnumerable<string> Paragraphs(IEnumerable<string> paragraphs) => paragraphs
        .Select(p => string.Join('\n', p.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)))
        .Where(p => p.Length > 0);
}
