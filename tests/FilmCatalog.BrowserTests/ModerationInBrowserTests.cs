using FilmCatalog.BrowserTests.Infrastructure;
using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace FilmCatalog.BrowserTests;

/// <summary>
/// A moderator's day in a real browser: sign in, turn on two-factor sign-in, sign in again with a code
/// from the authenticator, hide a reported review (gone from the title page at once), find it among the
/// hidden reviews and restore it. Every moderation page is photographed at 1280 and 390 px.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ModerationInBrowserTests(LiveSite site, Browser browser) : IClassFixture<LiveSite>, IClassFixture<Browser>
{
    private const string Email = "browser-moderator@example.org";
    private const string Password = "Moderate-In-Chromium-24";
    private const string Headline = "Buy cheap watches at my shop";

    private WebDriverWait Wait => browser.Wait();

    /// <summary>A film of its own with one visitor's review, reported by two visitors on two networks.</summary>
    private async Task<(string Slug, int ReviewId)> ArrangeReportedReviewAsync()
    {
        var film = TestCatalog.NewTitle("The Lantern Keeper", 1987);
        film.Slug = $"the-lantern-keeper-{Guid.NewGuid():N}"[..28];
        var review = TestCatalog.NewReview(Headline, helpful: 0, voted: 0, writtenAt: DateTime.UtcNow.AddDays(-2),
            body: "<p>Great film, and great watches at my shop.</p>", rating: 8);
        review.Origin = ReviewOrigin.Site;
        review.AuthorVisitorId = Guid.NewGuid();
        film.Reviews.Add(review);
        film.ReviewCount = 1;
        film.VisitorRatingCount = 1;
        film.VisitorRatingSum = 8;
        var slug = await site.Catalog.AddAsync(film);

        await (await ReportForm.OpenForAsync(site.CreateClient("10.70.0.1", site.BaseAddress.ToString()), review.Id)).SendAsync("Spam", "Advertises a shop.");
        await (await ReportForm.OpenForAsync(site.CreateClient("10.71.0.1", site.BaseAddress.ToString()), review.Id)).SendAsync("Spam");
        return (slug, review.Id);
    }

    [Fact]
    public async Task A_moderator_signs_in_with_two_factor_hides_a_reported_review_and_restores_it()
    {
        var (slug, reviewId) = await ArrangeReportedReviewAsync();
        await site.AddModeratorAsync(Email, Password);
        browser.SetViewport(1280, 900);
        browser.SevereConsoleEntries();

        // Anyone who opens /moderation is sent to the sign-in page.
        browser.GoTo(site.Url("/moderation"));
        Assert.Equal("Sign in to moderate", Heading());
        Photograph("moderation-signin");
        SignInWithPassword();
        Assert.Equal("Reported reviews", Heading());

        // Two-factor on: the shared key as an app would be given it, and a code from it.
        browser.Driver.FindElement(By.LinkText("Your account")).Click();
        browser.Driver.FindElement(By.LinkText("Turn on two-factor sign-in")).Click();
        var key = browser.Driver.FindElement(By.CssSelector(".shared-key kbd")).Text;
        Photograph("moderation-authenticator");
        Type("Input_Code", Totp.Code(key));
        Submit();
        Assert.Contains("Two-factor sign-in is on", browser.Driver.FindElement(By.CssSelector(".status-message")).Text, StringComparison.Ordinal);
        Assert.Equal(10, browser.Driver.FindElements(By.CssSelector(".recovery-codes li")).Count);
        Photograph("moderation-recovery-codes");

        // Signed out, the queue is closed again; the password alone is no longer enough.
        // Waits for the page it left to go: reading the heading while the next one loads could read an element that is gone.
        var signOut = browser.Driver.FindElement(By.CssSelector(".moderation-signout button"));
        signOut.Click();
        Wait.Until(_ => IsStale(signOut));
        browser.GoTo(site.Url("/moderation"));
        Assert.Equal("Sign in to moderate", Heading());
        SignInWithPassword();
        Assert.Equal("Enter your code", Heading());
        Photograph("moderation-code");
        Type("Input_Code", Totp.Code(key));
        Submit();
        Assert.Equal("Reported reviews", Heading());

        // The queue: the review as a visitor sees it, with its reports' reasons and comments.
        var article = Reported(reviewId);
        Assert.Contains("2 open reports from 2 networks", article.FindElement(By.CssSelector(".report-count")).Text, StringComparison.Ordinal);
        Assert.Contains("Advertises a shop.", article.FindElement(By.CssSelector(".report-comments")).Text, StringComparison.Ordinal);
        Assert.Equal(Headline, article.FindElement(By.CssSelector(".moderation-preview .review-headline")).Text);
        Photograph("moderation-queue");

        // A decision needs its reason: the browser will not send the form without one.
        article.FindElement(By.XPath(".//button[normalize-space()='Hide']")).Click();
        Assert.Equal("Reported reviews", Heading());
        Assert.False(browser.Script<bool>("return arguments[0].validity.valid;", article.FindElement(By.CssSelector("textarea"))));

        Decide(reviewId, "Hide", "Advertising, not a review.");
        Assert.StartsWith($"Hidden: \u201c{Headline}\u201d", StatusMessage(), StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(By.Id($"moderated-{reviewId}")));

        // Gone from the title page at once (the cached copy was evicted), and from its counts.
        browser.GoTo(site.Url($"/title/{slug}"));
        Assert.DoesNotContain(Headline, MainText(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await site.Catalog.ReadAsync(db => db.Titles.Where(t => t.Slug == slug)
            .Select(t => ValueTuple.Create(t.ReviewCount, t.VisitorRatingCount)).SingleAsync()));

        // The hidden list, where it can be restored.
        browser.GoTo(site.Url("/moderation/hidden"));
        Assert.Equal("Hidden reviews", Heading());
        Assert.Equal("Hidden by a moderator", Reported(reviewId).FindElement(By.CssSelector(".status-tag")).Text);
        Photograph("moderation-hidden");
        Decide(reviewId, "Restore", "The shop link was removed by its author.");
        Assert.StartsWith($"Restored: \u201c{Headline}\u201d", StatusMessage(), StringComparison.Ordinal);

        browser.GoTo(site.Url($"/title/{slug}"));
        Assert.Contains(Headline, MainText(), StringComparison.Ordinal);

        // The review's history: who, when, what and why, in the order it happened.
        browser.GoTo(site.Url($"/moderation/reviews/{reviewId}"));
        var history = browser.Driver.FindElements(By.CssSelector(".history li")).Select(li => li.Text).ToList();
        Assert.Equal(2, history.Count);
        Assert.StartsWith($"Hidden by {Email}", history[0], StringComparison.Ordinal);
        Assert.EndsWith("Advertising, not a review.", history[0], StringComparison.Ordinal);
        Assert.StartsWith($"Restored by {Email}", history[1], StringComparison.Ordinal);
        Assert.EndsWith("The shop link was removed by its author.", history[1], StringComparison.Ordinal);
        Photograph("moderation-review");

        browser.GoTo(site.Url("/moderation/log"));
        Photograph("moderation-log");
        browser.GoTo(site.Url($"/moderation/titles?q={Uri.EscapeDataString("Lantern Keeper")}"));
        Photograph("moderation-titles");
        Assert.Empty(browser.SevereConsoleEntries());
    }

    private string Heading() => browser.Driver.FindElement(By.CssSelector("main h1")).Text;

    private string MainText() => browser.Driver.FindElement(By.TagName("main")).Text;

    private string StatusMessage() => browser.Driver.FindElement(By.CssSelector("main .status-message")).Text;

    private IWebElement Reported(int reviewId) => browser.Driver.FindElement(By.Id($"moderated-{reviewId}"));

    private void Type(string id, string text)
    {
        var field = browser.Driver.FindElement(By.Id(id));
        field.Clear();
        field.SendKeys(text);
    }

    /// <summary>Submits the page's main form by its button and waits for the answer to load.</summary>
    private void Submit()
    {
        var button = browser.Driver.FindElement(By.CssSelector("main form.signin-form button[type=submit]"));
        button.Click();
        Wait.Until(_ => IsStale(button));
    }

    private void SignInWithPassword()
    {
        Type("Input_Email", Email);
        Type("Input_Password", Password);
        Submit();
    }

    private void Decide(int reviewId, string decision, string why)
    {
        var article = Reported(reviewId);
        article.FindElement(By.CssSelector("textarea")).SendKeys(why);
        var button = article.FindElement(By.XPath($".//button[normalize-space()='{decision}']"));
        button.Click();
        Wait.Until(_ => IsStale(button));
    }

    private static bool IsStale(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
    }

    /// <summary>The page as it is, at 1280 and at 390 px: nothing wider than the screen, then a full-page screenshot each.</summary>
    private void Photograph(string name)
    {
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            browser.SetViewport(width, height, mobile: width < 600);
            var scrollWidth = browser.Script<long>("return document.documentElement.scrollWidth;");
            var clientWidth = browser.Script<long>("return document.documentElement.clientWidth;");
            Assert.True(scrollWidth <= clientWidth, $"{name}: no horizontal scrolling at {width}px: scrollWidth {scrollWidth} > clientWidth {clientWidth}");
            Assert.True(new FileInfo(browser.SaveFullPageScreenshot($"{name}-{width}.png", width)).Length > 0);
        }

        browser.SetViewport(1280, 900);
    }
}
