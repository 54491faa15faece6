using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FilmCatalog.Tests.Reviews;

/// <summary>
/// Finds what would make a piece of HTML unsafe to show to other visitors: elements that load
/// or run something, event handler and style attributes, and URLs that are not absolute http,
/// https or mailto.
/// </summary>
/// <remarks>
/// The HTML is parsed the way a browser parses it (AngleSharp follows the HTML5 tree builder),
/// so entity-encoded and malformed markup is judged by what it turns into, not by its spelling.
/// Use it on a review's rendered HTML or on the review section of a whole page.
/// </remarks>
public static class HtmlSafety
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "img",
        "image", "svg", "math", "meta", "base", "link", "form", "input", "button", "textarea",
        "select", "video", "audio", "source", "track", "picture", "template", "noscript", "xmp",
        "portal", "isindex", "marquee",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "background", "poster", "data",
        "codebase", "cite", "lowsrc", "dynsrc", "srcset", "ping",
    };

    private static readonly HashSet<string> ForbiddenAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "style", "srcdoc",
    };

    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto",
    };

    /// <summary>Returns one line per problem; an empty list means the HTML is safe.</summary>
    public static IReadOnlyList<string> Violations(string html)
    {
        ArgumentNullException.ThrowIfNull(html);

        // A document, not a fragment: <body onload> and <meta> must land somewhere we can see.
        var document = new HtmlParser().ParseDocument(html);
        var violations = new List<string>();
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (ForbiddenElements.Contains(tag))
            {
                violations.Add($"<{tag}> element");
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add($"{name} event handler on <{tag}>");
                }
                else if (ForbiddenAttributes.Contains(name))
                {
                    violations.Add($"{name} attribute on <{tag}>");
                }
                else if (UrlAttributes.Contains(name) && !IsAllowedUrl(attribute.Value))
                {
                    violations.Add($"{name}=\"{attribute.Value}\" on <{tag}> is not absolute http, https or mailto");
                }
            }
        }

        return violations;
    }

    private static bool IsAllowedUrl(string value)
    {
        // Uri would accept "/path" as an absolute file URI on Linux; insist on the scheme as
        // written, with nothing (not even whitespace a browser would skip) before it.
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !AllowedSchemes.Contains(value[..colon]))
        {
            return false;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && AllowedSchemes.Contains(uri.Scheme)
            && (uri.Scheme == Uri.UriSchemeMailto || uri.Host.Length > 0);
    }
}
