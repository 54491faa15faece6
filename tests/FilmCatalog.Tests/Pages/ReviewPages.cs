using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Tests.Infrastructure;

namespace FilmCatalog.Tests.Pages;

/// <summary>Page objects for the review flow: each action goes through the page's real form and returns the next page.</summary>
public static class ReviewPages
{
    public const string SeedSlug = "in-the-soup-1992";

    public static string ValidBody => "A patient, funny film about wanting to make films. " +
        "The lead is superb, the neighbours steal every scene, and the black and white suits it well.";

    /// <summary>Opens the title page, follows "Review this title", fills and submits the form.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostReviewAsync(
        HttpClient client, string slug, string headline, string rating, string body, string? name = null, bool spoilers = false)
    {
        var title = await HtmlPage.GetAsync(client, $"/title/{slug}");
        var link = title.QuerySelector<IHtmlAnchorElement>("a.button[href$='/review']");
        Assert.True(link is not null, "the title page has no Review this title link");
        var form = await HtmlPage.GetAsync(client, link!.PathName);

        var values = new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.Body"] = body,
            ["Input.DisplayName"] = name ?? "",
            ["Input.ContainsSpoilers"] = spoilers ? "true" : "false",
        };
        if (rating.Length > 0)
            values["Input.Rating"] = rating;

        var response = await client.SubmitAsync(FormSubmitter.FormOf(form, "form.review-form"), values);
        return (response, await HtmlPage.ParseAsync(response));
    }

    /// <summary>Answers "Was this review helpful?" under a review: the title page's form, then the confirmation form.</summary>
    public static async Task<HttpResponseMessage> VoteAsync(HttpClient client, string slug, int reviewId, bool helpful)
    {
        var title = await HtmlPage.GetAsync(client, $"/title/{slug}");
        var voteForm = FormOf(title, reviewId);
        var answer = voteForm.QuerySelector<IHtmlButtonElement>($"button[value='{(helpful ? "yes" : "no")}']")!;
        var confirmResponse = await client.SubmitAsync(voteForm, submitButton: answer);
        Assert.Equal(System.Net.HttpStatusCode.OK, confirmResponse.StatusCode);
        var confirm = await HtmlPage.ParseAsync(confirmResponse);

        var post = confirm.QuerySelector<IHtmlFormElement>("form.vote-confirm");
        if (post is null)
            return confirmResponse;
        var button = post.QuerySelector<IHtmlButtonElement>($"button[value='{(helpful ? "yes" : "no")}']")!;
        return await client.SubmitAsync(post, submitButton: button);
    }

    public static IHtmlFormElement FormOf(IHtmlDocument title, int reviewId)
    {
        var form = title.QuerySelector<IHtmlFormElement>($"#review-{reviewId} form.vote-form");
        Assert.True(form is not null, $"review {reviewId} has no vote form on the page");
        return form!;
    }

    public static string HelpfulLine(IHtmlDocument page, int reviewId) =>
        page.QuerySelector($"#review-{reviewId} .helpful-count")?.TextContent.Trim() ?? "";

    /// <summary>The id of the review whose headline is <paramref name="headline"/> on a page.</summary>
    public static int ReviewId(IHtmlDocument page, string headline)
    {
        var article = page.QuerySelectorAll("article.review").FirstOrDefault(a => a.QuerySelector(".review-headline")?.TextContent.Trim() == headline);
        Assert.True(article is not null, $"no review headed \"{headline}\" on the page");
        return int.Parse(article!.Id!["review-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
