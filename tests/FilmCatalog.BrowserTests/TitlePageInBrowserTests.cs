using FilmCatalog.BrowserTests.Infrastructure;
using OpenQA.Selenium;

namespace FilmCatalog.BrowserTests;

/// <summary>The seed film's title page in a real browser, on a desktop and on a phone-sized screen.</summary>
[Trait("Category", "Slow")]
public sealed class TitlePageInBrowserTests(LiveSite site, Browser browser) : IClassFixture<LiveSite>, IClassFixture<Browser>
{
    private const string TitlePath = "/title/in-the-soup-1992";

    [Theory]
    [InlineData(1280, 900, "title-1280.png")]
    [InlineData(390, 844, "title-390.png")]
    public void The_title_page_renders_without_console_errors_and_without_horizontal_scrolling(int width, int height, string screenshot)
    {
        browser.SetViewport(width, height, mobile: width < 600);
        browser.SevereConsoleEntries(); // start from an empty log
        browser.GoTo(site.Url(TitlePath));

        var h1 = browser.Driver.FindElement(By.CssSelector("main h1"));
        Assert.True(h1.Displayed, "the h1 is visible");
        Assert.Equal("In the Soup (1992)", h1.Text);
        Assert.True(h1.Size.Width <= width, $"the h1 fits the {width}px viewport");

        var scrollWidth = browser.Script<long>("return document.documentElement.scrollWidth;");
        var clientWidth = browser.Script<long>("return document.documentElement.clientWidth;");
        Assert.True(scrollWidth <= clientWidth, $"no horizontal scrolling at {width}px: scrollWidth {scrollWidth} > clientWidth {clientWidth}");

        Assert.Empty(browser.SevereConsoleEntries());
        var path = browser.SaveFullPageScreenshot(screenshot, width);
        Assert.True(new FileInfo(path).Length > 0, $"screenshot written to {path}");
    }

    [Fact]
    public void The_dark_colour_scheme_follows_the_readers_preference()
    {
        browser.SetViewport(1280, 900);
        browser.PreferColorScheme("dark");
        try
        {
            browser.GoTo(site.Url(TitlePath));

            Assert.Equal("rgb(21, 20, 18)", browser.Script<string>("return getComputedStyle(document.body).backgroundColor;"));
            Assert.Empty(browser.SevereConsoleEntries());
            browser.SaveFullPageScreenshot("title-1280-dark.png", 1280);
        }
        finally
        {
            browser.PreferColorScheme("light");
        }
    }

    [Fact]
    public void The_stylesheet_loads_and_the_skip_link_leads_to_the_main_content()
    {
        browser.SetViewport(1280, 900);
        browser.GoTo(site.Url(TitlePath));

        var background = browser.Script<string>("return getComputedStyle(document.body).backgroundColor;");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);

        browser.Driver.FindElement(By.TagName("body")).SendKeys(Keys.Tab);
        var focused = browser.Driver.SwitchTo().ActiveElement();
        Assert.Equal("Skip to content", focused.Text);
        Assert.True(focused.Displayed, "the skip link shows when focused");
        Assert.Empty(browser.SevereConsoleEntries());
    }
}
