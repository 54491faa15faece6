using FilmCatalog.BrowserTests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace FilmCatalog.BrowserTests;

/// <summary>With script on, a helpful vote is posted in place: the counts change and the page does not reload.</summary>
[Trait("Category", "Slow")]
public sealed class VotingInBrowserTests(LiveSite site, Browser browser) : IClassFixture<LiveSite>, IClassFixture<Browser>
{
    [Fact]
    public void Voting_yes_updates_the_count_in_place_without_leaving_the_page()
    {
        browser.SetViewport(1280, 900);
        browser.SevereConsoleEntries();
        var url = site.Url("/title/in-the-soup-1992");
        browser.GoTo(url);
        browser.Script<object?>("window.__sameDocument = true; return null;");
        var review = browser.Driver.FindElement(By.CssSelector("article.review"));
        var count = review.FindElement(By.CssSelector(".helpful-count"));
        Assert.StartsWith("2 of 2", count.Text);

        review.FindElement(By.CssSelector("form.vote-form button[value=yes]")).Click();

        var wait = browser.Wait();
        wait.Until(_ => review.FindElement(By.CssSelector(".vote-status")).Text.Length > 0);
        Assert.Contains("Thank you for your vote", review.FindElement(By.CssSelector(".vote-status")).Text);
        Assert.StartsWith("3 of 3", count.Text);
        Assert.Equal("true", review.FindElement(By.CssSelector("form.vote-form button[value=yes]")).GetAttribute("aria-pressed"));
        Assert.True(browser.Script<bool>("return window.__sameDocument === true;"), "the page reloaded");
        Assert.Equal(url.ToString(), browser.Driver.Url);

        // Changing one's mind is one vote moved, not a second vote.
        review.FindElement(By.CssSelector("form.vote-form button[value=no]")).Click();
        wait.Until(_ => review.FindElement(By.CssSelector(".vote-status")).Text.Contains("changed", StringComparison.Ordinal));
        Assert.StartsWith("2 of 3", count.Text);
        Assert.Empty(browser.SevereConsoleEntries());
    }
}
