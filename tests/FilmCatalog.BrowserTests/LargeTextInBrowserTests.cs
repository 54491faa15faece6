using FilmCatalog.BrowserTests.Infrastructure;
using OpenQA.Selenium;

namespace FilmCatalog.BrowserTests;

/// <summary>
/// A reader who sets the browser's text to 200% on a phone still gets every page without sideways
/// scrolling, the site's links included, and a title page's name in whole words. Screenshots are left
/// in artifacts/screenshots/ (NAME-390-large-text.png).
/// </summary>
[Trait("Category", "Slow")]
public sealed class LargeTextInBrowserTests(ShowcaseSite site, LargeTextBrowser browser) : IClassFixture<ShowcaseSite>, IClassFixture<LargeTextBrowser>
{
    /// <summary>Every word of the page's h1 that is broken across lines, as "heading: word".</summary>
    private const string BrokenHeadingWords = """
        const broken = [];
        const heading = document.querySelector("main h1");
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            for (const match of text.textContent.matchAll(/\S+/g)) {
                const range = document.createRange();
                range.setStart(text, match.index);
                range.setEnd(text, match.index + match[0].length);
                if (range.getClientRects().length > 1)
                    broken.push(heading.textContent.trim() + ": " + match[0]);
            }
        }
        return broken.join(", ");
        """;

    public static TheoryData<string, string> Pages() => new()
    {
        { "title", $"/title/{ShowcaseSite.SeedSlug}" },
        { "title-rich", $"/title/{ShowcaseSite.RichSlug}" },
        { "front", "/" },
        { "all-reviews", $"/title/{ShowcaseSite.RichSlug}/reviews" },
        { "titles", "/titles" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_phone_with_text_at_200_percent_fits_the_screen_and_keeps_the_heading_in_whole_words(string name, string path)
    {
        await site.ArrangeAsync();
        browser.SetViewport(390, 844, mobile: true);
        browser.GoTo(site.Url(path));

        Assert.Equal("32px", browser.Script<string>("return getComputedStyle(document.documentElement).fontSize;"));
        var scrollWidth = browser.Script<long>("return document.documentElement.scrollWidth;");
        var clientWidth = browser.Script<long>("return document.documentElement.clientWidth;");
        Assert.True(scrollWidth <= clientWidth, $"{name} scrolls sideways at 390px with large text: {scrollWidth} > {clientWidth}");
        foreach (var link in browser.Driver.FindElements(By.CssSelector(".site-links a")))
        {
            var right = Convert.ToDouble(browser.Driver.ExecuteScript("return arguments[0].getBoundingClientRect().right;", link), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(right <= clientWidth, $"{name}: the site link \"{link.Text}\" ends at {right}px, past the screen's {clientWidth}");
        }

        var brokenWords = browser.Script<string>(BrokenHeadingWords);
        Assert.True(brokenWords.Length == 0, $"{name}: words of the heading broken across lines: {brokenWords}");
        browser.SaveFullPageScreenshot($"{name}-390-large-text.png", 390);
    }
}
