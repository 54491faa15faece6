using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>A title as a list shows it (search results, browse pages, the front page): its link, what is shown under it.</summary>
public sealed record ListedTitleItem(string Name, string? Year, string Href, string Meta, string? Note, bool IsCardOnly)
{
    /// <summary>The slug the link leads to.</summary>
    public string Slug => Href[(Href.LastIndexOf('/') + 1)..];

    internal static ListedTitleItem From(IElement item)
    {
        var link = item.QuerySelector(".title-item-name a") as IHtmlAnchorElement
            ?? throw new InvalidOperationException("a listed title without its link");
        return new ListedTitleItem(
            SitePage.Text(link),
            item.QuerySelector(".title-item-year") is { } year ? SitePage.Text(year).Trim('(', ')') : null,
            link.PathName,
            SitePage.Text(item.QuerySelector(".title-item-meta")),
            item.QuerySelector(".title-item-note") is { } note ? SitePage.Text(note) : null,
            item.QuerySelector(".title-item-name .tag") is not null);
    }
}

/// <summary>The search page: the titles found, the people found, and the links to more of either.</summary>
public sealed class SearchPage : SitePage
{
    private SearchPage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Required<IHtmlFormElement>("main form.search-form[role=search]");

    public static async Task<SearchPage> GetAsync(HttpClient client, string query, string? type = null, int? page = null) =>
        new(client, await HtmlPage.GetAsync(client,
            $"/search?q={Uri.EscapeDataString(query)}" + (type is null ? "" : $"&type={type}") + (page is null ? "" : $"&p={page}")));

    /// <summary>What the search box on the page holds.</summary>
    public string BoxValue => Required<IHtmlInputElement>("#search-page-q").Value;

    public IReadOnlyList<ListedTitleItem> Titles => [.. Main.QuerySelectorAll("#titles-heading ~ ol .title-item").Select(ListedTitleItem.From)];

    /// <summary>People found: name and the slug of their page.</summary>
    public IReadOnlyList<(string Name, string Slug, string Meta)> People =>
    [
        .. Main.QuerySelectorAll(".person-item").Select(p =>
        {
            var link = (IHtmlAnchorElement)p.QuerySelector(".person-item-name a")!;
            return (Text(link), link.PathName[(link.PathName.LastIndexOf('/') + 1)..], Text(p.QuerySelector(".person-item-meta")));
        }),
    ];

    public bool SaysNothingMatches => Main.QuerySelector(".search-none") is not null;

    public string? Note => Main.QuerySelector(".search-note") is { } note ? Text(note) : null;

    /// <summary>Follows "More titles" (or the next page of titles).</summary>
    public async Task<SearchPage?> NextTitlesAsync()
    {
        var link = Main.QuerySelector<IHtmlAnchorElement>("a[rel=next]") ?? Main.QuerySelector<IHtmlAnchorElement>(".more-link a[href*='type=titles']");
        return link is null ? null : new SearchPage(Client, await HtmlPage.GetAsync(Client, link.PathName + link.Search));
    }
}

/// <summary>A person's page: the heading, the summary, the note about homonyms and the films with their parts.</summary>
public sealed class PersonPage : SitePage
{
    private PersonPage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Assert.Single(document.QuerySelectorAll("main h1"));

    public static async Task<PersonPage> GetAsync(HttpClient client, string slug) =>
        new(client, await HtmlPage.GetAsync(client, $"/name/{slug}"));

    public static async Task<PersonPage> OpenAsync(HttpClient client, string path) =>
        new(client, await HtmlPage.GetAsync(client, path));

    public string Summary => Text(Main.QuerySelector(".person-summary"));

    public string? HomonymNote => Main.QuerySelector(".homonym-note") is { } note ? Text(note) : null;

    /// <summary>Each film: its year as shown, its name (or the lost-title line), its slug (null when lost) and its parts.</summary>
    public IReadOnlyList<(string Year, string Name, string? Slug, string Parts)> Films =>
    [
        .. Main.QuerySelectorAll(".credit-item").Select(item =>
        {
            var link = item.QuerySelector<IHtmlAnchorElement>("p:first-child a");
            var name = link is null ? Text(item.QuerySelector("p:first-child span:not(.credit-year)")) : Text(link);
            return (Text(item.QuerySelector(".credit-year")), name, link?.PathName[(link.PathName.LastIndexOf('/') + 1)..], Text(item.QuerySelector(".credit-roles")));
        }),
    ];

    /// <summary>The kind a film's row names beside it ("TV Series"); null when it names none, as for a film.</summary>
    public string? KindOf(string name) =>
        Main.QuerySelectorAll(".credit-item").Single(item => item.QuerySelector("p:first-child a") is { } a && Text(a) == name)
            .QuerySelector(".tag-kind") is { } kind ? Text(kind) : null;
}

/// <summary>A browse page (genre, year, decade, A-Z): its titles and the links to the pages before and after.</summary>
public sealed class BrowsePage : SitePage
{
    private BrowsePage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Assert.Single(document.QuerySelectorAll("main h1"));

    public static async Task<BrowsePage> OpenAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        new(client, await HtmlPage.GetAsync(client, path, expected));

    public IReadOnlyList<ListedTitleItem> Titles => [.. Main.QuerySelectorAll(".title-item").Select(ListedTitleItem.From)];

    public Task<BrowsePage?> NextAsync() => FollowAsync("a[rel=next]");

    public Task<BrowsePage?> PreviousAsync() => FollowAsync("a[rel=prev]");

    /// <summary>The orders offered, by label, with the current one marked.</summary>
    public IReadOnlyList<(string Label, string Href, bool Current)> Sorts =>
        [.. Main.QuerySelectorAll(".sort-choice a").Cast<IHtmlAnchorElement>().Select(a => (Text(a), a.PathName + a.Search, a.HasAttribute("aria-current")))];

    private async Task<BrowsePage?> FollowAsync(string selector)
    {
        var link = Main.QuerySelector<IHtmlAnchorElement>($".pager {selector}");
        return link is null ? null : new BrowsePage(Client, await HtmlPage.GetAsync(Client, link.PathName + link.Search));
    }
}

/// <summary>A genre as <c>/genres</c> lists it: its name and page, its number of titles and its best-rated title's page and text.</summary>
public sealed record GenreEntry(string Name, string Href, int Titles, string? BestRatedHref, string? BestRated);

/// <summary><c>/genres</c>: every genre, A-Z.</summary>
public sealed class GenresPage : SitePage
{
    private GenresPage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Assert.Equal("Genres", Heading);

    public static async Task<GenresPage> OpenAsync(HttpClient client) => new(client, await HtmlPage.GetAsync(client, "/genres"));

    public IReadOnlyList<GenreEntry> Genres =>
    [
        .. Main.QuerySelectorAll(".index-item").Select(item =>
        {
            var link = item.QuerySelector<IHtmlAnchorElement>(".index-item-name a") ?? throw new InvalidOperationException("a genre without its link");
            var best = item.QuerySelector<IHtmlAnchorElement>(".index-item-meta a");
            return new GenreEntry(Text(link), link.PathName, CountOf(item.QuerySelector(".index-item-count")), best?.PathName,
                item.QuerySelector(".index-item-meta") is { } meta ? Text(meta) : null);
        }),
    ];

    /// <summary>The number an element's text begins with, after any separator: "1,204 titles" and "· 1,204 titles" are 1204.</summary>
    internal static int CountOf(IElement? element) => int.Parse(
        new string([.. Text(element).SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == ',').Where(char.IsDigit)]),
        System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A decade as <c>/decades</c> lists it ("1990s"), with its count and its years (each with its page and count).</summary>
public sealed record DecadeEntry(string Name, string Href, int Titles, IReadOnlyList<(int Year, string Href, int Titles)> Years);

/// <summary><c>/decades</c>: every decade with titles, newest first.</summary>
public sealed class DecadesPage : SitePage
{
    private DecadesPage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Assert.Equal("Decades", Heading);

    public static async Task<DecadesPage> OpenAsync(HttpClient client) => new(client, await HtmlPage.GetAsync(client, "/decades"));

    public IReadOnlyList<DecadeEntry> Decades =>
    [
        .. Main.QuerySelectorAll(".index-item").Select(item =>
        {
            var link = item.QuerySelector<IHtmlAnchorElement>(".index-item-name a") ?? throw new InvalidOperationException("a decade without its link");
            var years = item.QuerySelectorAll(".chip-links a").Cast<IHtmlAnchorElement>().Select(a => (
                int.Parse(a.TextContent.Trim()[..4], System.Globalization.CultureInfo.InvariantCulture), a.PathName, GenresPage.CountOf(a.QuerySelector(".chip-count"))));
            return new DecadeEntry(Text(link), link.PathName, GenresPage.CountOf(item.QuerySelector(".index-item-count")), [.. years]);
        }),
    ];
}
