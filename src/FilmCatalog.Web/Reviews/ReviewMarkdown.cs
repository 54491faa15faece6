using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FilmCatalog.Web.Reviews;

/// <summary>
/// Renders the Markdown that visitors write in reviews as HTML that is safe to put on a page.
/// </summary>
/// <remarks>
/// <para>
/// Review text is untrusted, so there are two independent lines of defence. First, Markdig runs a
/// minimal pipeline: raw HTML is disabled (tags come out as escaped text), no generic attributes
/// (<c>{onclick=...}</c>) and no advanced extensions, and the syntax tree is rewritten before
/// rendering so that only absolute http, https and mailto links survive and no image is emitted.
/// Second, the rendered HTML goes through an allow-list sanitizer that would strip anything the
/// first line let through by mistake.
/// </para>
/// <para>
/// The pipeline and the sanitizer are built once and are safe to share between threads, so
/// register this class as a singleton.
/// </para>
/// </remarks>
public sealed class ReviewMarkdown
{
    /// <summary>
    /// The longest source that is rendered (about 1,500 words). The review form validates this
    /// limit; <see cref="ToHtml"/> truncates longer input as defence in depth.
    /// </summary>
    public const int MaxSourceLength = 10_000;

    private const string LinkRel = "nofollow ugc noopener";

    // Markdig 1.x throws ArgumentException when blocks or brackets nest deeper than this; a review
    // needs a handful of levels, and deeper input is shown as plain text (see IsPathological).
    private const int MaxNestingDepth = 32;

    // Markdig matches emphasis delimiters in quadratic time: 3,000 runs of alternating '*' and '_'
    // take 300-400 ms. A long review with plenty of emphasis has a few hundred.
    private const int MaxDelimiterRuns = 1_000;

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public ReviewMarkdown()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
            .UseAutoLinks();
        builder.MaximumNestingDepth = MaxNestingDepth;
        builder.Extensions.Add(new HeadingsAsStrongParagraphs());
        _pipeline = builder.Build();

        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags = Set(
            "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
            "hr");
        // The sanitizer's attribute list is not per tag; Markdig only writes href and rel on <a>.
        // start keeps "3. Third point" numbered as written.
        options.AllowedAttributes = Set("href", "rel", "start");
        options.AllowedSchemes = Set("http", "https", "mailto");
        options.UriAttributes = Set("href");
        _sanitizer = new HtmlSanitizer(options);
    }

    /// <summary>Renders untrusted review Markdown as safe HTML.</summary>
    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var source = Truncate(markdown);

        string html;
        try
        {
            html = (IsPathological(source) ? null : Render(source)) ?? AsPlainParagraphs(source);
        }
        catch (ArgumentException)
        {
            // Markdig's own nesting limit, for shapes the pre-check does not recognise.
            html = AsPlainParagraphs(source);
        }

        return _sanitizer.Sanitize(html);
    }

    /// <summary>Renders the Markdown, or returns null when its inlines nest too deeply.</summary>
    private string? Render(string source)
    {
        var document = Markdown.Parse(source, _pipeline);

        // MaximumNestingDepth does not cover emphasis: "*_*_ ... a ... _*_*" nests without limit.
        if (document.Descendants<ContainerInline>().Any(c => Depth(c) > MaxNestingDepth))
        {
            return null;
        }

        NeutraliseImages(document);
        FilterLinks(document);
        return Markdown.ToHtml(document, _pipeline);
    }

    /// <summary>
    /// Spots input that would nest deeper than <see cref="MaxNestingDepth"/> or make Markdig slow,
    /// before Markdig sees it.
    /// </summary>
    /// <remarks>
    /// Markdig does reject over-deep blocks and brackets, but slowly: 10,000 characters of
    /// "&gt; - " or "[" take 100-300 ms to be rejected (measured with 1.6.0). Counting the container
    /// markers that open a line (quotes, bullets, numbers), unclosed brackets and emphasis
    /// delimiter runs is linear and errs on the side of plain text, which no real review comes
    /// near.
    /// </remarks>
    private static bool IsPathological(string source)
    {
        var brackets = 0;
        var delimiterRuns = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    brackets++;
                    break;
                case ']':
                    brackets = Math.Max(0, brackets - 1);
                    break;
                case '*' or '_' or '~' when i == 0 || source[i - 1] != c:
                    delimiterRuns++;
                    break;
            }

            if (brackets > MaxNestingDepth || delimiterRuns > MaxDelimiterRuns)
            {
                return true;
            }
        }

        foreach (var line in source.AsSpan().EnumerateLines())
        {
            if (LineContainerMarkers(line) > MaxNestingDepth)
            {
                return true;
            }
        }

        return false;
    }

    private static int LineContainerMarkers(ReadOnlySpan<char> line)
    {
        var markers = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t' or '>')
            {
                markers += c == '>' ? 1 : 0;
                i++;
                continue;
            }

            // A bullet or an ordered-list number must be followed by a space, a tab or the end.
            var end = i;
            if (c is '-' or '*' or '+')
            {
                end = i + 1;
            }
            else
            {
                while (end < line.Length && end - i < 9 && char.IsAsciiDigit(line[end]))
                {
                    end++;
                }

                if (end == i || end == line.Length || line[end] is not ('.' or ')'))
                {
                    break;
                }

                end++;
            }

            if (end < line.Length && line[end] is not (' ' or '\t'))
            {
                break;
            }

            markers++;
            i = end;
        }

        return markers;
    }

    private static string Truncate(string markdown)
    {
        if (markdown.Length <= MaxSourceLength)
        {
            return markdown;
        }

        var length = char.IsHighSurrogate(markdown[MaxSourceLength - 1])
            ? MaxSourceLength - 1
            : MaxSourceLength;
        return markdown[..length];
    }

    /// <summary>Replaces every image with its alt text: a review never loads anything.</summary>
    private static void NeutraliseImages(MarkdownDocument document)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            // An image nested in another image's alt text has already gone with it.
            if (image.Parent is null)
            {
                continue;
            }

            var alt = PlainText(image);
            if (alt.Length == 0)
            {
                image.Remove();
            }
            else
            {
                image.ReplaceBy(new LiteralInline(alt), copyChildren: false);
            }
        }
    }

    /// <summary>
    /// Keeps links whose URL is absolute http, https or mailto and marks them as user content;
    /// any other link is unwrapped to its text.
    /// </summary>
    private static void FilterLinks(MarkdownDocument document)
    {
        // Both kinds are found before the tree changes: after a link was unwrapped, Markdig's walk of the
        // tree no longer reached an autolink before it in the paragraph, which then kept no rel (or a dangerous
        // one stayed an <a>, its href stripped by the sanitizer only).
        var links = document.Descendants<LinkInline>().ToList();
        var autolinks = document.Descendants<AutolinkInline>().ToList();
        foreach (var link in links)
        {
            if (link.Parent is null)
            {
                continue;
            }

            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            if (SafeUrl(url) is { } safe)
            {
                link.Url = safe;
                link.GetDynamicUrl = null;
                link.Title = null;
                link.GetAttributes().AddProperty("rel", LinkRel);
            }
            else
            {
                Unwrap(link);
            }
        }

        foreach (var autolink in autolinks)
        {
            var candidate = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (SafeUrl(candidate) is { } safe)
            {
                autolink.Url = autolink.IsEmail ? safe["mailto:".Length..] : safe;
                autolink.GetAttributes().AddProperty("rel", LinkRel);
            }
            else
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
        }
    }

    /// <summary>
    /// Returns the URL to emit when it is absolute http, https or mailto, otherwise null.
    /// </summary>
    /// <remarks>
    /// The check runs on the exact string that is emitted: entities decoded, whitespace and
    /// control characters removed (browsers ignore tabs and newlines in URLs, so
    /// <c>jav&#9;ascript:</c> would otherwise slip past a prefix check). Relative and
    /// protocol-relative URLs are rejected: a review cannot know the page it is shown on.
    /// </remarks>
    private static string? SafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var decoded = WebUtility.HtmlDecode(url);
        var builder = new StringBuilder(decoded.Length);
        foreach (var c in decoded)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c)
                && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        var candidate = builder.ToString();
        var isWeb = candidate.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || candidate.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var isMail = candidate.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
        if (!isWeb && !isMail)
        {
            return null;
        }

        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || (isWeb && string.IsNullOrEmpty(uri.Host)))
        {
            return null;
        }

        return candidate;
    }

    /// <summary>Replaces a link by its children, so its text stays and the link goes.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static int Depth(Inline inline)
    {
        var depth = 0;
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            depth++;
        }

        return depth;
    }

    private static string PlainText(ContainerInline container)
    {
        var builder = new StringBuilder();
        AppendPlainText(container, builder);
        return builder.ToString().Trim();
    }

    private static void AppendPlainText(ContainerInline container, StringBuilder builder)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content);
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded);
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline nested:
                    AppendPlainText(nested, builder);
                    break;
            }
        }
    }

    private static string AsPlainParagraphs(string source)
    {
        var paragraphs = source
            .ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>");
        return string.Join('\n', paragraphs);
    }

    private static HashSet<string> Set(params string[] items) =>
        new(items, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Renders every heading as <c>&lt;p&gt;&lt;strong&gt;</c>.
    /// </summary>
    /// <remarks>
    /// The page owns the outline (the title's h1, the reviews' h2 and each review's h3). A heading
    /// of any level inside a review would still be a heading to a screen reader and in the
    /// outline, so the writer's emphasis is kept and the structure is not. Setext headings
    /// ("Verdict" underlined with ===) go through the same renderer.
    /// </remarks>
    private sealed class HeadingsAsStrongParagraphs : IMarkdownExtension
    {
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html)
            {
                html.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new StrongParagraphRenderer());
            }
        }
    }

    private sealed class StrongParagraphRenderer : HtmlObjectRenderer<HeadingBlock>
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
        {
            renderer.EnsureLine();
            renderer.Write("<p><strong>");
            renderer.WriteLeafInline(obj);
            renderer.Write("</strong></p>");
            renderer.EnsureLine();
        }
    }
}
