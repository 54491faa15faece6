using FilmCatalog.BrowserTests.Infrastructure;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Reviews;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;

namespace FilmCatalog.BrowserTests;

/// <summary>
/// A word longer than the line (a 100-character headline of one letter, a 3,000-character word or address
/// in a body, a 3,000-deep quote) wraps inside its review card: the page never scrolls sideways and no card
/// runs under the all-reviews page's filters. Screenshots are left in artifacts/screenshots/.
/// </summary>
[Trait("Category", "Slow")]
public sealed class LongWordsInBrowserTests(LiveSite site, Browser browser) : IClassFixture<LiveSite>, IClassFixture<Browser>
{
    private const string Slug = "unbroken-words-2001";

    // xUnit makes an instance per test; the site (the class fixture) holds the film once added.
    private static readonly SemaphoreSlim Arranging = new(1, 1);

    public static TheoryData<string, string, int> Views()
    {
        var views = new TheoryData<string, string, int>();
        foreach (var (name, path) in new[] { ("title", $"/title/{Slug}"), ("all-reviews", $"/title/{Slug}/reviews") })
        {
            foreach (var width in new[] { 1280, 390 })
                views.Add(name, path, width);
        }

        return views;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task A_review_of_unbroken_words_fits_its_card_and_the_screen(string name, string path, int width)
    {
        await ArrangeAsync();
        browser.SetViewport(width, width < 600 ? 844 : 900, mobile: width < 600);
        browser.GoTo(site.Url(path));

        var headline = browser.Driver.FindElement(By.XPath($"//h3[contains(@class,'review-headline') and text()='{new string('H', 100)}']"));
        Assert.True(headline.Displayed);

        var scrollWidth = browser.Script<long>("return document.documentElement.scrollWidth;");
        var clientWidth = browser.Script<long>("return document.documentElement.clientWidth;");
        browser.SaveFullPageScreenshot($"long-words-{name}-{width}.png", width);
        browser.SetViewport(width, width < 600 ? 844 : 900, mobile: width < 600);
        Assert.True(scrollWidth <= clientWidth, $"{name} scrolls sideways at {width}px: {scrollWidth} > {clientWidth}");

        // Every card, and everything in it, stays inside the list's column (so off the filters beside it).
        var overflowing = browser.Script<string>("""
            const out = [];
            for (const review of document.querySelectorAll("article.review")) {
                const list = review.parentElement.getBoundingClientRect();
                const card = review.getBoundingClientRect();
                if (card.right > list.right + 1) out.push(review.id + " is wider than its list");
                for (const part of review.querySelectorAll(".review-headline, .review-meta, .review-body, .review-body *")) {
                    const box = part.getBoundingClientRect();
                    if (box.width > 0 && box.right > card.right + 1) out.push(review.id + " " + part.tagName + "." + part.className + " runs out of its card");
                }
            }
            return out.slice(0, 10).join("; ");
            """);
        Assert.True(overflowing.Length == 0, $"{name} at {width}px: {overflowing}");

        var tools = browser.Driver.FindElements(By.CssSelector(".reviews-tools"));
        if (tools.Count > 0 && tools[0].Displayed && width >= 1000)
        {
            var clear = browser.Script<bool>("""
                const tools = document.querySelector(".reviews-tools").getBoundingClientRect();
                return [...document.querySelectorAll("article.review")].every(r => r.getBoundingClientRect().right <= tools.left);
                """);
            Assert.True(clear, "a review card runs under the filters");
        }
    }

    /// <summary>One film with a review per kind of unbroken text, rendered by the site's own Markdown pipeline.</summary>
    private async Task ArrangeAsync()
    {
        await Arranging.WaitAsync();
        try
        {
            if (await site.Catalog.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Titles, t => t.Slug == Slug)))
                return;
            var markdown = site.Services.GetRequiredService<ReviewMarkdown>();
            var film = TestCatalog.NewTitle("Unbroken Words", 2001);
            var bodies = new[]
            {
                "An ordinary opening sentence before the long word. " + new string('W', 3000),
                "An address nobody would type: https://example.org/" + new string('u', 3000),
                new string('>', 3000) + " deep",
                "A plain review with words of ordinary length, written to sit beside the others and be read.",
            };
            var headlines = new[] { new string('H', 100), "A long word in the body", "A long address", "A deep quote", "A plain review" };
            for (var i = 0; i < headlines.Length; i++)
            {
                var body = i == 0 ? bodies[0] : bodies[i - 1];
                film.Reviews.Add(new Review
                {
                    Origin = ReviewOrigin.Site,
                    Headline = headlines[i],
                    Body = body,
                    BodyHtml = markdown.ToHtml(body),
                    AuthorName = i == 1 ? new string('N', 50) : null,
                    Rating = 6,
                    WrittenAt = film.CreatedAt.AddMinutes(-i),
                    AuthorVisitorId = Guid.NewGuid(),
                });
            }

            film.ReviewCount = film.Reviews.Count;
            await site.Catalog.AddAsync(film);
        }
        finally
        {
            Arranging.Release();
        }
    }
}
