using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Tests.Infrastructure;
using FilmCatalog.Tests.Reviews;
using FilmCatalog.Web.Reviews;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FilmCatalog.Tests.Trust;

/// <summary>
/// ASVS V1.2/V1.3 (encoding and sanitization): payloads typed into every field a visitor fills in
/// come out of every page that shows them as inert text: no handler, no script, no foreign scheme.
/// </summary>
public sealed class InertInputTests : IClassFixture<InertInputTests.Factory>
{
    private const string Filler = "This filler sentence makes the review long enough to be accepted by the form. It says nothing more.";
    private readonly Factory _factory;
    private readonly ITestOutputHelper _output;

    public InertInputTests(Factory factory, ITestOutputHelper output) => (_factory, _output) = (factory, output);

    public sealed class Factory : TrustFactory
    {
        public Factory() => Settings = new Dictionary<string, string>
        {
            ["RateLimits:ReviewsPerWindow"] = "100000",
            ["RateLimits:ReportsPerWindow"] = "100000",
            ["RateLimits:VotesPerWindow"] = "100000",
        };
    }

    [Fact]
    public async Task Payloads_in_headline_body_display_name_and_report_comment_are_inert_on_every_page_that_shows_them()
    {
        var film = await TrustCatalog.AddFilmAsync(_factory, reviews: 0);
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
            var (form, button, _) = await TrustPages.OpenAsync(author, TrustPages.Writer.NewReview, film);
            var posted = await author.SubmitAsync(form, new Dictionary<string, string>
            {
                ["Input.Headline"] = headlines[i % headlines.Count],
                ["Input.Rating"] = "5",
                ["Input.Body"] = bodies[i % bodies.Count] + "\n\n" + Filler,
                ["Input.DisplayName"] = names[i % names.Count],
            }, button);
            if (posted.StatusCode != HttpStatusCode.Redirect)
                violations.Add($"review {i} was not accepted ({(int)posted.StatusCode}): {headlines[i % headlines.Count]} / {bodies[i % bodies.Count]} / {names[i % names.Count]}".ReplaceLineEndings("\\n"));
        }

        List<int> reviewIds;
        await using (var db = _factory.NewDbContext())
            reviewIds = await db.Reviews.Where(r => r.Title!.Slug == film.Slug).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        Assert.True(count == reviewIds.Count, string.Join("\n", violations));

        foreach (var (id, i) in reviewIds.Select((id, i) => (id, i)))
        {
            var (form, button, _) = await TrustPages.OpenAsync(reporter, TrustPages.Writer.Report, film with { ReviewIds = [id] });
            var receipt = await reporter.SubmitAsync(form, new Dictionary<string, string>
            {
                ["Input.Reason"] = "Other",
                ["Input.Comment"] = comments[i % comments.Count],
            }, button);
            violations.AddRange(PageSafety.Violations(await HtmlPage.ParseAsync(receipt)).Select(v => $"report receipt {id}: {v}"));
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
            violations.AddRange(PageSafety.Violations(page).Select(v => $"{url}: {v}"));
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
        var film = await TrustCatalog.AddFilmAsync(_factory, reviews: 0);
        var client = _factory.CreateClient("10.7.0.3");
        var violations = new List<string>();
        foreach (var payload in FieldPayloads.ForLine(NewModelLimits.Name))
        {
            var (form, button, _) = await TrustPages.OpenAsync(client, TrustPages.Writer.NewReview, film);
            // A body too short: the form comes back with every value filled in again.
            var echoed = await client.SubmitAsync(form, new Dictionary<string, string>
            {
                ["Input.Headline"] = payload,
                ["Input.Rating"] = "5",
                ["Input.Body"] = payload,
                ["Input.DisplayName"] = payload,
            }, button);
            Assert.Equal(HttpStatusCode.OK, echoed.StatusCode);
            var page = await HtmlPage.ParseAsync(echoed);
            Assert.Equal(payload, ((IHtmlInputElement)page.QuerySelector("input[name='Input.Headline']")!).Value);
            violations.AddRange(PageSafety.Violations(page).Select(v => $"{payload}: {v}"));
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Every_payload_at_the_length_cap_renders_inert_in_under_500_ms()
    {
        var markdown = new ReviewMarkdown();
        markdown.ToHtml("warm-up *text* with a [link](https://example.org)");
        var slow = new List<string>();
        foreach (var payload in XssCorpus.Payloads.Concat(FieldPayloads.Short))
        {
            var capped = string.Concat(Enumerable.Repeat(payload + "\n", ReviewMarkdown.MaxSourceLength / (payload.Length + 1) + 1))[..ReviewMarkdown.MaxSourceLength];
            var clock = Stopwatch.StartNew();
            var html = markdown.ToHtml(capped);
            clock.Stop();
            if (clock.ElapsedMilliseconds >= 500)
                slow.Add($"{clock.ElapsedMilliseconds} ms: {payload[..Math.Min(40, payload.Length)]}");
            Assert.Empty(HtmlSafety.Violations(html));
        }

        Assert.Empty(slow);
    }

    private static class NewModelLimits
    {
        public const int Headline = FilmCatalog.Web.Pages.Reviews.NewModel.HeadlineMax;
        public const int Name = FilmCatalog.Web.Pages.Reviews.NewModel.NameMax;
        public const int Body = FilmCatalog.Web.Pages.Reviews.NewModel.BodyMax;
    }
}
