using FilmCatalog.BrowserTests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace FilmCatalog.BrowserTests;

/// <summary>
/// Finding films in a real browser: suggestions as one types in the header's search box, chosen
/// with the keyboard (the ARIA combobox pattern); the plain form with script off; and the front,
/// search, people, genre, year and decade pages at desktop and phone widths, light and dark, checked
/// by axe-core, with screenshots.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FindingInBrowserTests : IClassFixture<LiveSite>, IClassFixture<Browser>
{
    private readonly LiveSite _site;
    private readonly Browser _browser;

    public FindingInBrowserTests(LiveSite site, Browser browser)
    {
        (_site, _browser) = (site, browser);
        site.ImportAsync(
            new TitlePageText("Trees Lounge", 1996)
            {
                Rating = 7.2,
                Votes = 9_000,
                Genres = ["Comedy", "Drama"],
                Directors = ["Steve Buscemi"],
                Stars = ["Steve Buscemi", "Carol Kane"],
                Cast = [("Steve Buscemi", "Tommy"), ("Chloe Sevigny", "Debbie"), ("Anthony LaPaglia", "Rob")],
                AlsoKnownAs = [("Trees Lounge - Die Bar, in der das Leben spielt", "Germany")],
            },
            new TitlePageText("Living in Oblivion", 1995) { Rating = 7.5, Votes = 30_000, Genres = ["Comedy", "Drama"], Directors = ["Tom DiCillo"], Cast = [("Steve Buscemi", "Nick Reve"), ("Catherine Keener", "Nicole")] },
            new TitlePageText("Amélie", 2001) { Rating = 8.3, Votes = 700_000, Genres = ["Comedy", "Romance"], AlsoKnownAs = [("Le fabuleux destin d'Amélie Poulain", "France")], Cast = [("Audrey Tautou", "Amélie Poulain")] },
            new TitlePageText("Łódź Nights", 1990) { Rating = 6.9, Votes = 1_400, Genres = ["Comedy"], Cast = [("Łukasz Nowak", "Jan")] },
            new TitlePageText("The Busker", 2008) { Rating = 6.4, Votes = 2_100, Genres = ["Comedy", "Music"], Cast = [("Busby Quinn", "The Busker")] })
            .GetAwaiter().GetResult();
    }

    private WebDriverWait Wait => _browser.Wait();

    [Fact]
    public void Typing_shows_suggestions_that_the_arrow_keys_choose_and_enter_opens()
    {
        _browser.SetViewport(1280, 900);
        _browser.SevereConsoleEntries();
        _browser.GoTo(_site.Url("/title/amelie-2001"));
        var box = _browser.Driver.FindElement(By.Id("site-search-q"));
        Assert.Equal("combobox", box.GetAttribute("role"));
        Assert.Equal("false", box.GetAttribute("aria-expanded"));

        box.SendKeys("bus");
        var list = _browser.Driver.FindElement(By.Id(box.GetAttribute("aria-controls")!));
        Wait.Until(_ => list.Displayed && list.FindElements(By.CssSelector("[role=option]")).Count > 0);
        Assert.Equal("true", box.GetAttribute("aria-expanded"));
        var options = list.FindElements(By.CssSelector("[role=option]"));
        Assert.Contains(options, o => o.Text.Contains("Steve Buscemi", StringComparison.Ordinal));
        Assert.Contains(options, o => o.Text.Contains("The Busker", StringComparison.Ordinal));
        _browser.SaveFullPageScreenshot("suggestions-1280.png", 1280);

        // Down moves to the first option and says so to assistive technology, Up wraps round to the last.
        box.SendKeys(Keys.ArrowDown);
        Assert.Equal(options[0].GetAttribute("id"), box.GetAttribute("aria-activedescendant"));
        Assert.Equal("true", options[0].GetAttribute("aria-selected"));
        box.SendKeys(Keys.ArrowUp);
        Assert.Equal(options[^1].GetAttribute("id"), box.GetAttribute("aria-activedescendant"));
        box.SendKeys(Keys.ArrowDown);

        var chosen = options[0].FindElement(By.CssSelector(".suggest-label")).Text;
        box.SendKeys(Keys.Enter);
        Wait.Until(d => d.FindElement(By.CssSelector("main h1")).Text.StartsWith(chosen, StringComparison.Ordinal));
        Assert.Empty(_browser.SevereConsoleEntries());
    }

    [Fact]
    public void Escape_closes_the_suggestions_and_enter_then_searches_for_what_was_typed()
    {
        _browser.SetViewport(1280, 900);
        _browser.GoTo(_site.Url("/genre/comedy"));
        var box = _browser.Driver.FindElement(By.Id("site-search-q"));
        box.SendKeys("lodz");
        var list = _browser.Driver.FindElement(By.Id(box.GetAttribute("aria-controls")!));
        Wait.Until(_ => list.Displayed);

        var status = _browser.Driver.FindElement(By.CssSelector(".site-search .suggest [role=status]"));
        Assert.Contains("suggestion", status.GetDomProperty("textContent"), StringComparison.Ordinal);

        box.SendKeys(Keys.Escape);
        Assert.False(list.Displayed);
        Assert.Equal("false", box.GetAttribute("aria-expanded"));
        Assert.Equal("", status.GetDomProperty("textContent")); // nothing left announcing a list that is gone

        box.SendKeys(Keys.Enter);
        Wait.Until(d => d.Url.Contains("/search?q=lodz", StringComparison.Ordinal));
        Assert.Equal("Łódź Nights", _browser.Driver.FindElement(By.CssSelector(".title-item-name a")).Text);
    }

    [Fact]
    public void With_script_off_the_search_form_still_searches()
    {
        _browser.SetViewport(1280, 900);
        _browser.Driver.ExecuteCdpCommand("Emulation.setScriptExecutionDisabled", new Dictionary<string, object?> { ["value"] = true });
        try
        {
            _browser.GoTo(_site.Url("/"));
            var box = _browser.Driver.FindElement(By.Id("front-q"));
            Assert.Null(box.GetAttribute("role"));

            box.SendKeys("fabuleux");
            box.SendKeys(Keys.Enter);

            Wait.Until(d => d.Url.Contains("/search?q=fabuleux", StringComparison.Ordinal));
            Assert.Equal("Amélie", _browser.Driver.FindElement(By.CssSelector(".title-item-name a")).Text);
            Assert.Contains("Le fabuleux destin", _browser.Driver.FindElement(By.CssSelector(".title-item-note")).Text);
        }
        finally
        {
            _browser.Driver.ExecuteCdpCommand("Emulation.setScriptExecutionDisabled", new Dictionary<string, object?> { ["value"] = false });
        }
    }

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public void With_script_off_each_search_button_keeps_its_word_on_one_line(int width)
    {
        _browser.SetViewport(width, 900, mobile: width < 600);
        _browser.Driver.ExecuteCdpCommand("Emulation.setScriptExecutionDisabled", new Dictionary<string, object?> { ["value"] = true });
        try
        {
            foreach (var (path, form) in ((string, string)[])[("/", ".search-form"), ("/search?q=bus", ".search-form"), ("/genre/comedy", ".site-search")])
            {
                _browser.GoTo(_site.Url(path));
                var button = _browser.Driver.FindElement(By.CssSelector($"{form} button[type=submit]"));
                var lines = _browser.Script<long>("""
                    const range = document.createRange();
                    range.selectNodeContents(arguments[0]);
                    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
                    """, button);
                Assert.True(lines == 1, $"{path} at {width}px: the {form} button's 'Search' takes {lines} lines");
                var input = _browser.Driver.FindElement(By.CssSelector($"{form} input[type=search]"));
                Assert.True(input.Size.Width > button.Size.Width, $"{path} at {width}px: the box is narrower than its button");
            }
        }
        finally
        {
            _browser.Driver.ExecuteCdpCommand("Emulation.setScriptExecutionDisabled", new Dictionary<string, object?> { ["value"] = false });
        }
    }

    [Theory]
    [InlineData("/", "front")]
    [InlineData("/search?q=bus", "search")]
    [InlineData("/name/steve-buscemi", "person")]
    [InlineData("/genre/comedy", "genre")]
    [InlineData("/year/1996", "year")]
    [InlineData("/decade/1990s", "decade")]
    public void The_pages_fit_a_desktop_and_a_phone_in_both_colour_schemes(string path, string name)
    {
        foreach (var scheme in (string[])["light", "dark"])
        {
            _browser.PreferColorScheme(scheme);
            try
            {
                foreach (var width in (int[])[1280, 390])
                {
                    _browser.SetViewport(width, 900, mobile: width < 600);
                    _browser.SevereConsoleEntries();
                    _browser.GoTo(_site.Url(path));

                    Assert.True(_browser.Driver.FindElement(By.CssSelector("main h1")).Displayed);
                    var scrollWidth = _browser.Script<long>("return document.documentElement.scrollWidth;");
                    var clientWidth = _browser.Script<long>("return document.documentElement.clientWidth;");
                    Assert.True(scrollWidth <= clientWidth, $"{path} scrolls sideways at {width}px ({scheme}): {scrollWidth} > {clientWidth}");
                    var violations = AxeCore.Violations(_browser);
                    Assert.True(violations.Count == 0, $"{path} at {width}px, {scheme}:\n" + string.Join("\n", violations));
                    Assert.Empty(_browser.SevereConsoleEntries());
                    _browser.SaveFullPageScreenshot($"{name}-{width}{(scheme == "dark" ? "-dark" : "")}.png", width);
                }
            }
            finally
            {
                _browser.PreferColorScheme("light");
            }
        }
    }
}
