using FilmCatalog.BrowserTests.Infrastructure;
using OpenQA.Selenium;

namespace FilmCatalog.BrowserTests;

/// <summary>
/// Every page type a visitor meets, at a desktop and a phone width, in the light and the dark scheme:
/// it fits the screen, axe-core finds no violation, the console stays clean, and a full-page
/// screenshot is left in artifacts/screenshots/ for a person to look at.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PageTypesInBrowserTests(ShowcaseSite site, Browser browser) : IClassFixture<ShowcaseSite>, IClassFixture<Browser>
{
    /// <summary>Page type (the screenshot's name) and its address.</summary>
    public static readonly IReadOnlyList<(string Name, string Path)> Pages =
    [
        ("title", $"/title/{ShowcaseSite.SeedSlug}"),
        ("title-rich", $"/title/{ShowcaseSite.RichSlug}"),
        ("title-sparse", $"/title/{ShowcaseSite.SparseSlug}"),
        ("title-card-only", $"/title/{ShowcaseSite.CardOnlySlug}"),
        ("title-series", $"/title/{ShowcaseSite.SeriesSlug}"),
        ("front", "/"),
        ("genres", "/genres"),
        ("decades", "/decades"),
        ("all-reviews", $"/title/{ShowcaseSite.RichSlug}/reviews"),
        ("review-form", $"/title/{ShowcaseSite.SeedSlug}/review"),
        ("review-form-errors", $"/title/{ShowcaseSite.SeedSlug}/review"),
        ("review-form-own", $"/title/{ShowcaseSite.OwnReviewSlug}/review"),
        ("reviews-mine", "/reviews/mine"),
        ("review-edit", OwnReview),
        ("review-edit-errors", OwnReview),
        ("vote", "/reviews/{review}/vote?helpful=yes"),
        ("report-form", "/reviews/{review}/report"),
        ("report-form-errors", "/reviews/{review}/report"),
        ("not-found", "/title/no-such-film-1900"),
        ("status-429", "/Status/429"),
        // Reached through a real fault (see FaultAsync): opened at its own address, the error page is a 404.
        ("error", "/reviews/{review}/vote"),
    ];

    /// <summary>The edit page of the browser's own review (see <see cref="OwnReviewEditPathAsync"/>).</summary>
    private const string OwnReview = "{own-review}";

    /// <summary>Every word on a poster tile that is broken across lines or runs past the name's box, as "name: word".</summary>
    private const string BrokenTileWords = """
        const broken = [];
        for (const name of document.querySelectorAll(".poster-name")) {
            const box = name.getBoundingClientRect();
            const text = name.firstChild;
            let start = 0;
            for (const word of text.textContent.split(" ")) {
                const range = document.createRange();
                range.setStart(text, start);
                range.setEnd(text, start + word.length);
                const rect = range.getBoundingClientRect();
                if (word.length > 0 && (range.getClientRects().length > 1 || rect.right > box.right + 1 || rect.left < box.left - 1))
                    broken.push(text.textContent + ": " + word);
                start += word.length + 1;
            }
        }
        return broken.join(", ");
        """;

    public static TheoryData<string, string, int, string> Views()
    {
        var views = new TheoryData<string, string, int, string>();
        foreach (var (name, path) in Pages)
        {
            foreach (var width in new[] { 1280, 390 })
            {
                foreach (var scheme in new[] { "light", "dark" })
                    views.Add(name, path, width, scheme);
            }
        }

        return views;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_page_type_fits_the_screen_passes_axe_and_is_photographed(string name, string path, int width, string scheme)
    {
        await site.ArrangeAsync();
        browser.SetViewport(width, width < 600 ? 844 : 900, mobile: width < 600);
        browser.PreferColorScheme(scheme);
        try
        {
            // The review form and "Your reviews", which list the browser's own review, and its edit page, need that review posted first.
            var ownReview = name.StartsWith("review-edit", StringComparison.Ordinal) || name is "review-form-own" or "reviews-mine" ? await OwnReviewEditPathAsync() : "";
            browser.SevereConsoleEntries(); // start from an empty log
            var url = site.Url(path
                .Replace("{review}", (await site.RichReviewIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace(OwnReview, ownReview, StringComparison.Ordinal));
            if (name == "error")
                await FaultAsync(() => browser.GoTo(url));
            else
                browser.GoTo(url);
            if (name.EndsWith("-errors", StringComparison.Ordinal))
            {
                // The edit form opens filled in and valid: emptied, it comes back with its messages.
                browser.Script<object?>("document.querySelectorAll('main form.review-form #Input_Headline, main form.review-form #Input_Body').forEach(f => f.value = '');");
                // Sent empty: the page comes back with the error summary, focused.
                browser.Driver.FindElement(By.CssSelector("main form button[type=submit]")).Click();
                browser.Wait().Until(_ => browser.Script<bool>("return document.activeElement.matches('.error-summary');"));
            }

            Assert.True(browser.Driver.FindElement(By.CssSelector("main h1")).Displayed, "the page has a visible h1");

            var scrollWidth = browser.Script<long>("return document.documentElement.scrollWidth;");
            var clientWidth = browser.Script<long>("return document.documentElement.clientWidth;");
            Assert.True(scrollWidth <= clientWidth, $"{name} scrolls sideways at {width}px: {scrollWidth} > {clientWidth}");

            var brokenWords = browser.Script<string>(BrokenTileWords);
            Assert.True(brokenWords.Length == 0, $"{name} at {width}px: words broken or cut on a poster tile: {brokenWords}");

            var violations = AxeCore.Violations(browser);
            Assert.True(violations.Count == 0, $"{name} at {width}px, {scheme}:\n" + string.Join("\n", violations));

            // A page answered with a refusal (the 404 page, the 429 page) logs its own status in the console; nothing else may.
            var own = browser.Driver.Url + " ";
            Assert.DoesNotContain(browser.SevereConsoleEntries(), e => !e.Contains("404", StringComparison.Ordinal) && !e.StartsWith(own, StringComparison.Ordinal));
            browser.SaveFullPageScreenshot($"{name}-{width}-{scheme}.png", width);
        }
        finally
        {
            browser.PreferColorScheme("light");
        }
    }

    /// <summary>Does <paramref name="action"/> while the table of reviews is gone: a real fault, which the error page answers.</summary>
    private async Task FaultAsync(Action action)
    {
        await site.Catalog.ExecuteAsync("ALTER TABLE Reviews RENAME TO Reviews_gone");
        try
        {
            action();
        }
        finally
        {
            await site.Catalog.ExecuteAsync("ALTER TABLE Reviews_gone RENAME TO Reviews");
        }
    }

    /// <summary>
    /// The address of the edit page of this browser's review of <see cref="ShowcaseSite.OwnReviewSlug"/>: found in
    /// the review form's list of the visitor's own reviews, or posted through the form the first time.
    /// </summary>
    private async Task<string> OwnReviewEditPathAsync()
    {
        await site.ArrangeAsync();
        browser.GoTo(site.Url($"/title/{ShowcaseSite.OwnReviewSlug}/review"));
        if (browser.Driver.FindElements(By.CssSelector(".own-reviews a")) is [var listed, ..])
            return new Uri(listed.GetAttribute("href")!).AbsolutePath;

        browser.Script<object?>("""
            document.getElementById('Input_Headline').value = 'Better the second time';
            document.getElementById('Input_Rating_8').checked = true;
            document.getElementById('Input_Body').value = 'A quiet film that rewards a second look: the small gestures in the first act ' +
                'come back at the end, and the last scene, which seemed abrupt at first, is the only way it could close.';
            document.getElementById('Input_DisplayName').value = 'Second look';
            """);
        browser.Driver.FindElement(By.CssSelector("main form.review-form button[type=submit]")).Click();
        var edit = browser.Wait().Until(driver => driver.FindElements(By.CssSelector("[role=status].status-message a")) is [var link, ..] ? link : null);
        return new Uri(edit.GetAttribute("href")!).AbsolutePath;
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 1100)]
    public async Task On_a_short_page_the_footer_sits_at_the_bottom_of_the_window(int width, int height)
    {
        await site.ArrangeAsync();
        browser.SetViewport(width, height, mobile: width < 600);
        browser.GoTo(site.Url($"/title/{ShowcaseSite.SparseSlug}"));

        var footerBottom = Convert.ToDouble(browser.Driver.ExecuteScript("return document.querySelector('footer.site-footer').getBoundingClientRect().bottom;"), System.Globalization.CultureInfo.InvariantCulture);
        var documentHeight = browser.Script<long>("return document.documentElement.scrollHeight;");
        Assert.True(documentHeight <= height, $"the sparse page is short enough to fit: {documentHeight} > {height}");
        Assert.True(Math.Abs(footerBottom - height) <= 1, $"the footer ends at {footerBottom}, not at the window's bottom {height}");
    }

    /// <summary>
    /// The left and right edges ("left..right") of the header's content, main's content and the footer's
    /// content; then the logo's left edge, and the search box's right edge when it shares the logo's row
    /// (on a narrower screen it takes a row of its own and starts at the left edge).
    /// </summary>
    private const string ContentEdges = """
        const edges = selector => {
            const e = document.querySelector(selector), style = getComputedStyle(e), box = e.getBoundingClientRect();
            return Math.round(box.left + parseFloat(style.paddingLeft)) + ".." + Math.round(box.right - parseFloat(style.paddingRight));
        };
        const header = edges(".site-header");
        const brand = document.querySelector(".site-header .brand").getBoundingClientRect();
        const search = document.querySelector(".site-header .site-search").getBoundingClientRect();
        const [left, right] = header.split("..");
        return [header, edges("main"), edges(".site-footer-inner"),
            Math.round(brand.left) + ".." + (search.top < brand.bottom ? Math.round(search.right) : right),
            search.top < brand.bottom ? left + ".." + right : Math.round(search.left) + ".." + right];
        """;

    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(768)]
    [InlineData(1280)]
    [InlineData(1920)]
    public async Task The_header_main_and_the_footer_line_up_on_both_edges(int width)
    {
        await site.ArrangeAsync();
        browser.SetViewport(width, 900, mobile: width < 600);
        browser.GoTo(site.Url($"/title/{ShowcaseSite.SeedSlug}"));

        var edges = ((IReadOnlyCollection<object>)browser.Driver.ExecuteScript(ContentEdges)!).Select(e => (string)e).ToList();

        Assert.True(edges.Distinct().Count() == 1,
            $"at {width}px: header {edges[0]}, main {edges[1]}, footer {edges[2]}, logo (to the search box on its row) {edges[3]}, search box on its own row {edges[4]}");
    }
}
