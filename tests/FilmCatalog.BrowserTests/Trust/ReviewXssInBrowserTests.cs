using FilmCatalog.BrowserTests.Infrastructure;
using FilmCatalog.Web.Reviews;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace FilmCatalog.BrowserTests.Trust;

/// <summary>
/// Hostile reviews in a real browser: alert, confirm and prompt are hooked in every document before
/// any of its scripts run, every link in the reviews is hovered and clicked, and nothing may call them
/// nor may a clicked link be a javascript: URL. A control page proves the hook would see a call.
/// </summary>
/// <remarks>
/// No sleeps: a clicked javascript: link is reported by a click listener as it is clicked, handlers
/// run as their events are dispatched, and the test waits until a sentinel logged after its actions
/// has come through the browser's log, so everything logged before it has come through too.
/// </remarks>
[Trait("Category", "Slow")]
public sealed class ReviewXssInBrowserTests(LiveSite site, Browser browser) : IClassFixture<LiveSite>, IClassFixture<Browser>
{
    private const string Marker = "XSS-HOOK-CALLED";
    private const string FilmSlug = "in-the-soup-1992";

    /// <summary>
    /// Runs in every new document before its own scripts: a call to a dialog is logged, never shown,
    /// and so is a click on a javascript: link, before the browser would run it.
    /// </summary>
    private static readonly string Hook = $$"""
        for (const name of ["alert", "confirm", "prompt", "print"]) {
            window[name] = function (message) { console.error("{{Marker}} " + name + " " + String(message)); return null; };
        }
        document.addEventListener("click", event => {
            const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
            if (link && link.protocol === "javascript:") console.error("{{Marker}} javascript-link " + link.href);
        }, true);
        """;

    private int _sentinels;

    private void InstallHook() =>
        browser.Driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?> { ["source"] = Hook });

    private IReadOnlyList<string> HookCalls() =>
        [.. browser.Driver.Manage().Logs.GetLog(LogType.Browser).Select(e => e.Message).Where(m => m.Contains(Marker, StringComparison.Ordinal))];

    /// <summary>
    /// Every hook call logged so far: logs a sentinel in the current document and waits until it has
    /// come through the browser's log, which delivers messages in order.
    /// </summary>
    private List<string> HookCallsSoFar()
    {
        var sentinel = $"{Marker}-SENTINEL {++_sentinels}";
        browser.Script<object?>("console.error(arguments[0]); return null;", sentinel);
        var calls = new List<string>();
        new WebDriverWait(browser.Driver, TimeSpan.FromMinutes(1)).Until(_ =>
        {
            calls.AddRange(HookCalls());
            return calls.Any(c => c.Contains(sentinel, StringComparison.Ordinal));
        });
        return [.. calls.Where(c => !c.Contains("-SENTINEL ", StringComparison.Ordinal))];
    }

    [Fact]
    public void The_hook_sees_a_script_that_calls_alert()
    {
        InstallHook();
        HookCalls();
        browser.Driver.Navigate().GoToUrl("data:text/html,<a id=x href=\"javascript:alert('control')\">control</a><script>confirm('inline')</script>");

        browser.Driver.FindElement(By.Id("x")).Click();

        // The click is reported as it happens; the javascript: link's own call lands just after the click returns.
        var calls = new List<string>();
        new WebDriverWait(browser.Driver, TimeSpan.FromMinutes(1)).Until(_ =>
        {
            calls.AddRange(HookCalls());
            return calls.Any(c => c.Contains("alert control", StringComparison.Ordinal));
        });

        Assert.Contains(calls, c => c.Contains("confirm inline", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Contains("javascript-link javascript:alert('control')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_reviews_run_nothing_when_read_hovered_and_clicked()
    {
        await PostCorpusAsync();
        InstallHook();
        HookCalls();

        var calls = new List<string>();
        var pages = new List<Uri> { site.Url($"/title/{FilmSlug}") };
        var clicked = 0;
        for (var next = site.Url($"/title/{FilmSlug}/reviews?sort=newest"); next is not null && pages.Count < 20;)
        {
            pages.Add(next);
            browser.GoTo(next);
            var more = browser.Driver.FindElements(By.CssSelector("a[rel=next]"));
            next = more.Count > 0 ? new Uri(more[0].GetAttribute("href")!) : null;
        }

        foreach (var page in pages)
        {
            browser.GoTo(page);
            foreach (var link in browser.Driver.FindElements(By.CssSelector("main a")).Where(l => l.Displayed))
                Hover(link);

            // Links written by reviewers: click each, then come back to the page.
            var count = browser.Driver.FindElements(By.CssSelector(".review-body a")).Count;
            for (var i = 0; i < count; i++)
            {
                var links = browser.Driver.FindElements(By.CssSelector(".review-body a"));
                if (i >= links.Count)
                    break;
                var link = links[i];
                if (!link.Displayed)
                    continue;
                ScrollTo(link);
                link.Click();
                clicked++;
                if (browser.Driver.Url != page.ToString())
                    browser.GoTo(page);
                calls.AddRange(HookCallsSoFar());
            }

            calls.AddRange(HookCallsSoFar());
        }

        Assert.Empty(calls);
        Assert.True(clicked >= 10, $"only {clicked} reviewer links were clicked: the corpus and the few ordinary links should yield more");
    }

    private void ScrollTo(IWebElement element) =>
        ((IJavaScriptExecutor)browser.Driver).ExecuteScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);

    /// <summary>A real mouse move onto the link's first line box (a wrapped link's centre can fall between its lines).</summary>
    private void Hover(IWebElement element)
    {
        ScrollTo(element);
        var point = (IReadOnlyCollection<object>)((IJavaScriptExecutor)browser.Driver).ExecuteScript(
            "const r = arguments[0].getClientRects()[0]; return r ? [r.left + r.width / 2, r.top + r.height / 2] : [0, 0];", element)!;
        var (x, y) = (Convert.ToDouble(point.First(), System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(point.Last(), System.Globalization.CultureInfo.InvariantCulture));
        browser.Driver.ExecuteCdpCommand("Input.dispatchMouseEvent", new Dictionary<string, object?> { ["type"] = "mouseMoved", ["x"] = x, ["y"] = y });
    }

    /// <summary>Every payload posted as a review the way the form posts one: headline, body and name.</summary>
    private async Task PostCorpusAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var posting = scope.ServiceProvider.GetRequiredService<ReviewPosting>();
        var index = 0;
        foreach (var payload in XssCorpus.Payloads)
        {
            var headline = new string([.. $"Payload {index++} {payload}".Select(c => char.IsControl(c) ? ' ' : c)]);
            // A few reviews carry ordinary links too, so clicking is shown to follow links at all.
            var body = index <= 5 ? $"See [a film site](https://films.example/review) and <https://films.example/auto>.\n\n{payload}" : $"{payload}\n\nThe end.";
            var review = new NewReview(
                headline[..Math.Min(headline.Length, 100)],
                5,
                body[..Math.Min(body.Length, 6_000)],
                payload[..Math.Min(payload.Length, 50)],
                ContainsSpoilers: false);
            await posting.PostAsync(FilmSlug, review, Guid.NewGuid(), CancellationToken.None);
        }
    }
}
