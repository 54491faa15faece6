namespace FilmCatalog.Testing;

/// <summary>
/// Review texts that try to get script, loaded content or a dangerous link onto a page. Reuse it
/// wherever review text enters or leaves the site: rendering, form posts, seed files, browsers.
/// </summary>
/// <remarks>
/// Sources: the OWASP XSS filter evasion cheat sheet, Markdown-specific link tricks (entities,
/// whitespace and control characters in the scheme, reference links, titles, images), generic
/// attribute syntax from Markdig's advanced extensions, mutation XSS classics, and inputs that
/// make a parser nest deeply or run long.
/// </remarks>
public static class XssCorpus
{
    public static IEnumerable<string> Payloads { get; } =
    [
        // Script tags in every spelling.
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<script src=https://evil.example/x.js></script>",
        "<script/src=data:,alert(1)></script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr\0ipt>alert(1)</script>",
        "<script>alert(1)",

        // Elements that load or run something.
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg/onload=alert(1)//",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<math href=\"javascript:alert(1)\">click</math>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<template><script>alert(1)</script></template>",
        "<video><source onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<button formaction=\"javascript:alert(1)\">go</button>",
        "<input autofocus onfocus=alert(1)>",

        // Event handlers on harmless elements.
        "<p onmouseover=alert(1)>hover</p>",
        "<details open ontoggle=alert(1)>",
        "<marquee onstart=alert(1)>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "**<svg onload=alert(1)>**",
        "- <img src=x onerror=alert(1)>",
        "> <script>alert(1)</script>",

        // OWASP filter evasion cheat sheet classics.
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
        "<BODY ONLOAD=alert('XSS')>",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=javascript&colon;alert(1)>x</a>",

        // Attribute breakouts and entities.
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",

        // Markdown links with a dangerous or relative destination.
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#58;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](java%0ascript:alert(1))",
        "[x](<java\tscript:alert(1)>)",
        "[x](<java\nscript:alert(1)>)",
        "[x](\u0001javascript:alert(1))",
        "[x](<\u200Bjavascript:alert(1)>)",
        "[x]( javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "[x](//evil.example/x)",
        "[x](/titles/1/edit)",
        "[x](relative)",
        "[x](https:)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x]\n\n[x]: JaVaScRiPt:alert(1)",
        "[x](https://ok.example \"title\\\" onmouseover=alert(1))",
        "[x](https://ok.example \"\\\"><script>alert(1)</script>\")",
        "[x](https://ok.example/\"onmouseover=\"alert(1))",
        "[x](https://ok.example)<script>alert(1)</script>",

        // Autolinks.
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<data:text/html,alert(1)>",
        "<vbscript:msgbox(1)>",
        "<https://ok.example/\"onmouseover=\"alert(1)>",
        "https://ok.example/\"><script>alert(1)</script>",
        "www.evil.example/\"onmouseover=\"alert(1)",
        "mailto:x@evil.example?body=<script>alert(1)</script>",
        "javascript:alert(1)",

        // Images.
        "![x](javascript:alert(1))",
        "![x](https://evil.example/x.png\" onerror=\"alert(1))",
        "![x](https://evil.example/tracker.png)",
        "![x][r]\n\n[r]: https://evil.example/x.png",
        "[![x](https://evil.example/x.png)](javascript:alert(1))",
        "![<img src=x onerror=alert(1)>](https://evil.example/x.png)",

        // Markdig generic attribute syntax (only with UseGenericAttributes).
        "[x](https://ok.example){onclick=alert(1)}",
        "# Title {onclick=alert(1)}",
        "*x*{style=\"background:url(javascript:alert(1))\"}",

        // Code keeps its text inert.
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "```\" onmouseover=\"alert(1)\n<img src=x onerror=alert(1)>\n```",
        "    <script>alert(1)</script>",

        // Nesting bombs and very long input.
        new string('>', 5000),
        new string('[', 5000),
        new string('*', 5000),
        new string('`', 10_000),
        new string('<', 10_000),
        new string('>', 10_000),
        new string('~', 10_000),
        "[a](" + new string('(', 9_990),
        string.Concat(Enumerable.Repeat("*_", 2500)) + "a" + string.Concat(Enumerable.Repeat("_*", 2500)),
        string.Concat(Enumerable.Repeat("*a _a ", 400)) + "x" + string.Concat(Enumerable.Repeat(" a_ a*", 400)),
        string.Concat(Enumerable.Repeat("*a _a ", 800)) + "x" + string.Concat(Enumerable.Repeat(" a_ a*", 800)),
        string.Concat(Enumerable.Repeat("_a*", 3333)),
        string.Concat(Enumerable.Repeat("* + ", 2500)),
        string.Concat(Enumerable.Repeat("1. ", 3333)),
        string.Concat(Enumerable.Repeat("> - x\n", 1666)),
        string.Join('\n', Enumerable.Range(0, 99).Select(i => new string(' ', 2 * i) + "- x")),
        string.Concat(Enumerable.Repeat("*_[>", 1250)),
        string.Concat(Enumerable.Repeat("> - ", 2500)),
        string.Concat(Enumerable.Repeat("[a](", 2500)),
        string.Concat(Enumerable.Repeat("![", 5000)),
        string.Concat(Enumerable.Repeat("**a", 3333)),
        string.Concat(Enumerable.Repeat("[x](javascript:alert(1)) ", 1000)),
        string.Concat(Enumerable.Repeat("<img src=x onerror=alert(1)>", 1000)),
        new string('a', 50_000),
        "[x](https://ok.example/" + new string('a', 20_000) + ")",
    ];
}
