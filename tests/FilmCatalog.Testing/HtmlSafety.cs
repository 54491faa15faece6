using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FilmCatalog.Testing;

/// <summary>
/// The one HTML safety checker. It finds what would make HTML unsafe to show to other visitors:
/// elements that load or run something, event handler and style attributes, and URLs with a scheme
/// other than http, https or mailto.
/// </summary>
/// <remarks>
/// Two strictnesses, one set of rules. <see cref="Violations(string)"/> judges markup a visitor or a
/// seed file wrote (a review's rendered body): no image, form or media element at all, and only
/// absolute http, https or mailto URLs. <see cref="PageViolations"/> judges a whole page the site
/// served: its own forms, relative links, script file and JSON-LD block are allowed, nothing else
/// that runs. HTML is parsed the way a browser parses it (AngleSharp follows the HTML5 tree
/// builder), so entity-encoded and malformed markup is judged by what it turns into, not by its spelling.
/// </remarks>
public static class HtmlSafety
{
    /// <summary>Never on any page: they run, frame or restyle something.</summary>
    private static readonly HashSet<string> ForbiddenOnPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "iframe", "frame", "frameset", "object", "embed", "applet", "style", "base", "svg", "math", "portal",
    };

    /// <summary>Never in visitor markup either: they load, embed or submit something.</summary>
    private static readonly HashSet<string> ForbiddenInContent = new(ForbiddenOnPages, StringComparer.OrdinalIgnoreCase)
    {
        "script", "img", "image", "meta", "link", "form", "input", "button", "textarea", "select", "video", "audio",
        "source", "track", "picture", "template", "noscript", "xmp", "isindex", "marquee",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "background", "poster", "data",
        "codebase", "cite", "lowsrc", "dynsrc", "srcset", "ping",
    };

    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto",
    };

    /// <summary>Problems in markup a visitor or a seed file wrote, one line each; empty means safe.</summary>
    public static IReadOnlyList<string> Violations(string html)
    {
        ArgumentNullException.ThrowIfNull(html);

        // A document, not a fragment: <body onload> and <meta> must land somewhere we can see.
        var document = new HtmlParser().ParseDocument(html);
        var violations = new List<string>();
        foreach (var element in document.All)
        {
            if (ForbiddenInContent.Contains(element.LocalName))
                violations.Add($"<{element.LocalName}> element");
            violations.AddRange(AttributeViolations(element, url => IsAbsoluteAllowedUrl(url)));
        }

        return violations;
    }

    /// <summary>
    /// Problems in a whole page the site served: no script but the site's own file and its JSON-LD
    /// block (which must be valid JSON), no <c>meta http-equiv</c>, and the attribute rules of
    /// <see cref="Violations(string)"/> with relative URLs allowed.
    /// </summary>
    public static IReadOnlyList<string> PageViolations(IDocument page)
    {
        var violations = new List<string>();
        foreach (var element in page.All)
        {
            var tag = element.LocalName;
            if (ForbiddenOnPages.Contains(tag))
                violations.Add($"<{tag}> element");
            if (tag == "script" && !IsOwnScript(element))
                violations.Add($"<script> element: {element.OuterHtml[..Math.Min(120, element.OuterHtml.Length)]}");
            if (tag == "meta" && element.HasAttribute("http-equiv"))
                violations.Add("<meta http-equiv> element");
            violations.AddRange(AttributeViolations(element, url => SchemeOf(url) is not { } scheme || AllowedSchemes.Contains(scheme)));
        }

        return violations;
    }

    private static IEnumerable<string> AttributeViolations(IElement element, Func<string, bool> isAllowedUrl)
    {
        var tag = element.LocalName;
        foreach (var attribute in element.Attributes)
        {
            var name = attribute.Name;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                yield return $"{name} event handler on <{tag}>";
            else if (name is "style" or "srcdoc")
                yield return $"{name} attribute on <{tag}>";
            else if (UrlAttributes.Contains(name) && !isAllowedUrl(attribute.Value))
                yield return $"{name}=\"{attribute.Value}\" on <{tag}> is not an allowed URL";
        }
    }

    private static bool IsOwnScript(IElement script)
    {
        if (script.GetAttribute("type") == "application/ld+json" && !script.HasAttribute("src"))
        {
            using var _ = JsonDocument.Parse(script.TextContent);
            return true;
        }

        return script.GetAttribute("src") is { } src && src.StartsWith("/js/", StringComparison.Ordinal) && script.TextContent.Length == 0;
    }

    /// <summary>Absolute http, https or mailto, with the scheme as written: nothing (not even whitespace a browser would skip) before it.</summary>
    private static bool IsAbsoluteAllowedUrl(string value)
    {
        // Uri would accept "/path" as an absolute file URI on Linux; insist on the scheme as written.
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !AllowedSchemes.Contains(value[..colon]))
            return false;

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && AllowedSchemes.Contains(uri.Scheme)
            && (uri.Scheme == Uri.UriSchemeMailto || uri.Host.Length > 0);
    }

    /// <summary>The scheme a browser would see, after dropping the whitespace and controls it ignores; null for a relative URL.</summary>
    private static string? SchemeOf(string value)
    {
        var cleaned = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return null;
        var candidate = cleaned[..colon];
        return candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(candidate[0])
            ? candidate.ToLowerInvariant()
            : null;
    }
}
