namespace FilmCatalog.Tests.Testing;

public class HtmlSafetyTests
{
    [Theory]
    [InlineData("<p>A <em>fine</em> film.</p>")]
    [InlineData("<p><a href=\"https://example.com/alien\" rel=\"nofollow ugc noopener\">Alien</a></p>")]
    [InlineData("<p><a href=\"mailto:critic@example.com\">write</a></p>")]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<blockquote><p>onload is just a word</p></blockquote>")]
    [InlineData("")]
    public void Safe_html_has_no_violations(string html)
    {
        Assert.Empty(HtmlSafety.Violations(html));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script>")]
    [InlineData("<p>ok</p><SCRIPT SRC=https://evil.example/x.js></SCRIPT>", "<script>")]
    [InlineData("<img src=\"https://example.com/x.png\">", "<img>")]
    [InlineData("<svg><circle /></svg>", "<svg>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "<iframe>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "<meta>")]
    [InlineData("<p onclick=\"alert(1)\">x</p>", "onclick")]
    [InlineData("<body onload=alert(1)>", "onload")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>", "style")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "href")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<a href=\"data:text/html,x\">x</a>", "data:")]
    [InlineData("<a href=\"/titles/1\">x</a>", "/titles/1")]
    [InlineData("<a href=\"//evil.example\">x</a>", "//evil.example")]
    [InlineData("<a href=\" https://example.com\">x</a>", "href")]
    [InlineData("<table background=\"javascript:alert(1)\"></table>", "background")]
    [InlineData("<blockquote cite=\"vbscript:x\">q</blockquote>", "cite")]
    public void Unsafe_html_is_reported(string html, string expected)
    {
        var violations = HtmlSafety.Violations(html);

        Assert.Contains(violations, v => v.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_problem_in_a_fragment_is_reported()
    {
        var violations = HtmlSafety.Violations(
            "<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\" onmouseover=\"x\">a</a>");

        // <img>, its relative src, onerror, the javascript: href and onmouseover.
        Assert.Equal(5, violations.Count);
    }
}
