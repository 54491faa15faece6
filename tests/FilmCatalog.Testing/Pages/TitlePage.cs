using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>
/// The title page as a reader sees it, section by section. Each property reads one section by its
/// selectors; a section the page left out reads as empty. Its links and vote forms lead on to the
/// review form, the vote and report pages and the all-reviews page.
/// </summary>
public sealed class TitlePage : SitePage
{
    private TitlePage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Assert.Single(document.QuerySelectorAll("h1"));

    public static async Task<TitlePage> GetAsync(HttpClient client, string slug) =>
        new(client, await HtmlPage.GetAsync(client, $"/title/{slug}"));

    /// <summary>The title page a submission led back to (Post/Redirect/Get).</summary>
    internal static async Task<TitlePage> LandedAsync(HttpClient client, HttpResponseMessage response) =>
        new(client, await LandAsync(client, response));

    /// <summary>Follows "Review this title".</summary>
    public async Task<ReviewForm> ClickReviewThisTitleAsync()
    {
        var link = Required<IHtmlAnchorElement>("main a.button[href$='/review']");
        return await ReviewForm.OpenAsync(Client, link.PathName);
    }

    /// <summary>Answers "Was this review helpful to you?" under a review: the GET form that leads to the confirmation page.</summary>
    public async Task<VotePage> ClickVoteAsync(int reviewId, bool helpful)
    {
        var form = VoteForm(reviewId);
        var answer = form.QuerySelector<IHtmlButtonElement>($"button[value='{(helpful ? "yes" : "no")}']");
        Assert.True(answer is not null, $"review {reviewId} has no {(helpful ? "Yes" : "No")} button");
        return await VotePage.LandedAsync(Client, await Client.SubmitAsync(form, submitButton: answer));
    }

    /// <summary>Follows "Report" under a review.</summary>
    public async Task<ReportForm> ClickReportAsync(int reviewId)
    {
        var link = Required<IHtmlAnchorElement>($"#review-{reviewId} a.report-link");
        return await ReportForm.OpenAsync(Client, link.PathName);
    }

    /// <summary>Follows the "All reviews" link under the reviews to the all-reviews page.</summary>
    public async Task<AllReviewsPage> ClickAllReviewsAsync()
    {
        var link = Required<IHtmlAnchorElement>("#reviews .more-link a");
        return await AllReviewsPage.OpenAsync(Client, link.PathName + link.Search);
    }

    /// <summary>The link beside the confirmation after the visitor posted or edited a review; null when there is none.</summary>
    public IHtmlAnchorElement? StatusEditLink => Main.QuerySelector<IHtmlAnchorElement>("[role=status].status-message a");

    /// <summary>Follows "Edit or withdraw it" beside the confirmation.</summary>
    public async Task<EditReviewPage> ClickEditOwnReviewAsync()
    {
        Assert.True(StatusEditLink is not null, "the confirmation has no link to edit the review");
        return await EditReviewPage.FollowAsync(Client, StatusEditLink!.PathName);
    }

    /// <summary>The form under a review that asks whether it was helpful.</summary>
    public IHtmlFormElement VoteForm(int reviewId) => Required<IHtmlFormElement>($"#review-{reviewId} form.vote-form");

    /// <summary>The id of the review whose headline is <paramref name="headline"/>.</summary>
    public int ReviewId(string headline)
    {
        var article = Main.QuerySelectorAll("article.review").FirstOrDefault(a => Text(a.QuerySelector(".review-headline")) == headline);
        Assert.True(article is not null, $"no review headed \"{headline}\" on the page");
        return int.Parse(article!.Id!["review-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"N of M people found this review helpful." under a review.</summary>
    public string HelpfulLine(int reviewId) => Text(Main.QuerySelector($"#review-{reviewId} .helpful-count"));

    /// <summary>The review with <paramref name="reviewId"/>, or null when the page does not show it.</summary>
    public IElement? ReviewArticle(int reviewId) => Main.QuerySelector($"#review-{reviewId}");

    /// <summary>The h2 of every section, in page order.</summary>
    public IReadOnlyList<string> SectionHeadings => [.. Main.QuerySelectorAll("h2").Select(Text)];

    public IReadOnlyList<string> SubHeadings => [.. Main.QuerySelectorAll("h3").Select(Text)];

    /// <summary>The reviews section's first line: how many reviews there are.</summary>
    public string ReviewCountsLine => Text(Main.QuerySelector("#reviews .review-counts"));

    /// <summary>What the reviews section says the original site counted, or "".</summary>
    public string SourceReviewCounts => Text(Main.QuerySelector("#reviews .source-counts"));

    /// <summary>The header's ratings, by their label ("Original site", "FilmCatalog visitors"): what each says under it.</summary>
    public IReadOnlyDictionary<string, string> Ratings =>
        Main.QuerySelectorAll(".hero .ratings .rating").ToDictionary(
            r => Text(r.QuerySelector(".rating-label")),
            r => VisibleText(r).Replace(Text(r.QuerySelector(".rating-label")), "", StringComparison.Ordinal).Trim());

    /// <summary>The plot the header tells, and who wrote it when it is the storyline.</summary>
    public string Plot => Text(Main.QuerySelector(".hero .plot .lede"));

    public string PlotAuthor => Text(Main.QuerySelector(".hero .plot .attribution .author"));

    public string Tagline => Text(Main.QuerySelector(".hero .tagline"));

    /// <summary>What the title is and its years, under its name ("TV Series · 1994–2004"); null for a film, which says nothing.</summary>
    public string? Kind => Main.QuerySelector(".hero .title-kind") is { } kind ? Text(kind) : null;

    /// <summary>Certificate, runtime and genres under the title, as read aloud.</summary>
    public IReadOnlyList<string> HeaderFacts => [.. Main.QuerySelectorAll(".hero-facts li").Select(Text)];

    public IReadOnlyList<string> Genres => [.. Main.QuerySelectorAll(".hero-facts .genre").Select(Text)];

    public string? Notice => Main.QuerySelector(".notice") is { } notice ? Text(notice) : null;

    public IReadOnlyList<Link> KnownFrom => [.. Main.QuerySelectorAll(".known-from a").Select(LinkOf)];

    public IReadOnlyDictionary<string, string> KeyCredits => Pairs(".key-credits dt", ".key-credits dd");

    public IReadOnlyList<CastRow> Cast =>
        [.. Main.QuerySelectorAll("#cast tbody tr").Select(row => new CastRow(Text(row.QuerySelector("th")), Text(row.QuerySelector("td"))))];

    public string Storyline => Text(Main.QuerySelector("#storyline .storyline p"));

    public string StorylineAuthor => Text(Main.QuerySelector("#storyline .attribution .author"));

    public IReadOnlyList<string> MoreTaglines => Items("#storyline .taglines li");

    public IReadOnlyDictionary<string, string> Details => Rows("#details");

    public IReadOnlyDictionary<string, string> BoxOffice => Rows("#box-office");

    public IReadOnlyDictionary<string, string> TechSpecs => Rows("#tech-specs");

    public IReadOnlyList<string> Trivia => Items("#did-you-know .trivia li");

    public IReadOnlyList<string> Goofs => Items("#did-you-know .goofs li");

    public IReadOnlyList<string> Quotes => Items("#did-you-know .quotes blockquote");

    public IReadOnlyList<Connection> Connections =>
    [
        .. Main.QuerySelectorAll("#did-you-know .connections li").Select(li => new Connection(
            Text(li.QuerySelector(".connection-kind")),
            Text(li.QuerySelector("a, cite")),
            li.QuerySelector("a")?.GetAttribute("href"))),
    ];

    public IReadOnlyList<Song> Soundtrack =>
    [
        .. Main.QuerySelectorAll("#did-you-know .soundtrack li.song").Select(li => new Song(
            Text(li.QuerySelector(".song-title")),
            [.. li.QuerySelectorAll(".credit-lines li").Select(Text)])),
    ];

    public IReadOnlyList<string> FaqQuestions => Items("#faq h3");

    public IReadOnlyList<Review> Reviews =>
    [
        .. Main.QuerySelectorAll("#reviews article.review").Select(article => new Review(
            Text(article.QuerySelector(".review-headline")),
            Text(article.QuerySelector(".review-meta")),
            VisibleText(article.QuerySelector(".review-rating")),
            Text(article.QuerySelector(".review-body")),
            Text(article.QuerySelector(".review-helpful")),
            article.QuerySelector("details.review-spoiler") is { } spoiler && !spoiler.HasAttribute("open"))),
    ];

    public Link? AllReviewsLink => Main.QuerySelector("#reviews .more-link a") is { } a ? LinkOf(a) : null;

    public IReadOnlyList<Card> Cards =>
    [
        .. Main.QuerySelectorAll("#also-liked li.card").Select(li => new Card(
            Text(li.QuerySelector(".card-title")),
            li.QuerySelector(".card-title a")?.GetAttribute("href"),
            VisibleText(li.QuerySelector(".card-rating")),
            Text(li.QuerySelector(".card-genres")),
            Text(li.QuerySelector(".card-plot")),
            Text(li.QuerySelector(".card-credits")),
            Text(li.QuerySelector(".card-why")),
            li.ClassList.Contains("card-untitled")))
    ];

    /// <summary>Every script element: its type, its src (null when inline) and its contents.</summary>
    public IReadOnlyList<(string? Type, string? Source, string Content)> Scripts =>
        [.. Document.QuerySelectorAll("script").Select(s => (s.GetAttribute("type"), s.GetAttribute("src"), s.TextContent))];

    public string JsonLd => Assert.Single(Scripts, s => s.Type == "application/ld+json").Content;

    public string? Meta(string property) =>
        Document.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");

    public string? Canonical => Document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    private IReadOnlyList<string> Items(string selector) => [.. Main.QuerySelectorAll(selector).Select(Text)];

    private Dictionary<string, string> Rows(string section) =>
        Main.QuerySelectorAll($"{section} table.facts-table tr").ToDictionary(
            row => Text(row.QuerySelector("th")),
            row => Text(row.QuerySelector("td")));

    private Dictionary<string, string> Pairs(string keys, string values) =>
        Main.QuerySelectorAll(keys).Zip(Main.QuerySelectorAll(values)).ToDictionary(p => Text(p.First), p => Text(p.Second));

    private static Link LinkOf(IElement a) => new(Text(a), a.GetAttribute("href") ?? "");

    public sealed record Link(string Text, string Href);

    public sealed record CastRow(string Name, string Character);

    public sealed record Connection(string Kind, string Title, string? Href);

    public sealed record Song(string Title, IReadOnlyList<string> CreditLines);

    public sealed record Review(string Headline, string Meta, string Rating, string Body, string Helpful, bool BodyCollapsed);

    public sealed record Card(string Title, string? Href, string Rating, string Genres, string Plot, string Credits, string Why, bool Untitled);
}
