using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>A film's user reviews, 20 a page (<c>/title/{slug}/reviews</c>), with its "next" link.</summary>
public sealed class AllReviewsPage : SitePage
{
    private AllReviewsPage(HttpClient client, IHtmlDocument document)
        : base(client, document)
    {
    }

    public static async Task<AllReviewsPage> OpenAsync(HttpClient client, string url) => new(client, await HtmlPage.GetAsync(client, url));

    public IReadOnlyList<IElement> Reviews => [.. Main.QuerySelectorAll("article.review")];

    public string? NextUrl => Main.QuerySelector<IHtmlAnchorElement>("a[rel=next]")?.GetAttribute("href");

    /// <summary>The next page, or null on the last.</summary>
    public async Task<AllReviewsPage?> NextAsync() => NextUrl is { } next ? await OpenAsync(Client, next) : null;

    /// <summary>This page and every page after it, following "next" (at most <paramref name="limit"/> pages).</summary>
    public async Task<List<AllReviewsPage>> ThisAndFollowingAsync(int limit = 20)
    {
        var pages = new List<AllReviewsPage> { this };
        for (var page = await NextAsync(); page is not null && pages.Count < limit; page = await page.NextAsync())
            pages.Add(page);
        return pages;
    }
}
