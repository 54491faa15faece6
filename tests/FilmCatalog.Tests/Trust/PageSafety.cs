using System.Text.Json;
using AngleSharp.Dom;

namespace FilmCatalog.Tests.Trust;

/// <summary>
/// Judges a whole page the site served: zero event-handler or style attributes, zero
/// script/iframe/object/embed/style elements other than the site's own script file and its JSON-LD
/// block (which must be valid JSON), and zero URLs with a scheme other than http, https or mailto.
/// </summary>
public static class PageSafety
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "iframe", "frame", "frameset", "object", "embed", "applet", "style", "base", "svg", "math", "portal",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "codebase", "srcset", "ping",
    };

    public static IReadOnlyList<string> Violations(IDocument page)
    {
        var violations = new List<string>();
        foreach (var element in page.All)
        {
            var tag = element.LocalName;
            if (ForbiddenElements.Contains(tag))
                violations.Add($"<{tag}> element");
            if (tag == "script" && !IsOwnScript(element))
                violations.Add($"<script> element: {element.OuterHtml[..Math.Min(120, element.OuterHtml.Length)]}");
            if (tag == "meta" && element.HasAttribute("http-equiv"))
                violations.Add("<meta http-equiv> element");

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    violations.Add($"{attribute.Name} on <{tag}>");
                else if (attribute.Name is "style" or "srcdoc")
                    violations.Add($"{attribute.Name} attribute on <{tag}>");
                else if (UrlAttributes.Contains(attribute.Name) && SchemeOf(attribute.Value) is { } scheme && scheme is not ("http" or "https" or "mailto"))
                    violations.Add($"{attribute.Name}=\"{attribute.Value}\" on <{tag}>");
            }
        }

        return violations;
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

    /// <summary>The scheme a browser would see, after dropping the whitespace and controls it ignores; null for a relative URL.</summary>
    private static string? SchemeOf(string value)
    {
        var cleaned = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return null;
        var candidate = cleaned[..colon];
        return candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(candidate[0])
            ? candidate.ToLowerInvariant()
            : null;
    }
}
