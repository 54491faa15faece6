using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>
/// A page of the site as one visitor's client received it: the base of the page objects. A page
/// object checks on creation that its elements are there, reads what a reader sees by selectors,
/// and each action goes through the page's real link or form and returns the page it leads to
/// (after following a redirect the client did not follow itself).
/// </summary>
public partial class SitePage
{
    protected SitePage(HttpClient client, IHtmlDocument document) => (Client, Document) = (client, document);

    public HttpClient Client { get; }

    public IHtmlDocument Document { get; }

    public IElement Main => Document.QuerySelector("main") ?? throw new InvalidOperationException("the page has no <main>");

    public string Heading => Text(Main.QuerySelector("h1"));

    /// <summary>The confirmation shown after a write (Post/Redirect/Get) or on the form page itself; null when there is none.</summary>
    public string? StatusMessage => Main.QuerySelector("[role=status].status-message") is { } status ? Text(status) : null;

    /// <summary>The error summary at the top of a form (GOV.UK's pattern): each message and the id of the field it links to (null for a form-wide one).</summary>
    public IReadOnlyList<(string Message, string? FieldId)> ErrorSummary =>
    [
        .. Main.QuerySelectorAll(".error-summary li").Select(li =>
            (Text(li), li.QuerySelector("a")?.GetAttribute("href")?.TrimStart('#'))),
    ];

    /// <summary>The validation messages next to the fields, in page order.</summary>
    public IReadOnlyList<string> FieldErrors => [.. Main.QuerySelectorAll(".field-error").Select(Text).Where(t => t.Length > 0)];

    /// <summary>The fields shown in error (the red bar beside them, <c>.field.has-error</c>): the id of each one's first control.</summary>
    public IReadOnlyList<string> FieldsInError =>
        [.. Main.QuerySelectorAll(".field.has-error").Select(f => f.QuerySelector("input:not([type=hidden]), textarea, select")?.Id ?? "")];

    /// <summary>The ids of the controls marked invalid for assistive technology (<c>aria-invalid="true"</c>), in page order.</summary>
    public IReadOnlyList<string> InvalidControls => [.. Main.QuerySelectorAll("[aria-invalid=true]").Select(e => e.Id ?? "")];

    /// <summary>Opens any page and checks its status.</summary>
    public static async Task<SitePage> GetAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        new(client, await HtmlPage.GetAsync(client, url, expected));

    /// <summary>Any page a response carried, whatever its status.</summary>
    public static async Task<SitePage> FromAsync(HttpClient client, HttpResponseMessage response) =>
        new(client, await HtmlPage.ParseAsync(response));

    /// <summary>The page a submission leads to: the redirect followed when the client did not, and the status checked.</summary>
    protected static async Task<IHtmlDocument> LandAsync(HttpClient client, HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther && response.Headers.Location is { } location)
            response = await client.GetAsync(location);
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}");
        return await HtmlPage.ParseAsync(response);
    }

    /// <summary>An element's text as a reader sees it: whitespace runs collapsed; "" for no element.</summary>
    public static string Text(IElement? element) =>
        element is null ? "" : Whitespace().Replace(element.TextContent, " ").Trim();

    /// <summary>Text without the parts hidden from sight and kept for screen readers.</summary>
    public static string VisibleText(IElement? element)
    {
        if (element?.Clone() is not IElement copy)
            return "";
        foreach (var hidden in copy.QuerySelectorAll(".visually-hidden").ToList())
            hidden.Remove();
        return Text(copy);
    }

    /// <summary>The element <paramref name="selector"/> finds, failing the test with the selector when there is none.</summary>
    protected T Required<T>(string selector) where T : class, IElement
    {
        var element = Document.QuerySelector(selector);
        Assert.True(element is T, $"{Document.Url}: no {typeof(T).Name} matches {selector}");
        return (T)element!;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
