using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FilmCatalog.Tests.Pages.Reviews;

/// <summary>
/// ASVS V1.2/V1.3 (encoding and sanitization): payloads typed into every field a visitor fills in
/// come out of every page that shows them as inert text: no handler, no script, no foreign scheme.
/// </summary>
public sealed class InertInputTests : IClassFixture<CatalogFactory>
{
    private const string Filler = "This filler sentence makes the review long enough to be accepted by the form. It says nothing more.";
    private readonly CatalogFactory _factory;
    private readonly ITestOutputHelper _output;

    public InertInputTests(CatalogFactory factory, ITestOutputHelper output) => (_factory, _output) = (factory, output);

    [Fact]
    public async Task Payloads_in_headline_body_display_name_and_report_comment_are_inert_on_every_page_that_shows_them()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 0);
        var headlines = FieldPayloads.ForLine(NewModelLimits.Headline);
        var names = FieldPayloads.ForLine(NewModelLimits.Name);
        var comments = FieldPayloads.ForLine(500);
        // A NUL in a form post is refused with 400 before the page sees it; every other payload goes in.
        var bodies = FieldPayloads.Short.Concat(XssCorpus.Payloads)
            .Where(p => p.Length + Filler.Length + 2 <= NewModelLimits.Body && !p.Contains('\0', StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(bodies.Count >= 60);
        var count = new[] { headlines.Count, names.Count, comments.Count, bodies.Count }.Max();
        var violations = new List<string>();

        var author = _factory.CreateClient("10.7.0.1");
        var reporter = _factory.CreateClient("10.7.0.2");
        for (var i = 0; i < count; i++)
        {
            var form = await ReviewForm.OpenForAsync(author, film.Slug);
            var posted = await form.SubmitAsync(ReviewForm.Values(headlines[i % headlines.Count], "5", bodies[i % bodies.Count] + "\n\n" + Filler, names[i % names.Count]));
            if (posted.StatusCode != HttpStatusCode.Redirect)
                violations.Add($"review {i} was not accepted ({(int)posted.StatusCode}): {headlines[i % headlines.Count]} / {bodies[i % bodies.Count]} / {names[i % names.Count]}".ReplaceLineEndings("\\n"));
        }

        var reviewIds = await _factory.Catalog.ReadAsync(db => db.Reviews.Where(r => r.Title!.Slug == film.Slug).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        Assert.True(count == reviewIds.Count, string.Join("\n", violations));

        foreach (var (id, i) in reviewIds.Select((id, i) => (id, i)))
        {
            var form = await ReportForm.OpenForAsync(reporter, id);
            var receipt = await form.SubmitAsync(ReportForm.Values("Other", comments[i % comments.Count]));
            violations.AddRange(HtmlSafety.PageViolations(await HtmlPage.ParseAsync(receipt)).Select(v => $"report receipt {id}: {v}"));
        }

        // Three reports hide a review, one each does not: every review is still on the pages.
        var pages = new List<(string Url, IDocument Page)>();
        foreach (var url in new[] { $"/title/{film.Slug}" }.Concat(reviewIds.SelectMany(id => new[] { $"/reviews/{id}/vote", $"/reviews/{id}/report" })))
            pages.Add((url, await HtmlPage.GetAsync(author, url)));
        for (var url = $"/title/{film.Slug}/reviews"; url is not null;)
        {
            var page = await HtmlPage.GetAsync(author, url);
            pages.Add((url, page));
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        var seenHeadlines = new HashSet<string>();
        foreach (var (url, page) in pages)
        {
            violations.AddRange(HtmlSafety.PageViolations(page).Select(v => $"{url}: {v}"));
            foreach (var article in page.QuerySelectorAll("article.review"))
            {
                foreach (var part in article.QuerySelectorAll(".review-header, .review-body"))
                    violations.AddRange(HtmlSafety.Violations(part.InnerHtml).Select(v => $"{url} {article.Id}: {v}"));
                seenHeadlines.Add(article.QuerySelector(".review-headline")!.TextContent);
            }
        }

        // The payloads are shown as the text the visitor typed, not dropped and not interpreted.
        Assert.Equal(headlines.Count, seenHeadlines.Intersect(headlines).Count());
        _output.WriteLine($"{count} reviews posted, {pages.Count} pages scanned, {headlines.Count} headline, {names.Count} name, {bodies.Count} body, {comments.Count} comment payloads");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_rejected_form_echoes_the_payloads_back_inert()
    {
        var film = await _factory.Catalog.AddFilmAsync(reviews: 0);
        var client = _factory.CreateClient("10.7.0.3");
        var violations = new List<string>();
        foreach (var payload in FieldPayloads.ForLine(NewModelLimits.Name))
        {
            var form = await ReviewForm.OpenForAsync(client, film.Slug);
            // A body too short: the form comes back with every value filled in again.
            var echoed = await form.SubmitAsync(ReviewForm.Values(payload, "5", payload, payload));
            Assert.Equal(HttpStatusCode.OK, echoed.StatusCode);
            var page = await HtmlPage.ParseAsync(echoed);
            Assert.Equal(payload, ((IHtmlInputElement)page.QuerySelector("input[name='Input.Headline']")!).Value);
            violations.AddRange(HtmlSafety.PageViolations(page).Select(v => $"{payload}: {v}"));
        }

        Assert.Empty(violations);
    }

    private static class NewModelLimits
    {
        public const int Headline = FilmCatalog.Web.Pages.Reviews.NewModel.HeadlineMax;
        public const int Name = FilmCatalog.Web.Pages.Reviews.NewModel.NameMax;
        public const int Body = FilmCatalog.Web.Pages.Reviews.NewModel.BodyMax;
    }
}
