using static FilmCatalog.Testing.ReviewForm;

namespace FilmCatalog.Tests.Pages.Reviews;

public sealed class ReviewXssTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    private const string SeedSlug = "in-the-soup-1992";

    public static TheoryData<int> PayloadIndexes()
    {
        var data = new TheoryData<int>();
        foreach (var i in Enumerable.Range(0, XssCorpus.Payloads.Count()))
            data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(PayloadIndexes))]
    public async Task A_hostile_review_posted_through_the_form_is_shown_inert(int index)
    {
        var payload = XssCorpus.Payloads.ElementAt(index);
        var client = factory.CreateClient();
        // A headline and a name are one line: the form refuses control characters there, so they become spaces.
        var oneLine = new string([.. payload.Select(c => char.IsControl(c) ? ' ' : c)]);
        var headline = $"Payload {index} {oneLine}";
        headline = headline[..Math.Min(headline.Length, 100)];
        var form = await OpenForAsync(client, SeedSlug);

        var response = await form.SubmitAsync(Values(headline, "5",
            $"{ValidBody}\n\n{payload}"[..Math.Min(ValidBody.Length + 2 + payload.Length, 5_000)],
            name: oneLine[..Math.Min(oneLine.Length, 50)]));
        var page = await SitePage.FromAsync(client, response);

        if (payload.Contains('\0', StringComparison.Ordinal))
        {
            // No keyboard types a NUL: the form post is refused outright, which is as inert as it gets.
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Bad request", page.Heading);
            return;
        }

        var review = page.Main.QuerySelectorAll("article.review").FirstOrDefault(a => a.QuerySelector(".review-headline")?.TextContent.StartsWith($"Payload {index} ", StringComparison.Ordinal) == true);
        Assert.True(review is not null, $"payload {index}: the review was not posted ({(int)response.StatusCode} {page.Main.TextContent})");
        // The body is the only place a review's markup is rendered; it must hold nothing unsafe.
        Assert.Empty(HtmlSafety.Violations(review!.QuerySelector(".review-body")!.InnerHtml));
        // Headline and name are text: shown as typed, never as elements.
        Assert.Empty(review.QuerySelector(".review-headline")!.Children);
        Assert.Equal(headline.Trim(), review.QuerySelector(".review-headline")!.TextContent);
        // And nothing anywhere on the page became a handler or a script.
        Assert.Empty(HtmlSafety.PageViolations(page.Document));
    }
}
