using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FilmCatalog.Web.Reviews;

namespace FilmCatalog.Tests.Reviews;

public class ReviewMarkdownTests
{
    private static readonly ReviewMarkdown Markdown = Warm(new ReviewMarkdown());

    public static TheoryData<string> Payloads => new(XssCorpus.Payloads);

    [Fact]
    public void Emphasis_becomes_em_strong_and_del()
    {
        var body = Render("*tense*, **bleak** and ~~boring~~ _gripping_");

        Assert.Equal(["tense", "gripping"], body.QuerySelectorAll("em").Select(e => e.TextContent));
        Assert.Equal("bleak", body.QuerySelector("strong")?.TextContent);
        Assert.Equal("boring", body.QuerySelector("del")?.TextContent);
    }

    [Fact]
    public void Blank_lines_separate_paragraphs()
    {
        var body = Render("First thoughts.\n\nSecond thoughts.");

        Assert.Equal(["First thoughts.", "Second thoughts."], body.Children.Select(p => p.TextContent));
        Assert.All(body.Children, p => Assert.Equal("P", p.TagName));
    }

    [Fact]
    public void Lists_keep_their_items_and_numbering()
    {
        var body = Render("- score\n- cast\n\n3. third\n4. fourth");

        Assert.Equal(2, body.QuerySelectorAll("ul > li").Length);
        Assert.Equal("3", body.QuerySelector("ol")?.GetAttribute("start"));
        Assert.Equal(2, body.QuerySelectorAll("ol > li").Length);
    }

    [Fact]
    public void Quotes_and_code_are_kept()
    {
        var body = Render("> I'll be back\n\n`Ctrl+C` and\n\n```\nfade out\n```");

        Assert.Equal("I'll be back", body.QuerySelector("blockquote")?.TextContent.Trim());
        Assert.Equal("Ctrl+C", body.QuerySelector("p > code")?.TextContent);
        Assert.Equal("fade out\n", body.QuerySelector("pre > code")?.TextContent);
    }

    [Fact]
    public void A_https_link_is_kept_as_user_content_that_search_engines_do_not_follow()
    {
        var link = Assert.Single(Render("See [the trailer](https://example.com/alien \"Trailer\").").QuerySelectorAll("a"));

        Assert.Equal("https://example.com/alien", link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Equal("the trailer", link.TextContent);
        Assert.False(link.HasAttribute("target"));
        Assert.False(link.HasAttribute("title"));
    }

    [Theory]
    [InlineData("[write to me](mailto:critic@example.com)", "mailto:critic@example.com")]
    [InlineData("<critic@example.com>", "mailto:critic@example.com")]
    [InlineData("<https://example.com/a>", "https://example.com/a")]
    [InlineData("More at https://example.com/a today", "https://example.com/a")]
    [InlineData("More at www.example.com today", "http://www.example.com")]
    [InlineData("[x][ref]\n\n[ref]: http://example.com/r", "http://example.com/r")]
    [InlineData("[x](<ht\ttps://example.com/t>)", "https://example.com/t")]
    public void Mailto_autolinks_and_reference_links_are_allowed(string markdown, string href)
    {
        var link = Assert.Single(Render(markdown).QuerySelectorAll("a"));

        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
    }

    [Theory]
    [InlineData("[the text](javascript:alert(1))")]
    [InlineData("[the text](JaVaScRiPt:alert(1))")]
    [InlineData("[the text](java&#58;script:alert(1))")]
    [InlineData("[the text](&#106;avascript:alert(1))")]
    [InlineData("[the text](<jav\tascript:alert(1)>)")]
    [InlineData("[the text]( javascript:alert(1))")]
    [InlineData("[the text](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[the text](vbscript:msgbox(1))")]
    [InlineData("[the text](//evil.example)")]
    [InlineData("[the text](/titles/1)")]
    [InlineData("[the text](ftp://example.com/file)")]
    [InlineData("[the text][r]\n\n[r]: javascript:alert(1)")]
    public void A_link_to_anything_else_becomes_its_text(string markdown)
    {
        var body = Render(markdown);

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal("the text", body.TextContent.Trim());
    }

    /// <summary>A link removed before an autolink in its paragraph left the autolink unfiltered: no rel, or a dangerous one kept as a link.</summary>
    [Theory]
    [InlineData("<https://auto.example> [rel](/title/x)", "https://auto.example/", "https://auto.example rel")]
    [InlineData("<javascript:alert(2)> <https://auto.example> [rel](/title/x)", "https://auto.example/", "javascript:alert(2) https://auto.example rel")]
    [InlineData("[rel](/title/x) <https://auto.example> and *more*", "https://auto.example/", "rel https://auto.example and more")]
    public void Every_link_left_in_a_paragraph_carries_rel_whatever_was_removed_beside_it(string markdown, string href, string text)
    {
        var body = Render(markdown);

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(href, new Uri(link.GetAttribute("href")!).AbsoluteUri);
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.Equal(text, body.TextContent.Trim());
    }

    [Fact]
    public void A_dangerous_autolink_becomes_its_text()
    {
        var body = Render("<javascript:alert(1)>");

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal("javascript:alert(1)", body.TextContent.Trim());
    }

    [Theory]
    [InlineData("![Ripley in the airlock](https://example.com/still.png)", "Ripley in the airlock")]
    [InlineData("![*Nostromo* `crew`](javascript:alert(1))", "Nostromo crew")]
    [InlineData("[![poster](https://example.com/p.png)](https://example.com/alien)", "poster")]
    [InlineData("before ![](https://example.com/pixel.gif) after", "before  after")]
    public void Images_are_never_emitted_only_their_alt_text(string markdown, string text)
    {
        var body = Render(markdown);

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal(text, body.TextContent.Trim());
    }

    [Fact]
    public void Script_comes_out_as_inert_text()
    {
        var body = Render("<script>alert('xss')</script>");

        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Equal("<script>alert('xss')</script>", body.TextContent.Trim());
    }

    [Fact]
    public void Headings_become_strong_paragraphs_and_never_enter_the_page_outline()
    {
        var body = Render("# One\n\n## Two\n\n### Three\n\n###### Six\n\nVerdict\n=======\n\nAside\n-----");

        Assert.Empty(body.QuerySelectorAll("h1, h2, h3, h4, h5, h6"));
        Assert.Equal(
            ["One", "Two", "Three", "Six", "Verdict", "Aside"],
            body.QuerySelectorAll("p > strong").Select(s => s.TextContent));
    }

    [Fact]
    public void Source_longer_than_the_cap_is_truncated()
    {
        var body = Render(new string('a', ReviewMarkdown.MaxSourceLength + 500));

        Assert.Equal(ReviewMarkdown.MaxSourceLength, body.TextContent.Trim().Length);
    }

    [Fact]
    public void Truncation_does_not_split_a_surrogate_pair()
    {
        var body = Render(string.Concat(Enumerable.Repeat("🎬", ReviewMarkdown.MaxSourceLength)));

        var text = body.TextContent.Trim();
        Assert.DoesNotContain('\uFFFD', text);
        Assert.False(char.IsHighSurrogate(text[^1]));
    }

    [Fact]
    public void Input_nested_too_deeply_is_shown_as_plain_text()
    {
        var bomb = new string('>', 5000) + " <script>alert(1)</script>";

        var body = Render(bomb);

        Assert.Empty(body.QuerySelectorAll("blockquote, script"));
        Assert.Equal(bomb, body.TextContent.Trim());
    }

    [Theory]
    [InlineData("> > > - 1. *quoted* list")]
    [InlineData("[[[[[[[[[[ ten brackets *and* emphasis")]
    [InlineData("- a\n  - b\n    - c\n      - *d*")]
    [InlineData("*a _b **c __d *e _f* g_ h* i__ j** k_ l*")]
    public void Moderate_nesting_still_renders_as_markdown(string markdown)
    {
        Assert.NotNull(Render(markdown).QuerySelector("em"));
    }

    [Fact]
    public void Emphasis_nested_too_deeply_is_shown_as_its_text()
    {
        var bomb = string.Concat(Enumerable.Repeat("*a _a ", 20)) + "x" + string.Concat(Enumerable.Repeat(" a_ a*", 20));

        var body = Render(bomb);

        Assert.Empty(body.QuerySelectorAll("em, strong"));
        Assert.Equal(bomb, body.TextContent.Trim());
    }

    [Fact]
    public void A_flood_of_emphasis_delimiters_is_shown_as_its_text()
    {
        var flood = string.Concat(Enumerable.Repeat("_a*", 1000));

        var body = Render(flood);

        Assert.Empty(body.QuerySelectorAll("em, strong"));
        Assert.Equal(flood, body.TextContent.Trim());
    }

    [Fact]
    public void A_long_review_with_plenty_of_emphasis_still_renders()
    {
        var review = string.Concat(Enumerable.Repeat("A *tense* and __bleak__ scene. ", 150));

        var body = Render(review);

        Assert.Equal(150, body.QuerySelectorAll("em").Length);
        Assert.Equal(150, body.QuerySelectorAll("strong").Length);
    }

    [Theory]
    [InlineData(">")]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("* + ")]
    [InlineData("1. ")]
    [InlineData("[")]
    public void A_nesting_bomb_is_shown_as_its_text(string unit)
    {
        var bomb = string.Concat(Enumerable.Repeat(unit, 40)) + "*x*";

        var body = Render(bomb);

        Assert.Null(body.QuerySelector("em"));
        Assert.Equal(bomb.Trim(), body.TextContent.Trim());
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Markdown.ToHtml(null!));
    }

    [Fact]
    public void One_instance_renders_the_same_output_from_many_threads()
    {
        const string review = "# Verdict\n\n**Tense**, see [more](https://example.com) <script>x</script>\n\n- a\n- b";
        var expected = Markdown.ToHtml(review);

        var outputs = new string[200];
        Parallel.For(0, outputs.Length, i => outputs[i] = Markdown.ToHtml(review));

        Assert.All(outputs, output => Assert.Equal(expected, output));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Corpus_payload_renders_to_safe_html(string payload)
    {
        var html = Markdown.ToHtml(payload);

        Assert.Empty(HtmlSafety.Violations(html));
        var body = new HtmlParser().ParseDocument(html).Body!;
        Assert.Empty(body.QuerySelectorAll("[id], [class], [style], [name], [target]"));
        Assert.All(body.QuerySelectorAll("a"), a => Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel")));
    }

    /// <summary>
    /// Every payload repeated up to the length cap renders inert, to output bounded by its input, and
    /// finishes: the timeout only catches a hang (catastrophic backtracking, runaway nesting), however
    /// busy the machine. How fast rendering is belongs to the benchmark.
    /// </summary>
    [Fact]
    public async Task Every_payload_at_the_length_cap_renders_inert_to_bounded_output()
    {
        var expansions = new List<(double Ratio, string Payload)>();
        foreach (var payload in XssCorpus.Payloads.Concat(FieldPayloads.Short))
        {
            var capped = string.Concat(Enumerable.Repeat(payload + "\n", ReviewMarkdown.MaxSourceLength / (payload.Length + 1) + 1))[..ReviewMarkdown.MaxSourceLength];

            var html = await Task.Run(() => Markdown.ToHtml(capped)).WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Empty(HtmlSafety.Violations(html));
            expansions.Add(((double)html.Length / capped.Length, payload));
        }

        var (ratio, worst) = expansions.MaxBy(e => e.Ratio);
        Assert.True(ratio <= MaxExpansion, $"{ratio:F1} characters of HTML per character of Markdown for {worst[..Math.Min(60, worst.Length)]}");
    }

    /// <summary>
    /// Escaping and the links' rel attributes make HTML longer than its Markdown, by a bounded factor:
    /// the longest escape is six characters for one (<c>&amp;quot;</c>); the corpus's worst today is four (<c>&amp;lt;</c>).
    /// </summary>
    private const double MaxExpansion = 8;

    [Fact]
    public void Corpus_has_at_least_70_distinct_payloads()
    {
        Assert.True(XssCorpus.Payloads.Distinct().Count() >= 70);
        Assert.Equal(XssCorpus.Payloads.Count(), XssCorpus.Payloads.Distinct().Count());
    }

    private static IElement Render(string markdown) =>
        new HtmlParser().ParseDocument(Markdown.ToHtml(markdown)).Body!;

    // The first render pays for JIT and Markdig's start-up; the timing bound is for steady state.
    private static ReviewMarkdown Warm(ReviewMarkdown markdown)
    {
        markdown.ToHtml("# warm *up* [x](https://example.com) ![y](z) <w@example.com>");
        markdown.ToHtml(new string('>', 200));
        return markdown;
    }
}
