using System.Text.Json;

namespace FilmCatalog.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (the npm package, installed by test.sh into this project's node_modules) injected into
/// the page the browser shows, run with its default rules (WCAG 2 A and AA, and best practices) and
/// WCAG 2.2's target size (2.5.8: 24 px, or room around), which axe leaves off by default.
/// </summary>
public static class AxeCore
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "FilmCatalog.BrowserTests", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException(
                $"axe-core is not installed ({path}). ./test.sh installs it; or run: cd tests/FilmCatalog.BrowserTests && npm ci");
    });

    /// <summary>The violations on the current page, one line each: rule, impact, and the elements it names.</summary>
    public static IReadOnlyList<string> Violations(Browser browser)
    {
        browser.Script<object?>(Source.Value + ";return null;");
        var json = (string?)browser.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } })
               .then(result => done(JSON.stringify(result.violations.map(v => ({
                   id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.map(n => n.target.join(" ") + (n.failureSummary ? " (" + n.failureSummary.replace(/\s+/g, " ") + ")" : "")) })))))
               .catch(error => done(JSON.stringify([{ id: "axe-error", impact: "critical", help: String(error), nodes: [] }])));
            """);
        using var document = JsonDocument.Parse(json ?? "[]");
        return
        [
            .. document.RootElement.EnumerateArray().Select(v =>
                $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at " +
                string.Join("; ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))),
        ];
    }
}
