using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using FilmCatalog.Web.Reviews;

namespace FilmCatalog.Tests.Reviews;

/// <summary>An imported review's text is shown as exactly that text: nothing in it becomes markup.</summary>
public class PlainTextReviewTests
{
    [Theory]
    [InlineData("*not emphasis* and _not either_")]
    [InlineData("# not a heading")]
    [InlineData("1986. A good year for sequels.")]
    [InlineData("- not a list")]
    [InlineData("> not a quote")]
    [InlineData("[not](https://a.link) nor https://a.bare.link")]
    [InlineData("![not](https://an.image/x.png)")]
    [InlineData("<b>not bold</b> <script>alert(1)</script>")]
    [InlineData("&amp; stays &amp; and &copy; stays &copy;")]
    [InlineData("`not code` ~~not struck~~ a back\\slash\\")]
    [InlineData("Verdict\n===")]
    [InlineData("    not indented code")]
    [InlineData("<https://not.autolink>")]
    [InlineData("no\u00A0break, \"quoted\", it's \U0001F600")]
    public void A_plain_paragraph_shows_as_its_literal_text(string plain)
    {
        var body = Render([plain]);

        var paragraph = Assert.Single(body.Children);
        Assert.Equal("P", paragraph.TagName);
        Assert.Empty(paragraph.Children);
        Assert.Equal(Normalised(plain), paragraph.TextContent);
    }

    [Fact]
    public void Each_paragraph_is_a_p_and_the_source_keeps_them_apart_by_a_blank_line()
    {
        string[] paragraphs = ["  First thoughts,\n  on two lines. ", "", " \n ", "Second & last."];

        Assert.Equal("<p>First thoughts,\non two lines.</p>\n<p>Second &amp; last.</p>\n", PlainTextReview.ToHtml(paragraphs));
        Assert.Equal("First thoughts,\non two lines.\n\nSecond & last.", PlainTextReview.Source(paragraphs));
    }

    [Fact]
    public void Any_plain_text_shows_as_itself()
    {
        var alphabet = Gen.OneOf(
            Gen.Char["\\`*_~[]<>&;#-+=.)(!:/|{}\"' \t\n\r\u00A0"],
            Gen.Char['a', 'e'],
            Gen.Char['0', '3']);
        Gen.String[alphabet, 0, 60].Array[1, 4].Sample(paragraphs =>
        {
            var body = Render(paragraphs);
            var expected = paragraphs.Select(Normalised).Where(p => p.Length > 0).ToList();

            return body.Children.All(e => e.TagName == "P" && e.Children.Length == 0)
                && body.Children.Select(p => p.TextContent).SequenceEqual(expected);
        });
    }

    private static IElement Render(string[] paragraphs) =>
        new HtmlParser().ParseDocument(PlainTextReview.ToHtml(paragraphs)).Body!;

    /// <summary>The text a plain paragraph shows once its layout is tidied: lines trimmed, blank ones dropped.</summary>
    private static string Normalised(string plain) =>
        string.Join('\n', plain.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
