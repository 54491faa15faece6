using FilmCatalog.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;

namespace FilmCatalog.BrowserTests;

/// <summary>
/// With script on, a vote over the budget says why it was not counted, in place (it used to fall back to the
/// no-script confirmation page without a word), a review over the budget comes back as it was typed, and a
/// review form sent twice makes one review.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RefusedWritesInBrowserTests(RefusedWritesInBrowserTests.OneVoteSite site, Browser browser)
    : IClassFixture<RefusedWritesInBrowserTests.OneVoteSite>, IClassFixture<Browser>
{
    /// <summary>The live site with a budget of one vote per client and window.</summary>
    public sealed class OneVoteSite : LiveSite
    {
        public OneVoteSite() => Settings = new Dictionary<string, string>(Settings)
        {
            ["RateLimits:VotesPerWindow"] = "1",
            ["RateLimits:ReviewsPerWindow"] = ReviewBudget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:WindowSeconds"] = "600",
        };

        /// <summary>Room for the double-click test's one review, whichever test runs first.</summary>
        public const int ReviewBudget = 2;
    }

    [Fact]
    public async Task A_vote_over_the_budget_says_it_was_not_counted_and_when_to_vote_again_without_leaving_the_page()
    {
        var film = await site.Catalog.AddFilmAsync(reviews: 2);
        browser.SetViewport(1280, 900);
        var url = site.Url($"/title/{film.Slug}");
        browser.GoTo(url);
        browser.Script<object?>("window.__sameDocument = true; return null;");
        var wait = browser.Wait();

        var first = browser.Driver.FindElement(By.Id($"review-{film.ReviewIds[0]}"));
        first.FindElement(By.CssSelector("form.vote-form button[value=yes]")).Click();
        wait.Until(_ => first.FindElement(By.CssSelector(".vote-status")).Text.Length > 0);
        Assert.Contains("Thank you for your vote", first.FindElement(By.CssSelector(".vote-status")).Text);

        var second = browser.Driver.FindElement(By.Id($"review-{film.ReviewIds[1]}"));
        second.FindElement(By.CssSelector("form.vote-form button[value=yes]")).Click();
        wait.Until(_ => second.FindElement(By.CssSelector(".vote-status")).Text.Length > 0);

        Assert.Matches("^Your vote was not counted: you have voted too often. You can vote again in (9|10) minutes.$", second.FindElement(By.CssSelector(".vote-status")).Text);
        Assert.Equal("No one has rated this review's helpfulness yet.", second.FindElement(By.CssSelector(".helpful-count")).Text);
        Assert.Equal("false", second.FindElement(By.CssSelector("form.vote-form button[value=yes]")).GetAttribute("aria-pressed"));
        Assert.True(second.FindElement(By.CssSelector("form.vote-form button[value=yes]")).Enabled, "the buttons stay usable");
        Assert.True(browser.Script<bool>("return window.__sameDocument === true;"), "the page was left for the confirmation page");
        Assert.Equal(url.ToString(), browser.Driver.Url);
        browser.SaveFullPageScreenshot("vote-over-budget-1280.png", 1280);
    }

    /// <summary>QA: the review over the budget was answered with the generic 429 page, and what the visitor typed was gone.</summary>
    [Fact]
    public async Task A_review_over_the_budget_comes_back_as_typed_with_the_reason_in_focus()
    {
        var film = await site.Catalog.AddFilmAsync(reviews: 0);
        browser.SetViewport(1280, 900);
        var body = string.Concat(Enumerable.Repeat("A review typed with care, and not to be lost. ", 4));
        var wait = browser.Wait();

        // The budget is the client's: whatever the other tests spent of it, the review after the last one allowed is refused.
        for (var posted = 0; browser.Driver.FindElements(By.CssSelector(".error-summary")).Count == 0; posted++)
        {
            Assert.True(posted <= OneVoteSite.ReviewBudget, "the review budget never ran out");
            browser.GoTo(site.Url($"/title/{film.Slug}/review"));
            browser.Driver.FindElement(By.Id("Input_Headline")).SendKeys($"Review {posted} of the evening");
            browser.Driver.FindElement(By.CssSelector("label:has(#Input_Rating_8)")).Click();
            browser.Driver.FindElement(By.Id("Input_Body")).SendKeys(body);
            browser.Driver.FindElement(By.Id("Input_DisplayName")).SendKeys("Patient Reader");
            browser.Driver.FindElement(By.Id("Input_ContainsSpoilers")).Click();
            browser.Driver.FindElement(By.CssSelector("form.review-form button[type=submit]")).Click();
            wait.Until(d => d.Url.Contains("#review-", StringComparison.Ordinal) || d.FindElements(By.CssSelector(".error-summary")).Count > 0);
        }

        var summary = browser.Driver.FindElement(By.CssSelector(".error-summary"));
        Assert.Matches("^Your review was not posted: you have posted too many reviews for now. It is below as you wrote it: post it again in (9|10) minutes.$",
            summary.FindElement(By.CssSelector("li")).Text);
        wait.Until(_ => browser.Script<bool>("return document.activeElement === document.querySelector('.error-summary');"));
        Assert.StartsWith("Review ", browser.Driver.FindElement(By.Id("Input_Headline")).GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal(body, browser.Driver.FindElement(By.Id("Input_Body")).GetAttribute("value"));
        Assert.Equal("Patient Reader", browser.Driver.FindElement(By.Id("Input_DisplayName")).GetAttribute("value"));
        Assert.True(browser.Driver.FindElement(By.Id("Input_Rating_8")).Selected);
        Assert.True(browser.Driver.FindElement(By.Id("Input_ContainsSpoilers")).Selected);
        Assert.True(browser.Driver.FindElement(By.CssSelector("form.review-form button[type=submit]")).Enabled, "the form can be sent again");
        browser.SaveFullPageScreenshot("review-over-budget-1280.png", 1280);
    }

    [Fact]
    public async Task A_review_form_sent_with_a_double_click_posts_one_review()
    {
        var film = await site.Catalog.AddFilmAsync(reviews: 0);
        browser.SetViewport(1280, 900);
        browser.GoTo(site.Url($"/title/{film.Slug}/review"));
        browser.Driver.FindElement(By.Id("Input_Headline")).SendKeys("Sent with a double click");
        browser.Script<object?>("document.getElementById('Input_Rating_8').checked = true; return null;");
        browser.Driver.FindElement(By.Id("Input_Body")).SendKeys(string.Concat(Enumerable.Repeat("A review that says something about the film. ", 4)));

        // A second click right after the first, as a double click sends it: it finds the button disabled
        // (noted in sessionStorage, which the page the form leads to can read).
        browser.Script<object?>("""
            const button = document.querySelector("form.review-form button[type=submit]");
            button.click();
            setTimeout(() => {
                sessionStorage.setItem("secondClickFoundDisabled", String(button.disabled));
                button.click();
            });
            return null;
            """);
        browser.Wait().Until(d => d.Url.Contains("#review-", StringComparison.Ordinal));

        Assert.Equal("true", browser.Script<string>("return sessionStorage.getItem('secondClickFoundDisabled');"));
        Assert.Equal(1, await site.Catalog.ReadAsync(db => db.Reviews.CountAsync(r => r.Title!.Slug == film.Slug)));
        var articles = browser.Driver.FindElements(By.CssSelector("article.review"));
        Assert.Single(articles);
        Assert.Contains("your review is posted", articles[0].Text);
    }
}
