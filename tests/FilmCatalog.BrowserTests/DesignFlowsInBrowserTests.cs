using FilmCatalog.BrowserTests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;

namespace FilmCatalog.BrowserTests;

/// <summary>The design's flows in a real browser: errors that take focus, landing on one's own review, reading more.</summary>
[Trait("Category", "Slow")]
public sealed class DesignFlowsInBrowserTests(ShowcaseSite site, Browser browser) : IClassFixture<ShowcaseSite>, IClassFixture<Browser>
{
    private WebDriverWait Wait => browser.Wait();

    [Fact]
    public void A_form_sent_with_errors_comes_back_with_the_summary_focused_and_its_links_lead_to_the_fields()
    {
        browser.SetViewport(390, 844, mobile: true);
        browser.GoTo(site.Url($"/title/{ShowcaseSite.SeedSlug}/review"));

        browser.Driver.FindElement(By.CssSelector("form.review-form button[type=submit]")).Click();

        Wait.Until(d => d.FindElements(By.CssSelector(".error-summary")).Count > 0);
        Wait.Until(_ => browser.Script<bool>("return document.activeElement.matches('.error-summary');"));
        Assert.StartsWith("Error: ", browser.Driver.Title, StringComparison.Ordinal);
        browser.SaveFullPageScreenshot("review-form-errors-390-light.png", 390);
        browser.SetViewport(390, 844, mobile: true);

        browser.Driver.FindElement(By.CssSelector(".error-summary a[href='#Input_Body']")).Click();
        Assert.Equal("Input_Body", browser.Script<string>("return document.activeElement.id;"));
    }

    [Fact]
    public async Task After_posting_the_visitor_lands_on_their_highlighted_review_with_the_confirmation_in_view()
    {
        var film = await site.Catalog.AddFilmAsync(reviews: 5);
        browser.SetViewport(390, 844, mobile: true);
        browser.GoTo(site.Url($"/title/{film.Slug}/review"));

        browser.Driver.FindElement(By.Id("Input_Headline")).SendKeys("Landing where I posted");
        browser.Driver.FindElement(By.CssSelector("label.rating-choice:nth-child(8)")).Click();
        browser.Driver.FindElement(By.Id("Input_Body")).SendKeys(string.Concat(Enumerable.Repeat("A considered sentence about this film. ", 5)));
        browser.Driver.FindElement(By.CssSelector("form.review-form button[type=submit]")).Click();

        Wait.Until(d => d.Url.Contains("#review-", StringComparison.Ordinal));
        var status = browser.Driver.FindElement(By.CssSelector("article.review-highlight [role=status].status-message"));
        Assert.Contains("your review is posted", status.Text);
        Wait.Until(_ => browser.Script<bool>("""
            const r = document.querySelector("article.review-highlight .status-message").getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
            """));
        Assert.Contains("Landing where I posted", browser.Driver.FindElement(By.CssSelector("article.review-highlight")).Text);
        browser.Script<object?>("window.scrollTo(0, 0); return null;");
        browser.SaveFullPageScreenshot("title-after-posting-390-light.png", 390);
    }

    [Fact]
    public async Task Read_more_opens_a_clamped_review_and_show_less_closes_it()
    {
        await site.ArrangeAsync();
        browser.SetViewport(1280, 900);
        browser.GoTo(site.Url($"/title/{ShowcaseSite.RichSlug}"));
        var body = browser.Driver.FindElement(By.CssSelector("article.review .clamp .clamp-body"));
        var clamped = body.Size.Height;

        browser.Driver.FindElement(By.CssSelector("article.review .clamp-more")).Click();
        Wait.Until(_ => body.Size.Height > clamped);
        Assert.Equal("Show less", browser.Driver.FindElement(By.CssSelector("article.review .clamp-more .when-open")).Text);

        browser.Driver.FindElement(By.CssSelector("article.review .clamp-more")).Click();
        Wait.Until(_ => body.Size.Height == clamped);
    }

    [Fact]
    public async Task Tab_to_a_link_in_the_folded_part_of_a_review_opens_the_text_from_its_beginning()
    {
        await site.ArrangeAsync();
        browser.SetViewport(1280, 900);
        browser.GoTo(site.Url($"/title/{ShowcaseSite.RichSlug}"));
        var body = browser.Driver.FindElement(By.CssSelector("article.review .clamp .clamp-body"));
        var link = body.FindElement(By.CssSelector("a"));
        var clamped = body.Size.Height;
        Assert.True(link.Location.Y > body.Location.Y + clamped, "the link starts folded away");

        // Focus the control before the link, then Tab as a keyboard user does.
        browser.Script<object?>("""
            const controls = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), summary")];
            controls[controls.indexOf(arguments[0]) - 1].focus();
            return null;
            """, link);
        new Actions(browser.Driver).SendKeys(Keys.Tab).Perform();

        Assert.True(browser.Script<bool>("return document.activeElement === arguments[0];", link), "Tab reached the link");
        Wait.Until(_ => body.Size.Height > clamped);
        Assert.Equal(0L, browser.Script<long>("return Math.round(arguments[0].scrollTop);", body));
        Assert.Equal("none", body.GetCssValue("mask-image"));
        Assert.True(link.Location.Y + link.Size.Height <= body.Location.Y + body.Size.Height, "the link lies inside the opened text");
    }

    [Fact]
    public async Task Printed_a_title_page_leaves_out_the_screen_controls_prints_folded_texts_whole_and_the_hero_black_on_white()
    {
        await site.ArrangeAsync();
        browser.SetViewport(1280, 900);
        browser.GoTo(site.Url($"/title/{ShowcaseSite.RichSlug}"));
        Wait.Until(_ => browser.Driver.FindElement(By.CssSelector("[data-spoiler-switch]")).Displayed);
        try
        {
            // Printed from a browser in the dark scheme: the page still prints black on white.
            browser.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?>
            {
                ["media"] = "print",
                ["features"] = new[] { new Dictionary<string, object?> { ["name"] = "prefers-color-scheme", ["value"] = "dark" } },
            });
            Wait.Until(_ => browser.Script<bool>("return matchMedia('print').matches;"));

            foreach (var control in (string[])[".site-search", "[data-spoiler-switch]", ".page-toc", ".vote-form", ".report-link", ".clamp-more", ".review-this"])
            {
                Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector(control)));
                Assert.True(browser.Driver.FindElements(By.CssSelector(control)).All(e => !e.Displayed), $"{control} is printed");
            }

            var body = browser.Driver.FindElement(By.CssSelector("article.review .clamp .clamp-body"));
            Assert.Equal(browser.Script<long>("return arguments[0].scrollHeight;", body), browser.Script<long>("return arguments[0].clientHeight;", body));
            Assert.Equal("none", body.GetCssValue("mask-image"));

            var hero = browser.Driver.FindElement(By.CssSelector(".hero"));
            Assert.Equal("none", hero.GetCssValue("box-shadow"));
            Assert.Equal("rgba(0, 0, 0, 0)", hero.GetCssValue("background-color"));
            Assert.Equal("rgba(0, 0, 0, 1)", hero.FindElement(By.CssSelector("h1")).GetCssValue("color"));
            Assert.Equal("rgba(255, 255, 255, 1)", browser.Driver.FindElement(By.CssSelector("body")).GetCssValue("background-color"));
        }
        finally
        {
            browser.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "" });
            browser.PreferColorScheme("light");
        }
    }
}

/// <summary>The page-wide spoiler switch, in a browser profile of its own (the choice is remembered in it).</summary>
[Trait("Category", "Slow")]
public sealed class SpoilerSwitchInBrowserTests(ShowcaseSite site, Browser browser) : IClassFixture<ShowcaseSite>, IClassFixture<Browser>
{
    private const string VisibleSpoilers = "return [...document.querySelectorAll('[data-spoiler]')].filter(e => e.getClientRects().length > 0).length;";

    [Fact]
    public async Task The_switch_hides_every_spoiler_on_the_page_and_the_choice_follows_the_visitor_to_the_all_reviews_page()
    {
        await site.ArrangeAsync();
        browser.SetViewport(1280, 900);
        var titlePage = site.Url($"/title/{ShowcaseSite.RichSlug}");
        browser.GoTo(titlePage);
        Assert.Equal(2, browser.Script<long>(VisibleSpoilers)); // a spoiler review and a spoiler trivia item, folded

        var toggle = browser.Driver.FindElement(By.CssSelector("[data-spoiler-switch]"));
        Assert.True(toggle.Displayed, "with script on, the switch is shown");
        toggle.Click();

        Assert.Equal("true", toggle.GetAttribute("aria-pressed"));
        Assert.Equal(0, browser.Script<long>(VisibleSpoilers));
        Assert.Contains("2 items with spoilers hidden", browser.Driver.FindElement(By.CssSelector(".spoiler-note")).Text);

        // Remembered by this browser, not by the shared page: the next pages open with spoilers hidden.
        browser.GoTo(site.Url($"/title/{ShowcaseSite.RichSlug}/reviews"));
        Assert.Equal(0, browser.Script<long>(VisibleSpoilers));
        Assert.Equal("true", browser.Driver.FindElement(By.CssSelector("[data-spoiler-switch]")).GetAttribute("aria-pressed"));

        browser.GoTo(titlePage);
        browser.Driver.FindElement(By.CssSelector("[data-spoiler-switch]")).Click();
        Assert.Equal(2, browser.Script<long>(VisibleSpoilers));
    }
}
