using CsCheck;
using FilmCatalog.Web.Reviews;
using Ganss.Xss;

namespace FilmCatalog.Tests.Reviews;

/// <summary>
/// Rendering skips the sanitizer for HTML that is only paragraphs of escaped text; these tests hold
/// that shortcut to the sanitizer's own answer, including on HTML built to look almost like that.
/// </summary>
public class PlainParagraphsTests
{
    private static readonly HtmlSanitizer Sanitizer = new();

    /// <summary>Pieces that make plain paragraphs, near misses and things only the sanitizer may handle.</summary>
    private static readonly string[] Pieces =
    [
        "<p>", "</p>", "\n", " ", "text", "é", "😀", "&amp;", "&lt;", "&gt;", "&quot;", "\"", "'", "&", "&copy;", "&#60;", "<", ">",
        "<b>", "</b>", "<p class=\"x\">", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\u00A0", "\r", "\t", "\0",
        "<p", "p>", "</p", "<!-- c -->", "<a href=\"javascript:alert(1)\">", "\uD800",
    ];

    private static readonly Gen<string> Html = Gen.Int[0, Pieces.Length - 1].Array[0, 30].Select(picks => string.Concat(picks.Select(i => Pieces[i])));

    /// <summary>Well-formed paragraphs of text pieces: most take the shortcut, so the comparison is exercised.</summary>
    private static readonly Gen<string> Paragraphs = Gen.Int[3, 14].Array[0, 8].Array[1, 4]
        .Select(paragraphs => string.Concat(paragraphs.Select(p => "<p>" + string.Concat(p.Select(i => Pieces[i])) + "</p>\n")));

    [Fact]
    public void Html_taken_as_plain_paragraphs_comes_out_exactly_as_the_sanitizer_would_write_it() =>
        Gen.OneOf(Html, Paragraphs).Sample(html =>
        {
            if (ReviewMarkdown.IsPlainParagraphs(html))
                Assert.Equal(Sanitizer.Sanitize(html), ReviewMarkdown.PlainParagraphsAsSanitized(html));
        }, iter: 20_000);

    [Theory]
    [InlineData("<p>A plain review &amp; a &quot;quote&quot;.</p>\n<p>Second &lt;paragraph&gt;.</p>\n", true)]
    [InlineData("<p>Link: <a href=\"https://example.com\" rel=\"nofollow ugc noopener\">https://example.com</a></p>\n", false)]
    [InlineData("<p>&copy; 2024</p>", false)]
    [InlineData("<p>no\u00A0break</p>", false)]
    [InlineData("<p>a > b</p>", false)]
    public void Only_paragraphs_of_escaped_text_take_the_shortcut(string html, bool plain) =>
        Assert.Equal(plain, ReviewMarkdown.IsPlainParagraphs(html));
}
