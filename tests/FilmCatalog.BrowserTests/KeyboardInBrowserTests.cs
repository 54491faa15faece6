using FilmCatalog.BrowserTests.Infrastructure;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace FilmCatalog.BrowserTests;

/// <summary>Keyboard only: Tab reaches every control on the page, in turn, and each shows where focus is.</summary>
[Trait("Category", "Slow")]
public sealed class KeyboardInBrowserTests(ShowcaseSite site, Browser browser) : IClassFixture<ShowcaseSite>, IClassFixture<Browser>
{
    /// <summary>
    /// Marks every control a keyboard user must reach (one per radio group: arrows move inside it) and
    /// returns how many there are.
    /// </summary>
    private const string MarkControls = """
        const seen = new Set();
        const controls = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])")]
            .filter(e => !e.disabled && e.getClientRects().length > 0)
            .filter(e => {
                if (e.type !== "radio") return true;
                if (seen.has(e.name)) return false;
                seen.add(e.name);
                return true;
            });
        controls.forEach((e, i) => e.dataset.kbd = e.type === "radio" ? "radio:" + e.name : String(i));
        document.querySelectorAll("input[type=radio]").forEach(r => r.dataset.kbd = "radio:" + r.name);
        return controls.map(e => e.dataset.kbd);
        """;

    /// <summary>The focused control's mark, and whether something visible shows the focus (its outline, or its label's).</summary>
    private const string Focused = """
        const e = document.activeElement;
        if (!e || e === document.body) return ["", "true"];
        const shown = e.matches(".clamp-toggle") ? e.parentElement.querySelector(".clamp-more")
            : e.matches(".rating-choice input") ? e.nextElementSibling : e;
        const style = getComputedStyle(shown);
        const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
        return [e.dataset.kbd || e.tagName + "." + e.className, String(visible)];
        """;

    [Theory]
    [InlineData("/title/" + ShowcaseSite.RichSlug)]
    [InlineData("/title/" + ShowcaseSite.SeedSlug)]
    [InlineData("/title/" + ShowcaseSite.RichSlug + "/reviews")]
    [InlineData("/title/" + ShowcaseSite.SeedSlug + "/review")]
    [InlineData("/")]
    [InlineData("/title/" + ShowcaseSite.CardOnlySlug)]
    public async Task Tab_reaches_every_control_and_focus_is_always_visible(string path)
    {
        await site.ArrangeAsync();
        browser.SetViewport(1280, 900);
        browser.GoTo(site.Url(path));
        var controls = ((IReadOnlyCollection<object>)browser.Driver.ExecuteScript(MarkControls)!).Select(c => (string)c).ToList();

        var reached = new List<string>();
        var unseen = new List<string>();
        for (var step = 0; step < controls.Count + 20; step++)
        {
            new Actions(browser.Driver).SendKeys(Keys.Tab).Perform();
            var result = ((IReadOnlyCollection<object>)browser.Driver.ExecuteScript(Focused)!).Select(c => (string)c).ToList();
            if (result[0].Length == 0 || (reached.Count > 0 && result[0] == reached[0]))
                break;
            reached.Add(result[0]);
            if (result[1] != "true")
                unseen.Add(result[0]);
        }

        Assert.Empty(controls.Except(reached));
        Assert.True(unseen.Count == 0, "focus not visible on: " + string.Join(", ", unseen));
    }
}
