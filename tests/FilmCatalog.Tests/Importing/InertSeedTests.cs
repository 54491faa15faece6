using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// Seeds files are untrusted too: payloads in a page's title, cast, storyline, trivia and review
/// come out of the title page as text.
/// </summary>
public sealed class InertSeedTests : IClassFixture<InertSeedTests.Factory>
{
    private readonly Factory _factory;

    public InertSeedTests(Factory factory) => _factory = factory;

    public sealed class Factory : CatalogFactory
    {
        public Factory()
        {
            var seeds = Path.Combine(DataFolder, "hostile-seeds");
            Directory.CreateDirectory(seeds);
            var payloads = Payloads;
            for (var i = 0; i < payloads.Count; i++)
                File.WriteAllText(Path.Combine(seeds, $"hostile_{i:D3}.txt"), TitlePage(i, payloads[i]));
            SeedsPath = seeds;
        }
    }

    public static IReadOnlyList<string> Payloads => FieldPayloads.ForLine(90);

    private static string TitlePage(int index, string payload) => $"""
        3 user 1 critic

        Film {index} {payload} (1999)

        A summary that mentions {payload} in passing.

        Cast overview, first billed only:
        {payload} ...
        Character {payload}
        Plain Person {index} ...
        Second Character


        A storyline about {payload} and what follows. Written by {payload}

        Plot Summary | Add Synopsis


        Comedy | Drama

        Did You Know?


        Trivia: {payload} was in the script. See more »

        User Reviews

        {payload}
        31 August 2009 | by See all my reviews

        A review paragraph with {payload} inside it.

        2 of 3 people found this review helpful.  Was this review helpful to you? | Report this
        Review this title | See all 3 user reviews »

        """;

    [Fact]
    public async Task Payloads_in_an_imported_title_page_come_out_of_its_page_as_text()
    {
        var client = _factory.CreateClient("10.9.0.1");
        var titles = await _factory.Catalog.ReadAsync(db => db.Titles.Where(t => !t.IsCardOnly).Select(t => new { t.Slug, t.Name }).ToListAsync());
        Assert.True(titles.Count >= 60, $"only {titles.Count} of {Payloads.Count} hostile pages were imported");

        var violations = new List<string>();
        var shown = 0;
        foreach (var (slug, name) in titles.Select(t => (t.Slug, t.Name)))
        {
            var page = await HtmlPage.GetAsync(client, $"/title/{Uri.EscapeDataString(slug)}");
            violations.AddRange(HtmlSafety.PageViolations(page).Select(v => $"{slug}: {v}"));
            foreach (var part in page.QuerySelectorAll("article.review .review-header, article.review .review-body"))
                violations.AddRange(HtmlSafety.Violations(part.InnerHtml).Select(v => $"{slug} review: {v}"));
            if (page.QuerySelector("h1")?.TextContent.Contains(name, StringComparison.Ordinal) == true)
                shown++;
        }

        Assert.Empty(violations);
        Assert.Equal(titles.Count, shown);
    }
}
