using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>
/// The moderators' sign-in pages (<c>/moderation/signin</c>, <c>/code</c>, <c>/recovery</c>): each
/// submits its real form (antiforgery token included) and returns the page the answer leads to.
/// </summary>
public sealed class SignInPage : SitePage
{
    private SignInPage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Form = Required<IHtmlFormElement>("main form.signin-form");

    public IHtmlFormElement Form { get; }

    /// <summary>The messages of the error summary at the top of the form.</summary>
    public IReadOnlyList<string> Errors => [.. Document.QuerySelectorAll(".error-summary li").Select(Text)];

    public static async Task<SignInPage> OpenAsync(HttpClient client, string url = "/moderation/signin") =>
        new(client, await HtmlPage.GetAsync(client, url));

    /// <summary>Any page with a sign-in form, e.g. the page a refused attempt answered with.</summary>
    public static async Task<SignInPage> LandedAsync(HttpClient client, HttpResponseMessage response) =>
        new(client, await LandAsync(client, response));

    public Task<HttpResponseMessage> SubmitAsync(IReadOnlyDictionary<string, string> values) =>
        Client.SubmitAsync(Form, values, Required<IHtmlButtonElement>("main form.signin-form button[type=submit]"));

    /// <summary>Email and password: the answer as it came (a redirect when accepted, the form again when not).</summary>
    public Task<HttpResponseMessage> SendPasswordAsync(string email, string password) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The code page's or the recovery page's one field.</summary>
    public Task<HttpResponseMessage> SendCodeAsync(string code) =>
        SubmitAsync(new Dictionary<string, string> { [Form.Elements.OfType<IHtmlInputElement>().Single(i => i.Type != "hidden").Name!] = code });
}

/// <summary>
/// A moderation page that lists reviews (the queue, the hidden list, a film's reviews, one review's
/// page): each review as <c>article.moderated-review</c>, with its decision form.
/// </summary>
public sealed class ModerationPage : SitePage
{
    private ModerationPage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Assert.NotNull(document.QuerySelector("nav.moderation-nav"));

    public static async Task<ModerationPage> OpenAsync(HttpClient client, string url) =>
        new(client, await HtmlPage.GetAsync(client, url));

    internal static async Task<ModerationPage> LandedAsync(HttpClient client, HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) =>
        new(client, await LandAsync(client, response, expected));

    /// <summary>The ids of the reviews listed, in page order.</summary>
    public IReadOnlyList<int> ReviewIds => [.. Main.QuerySelectorAll("article.moderated-review")
        .Select(a => int.Parse(a.Id!["moderated-".Length..], System.Globalization.CultureInfo.InvariantCulture))];

    public IElement Review(int id) => Required<IElement>($"#moderated-{id}");

    /// <summary>"3 open reports from 3 networks: Spam or advertising × 2, ..." as shown.</summary>
    public string ReportSummary(int id) => Text(Review(id).QuerySelector(".report-count"));

    public IReadOnlyList<string> ReportComments(int id) => [.. Review(id).QuerySelectorAll(".report-comments q").Select(Text)];

    public string Status(int id) => Text(Review(id).QuerySelector(".moderated-status .status-tag"));

    /// <summary>The decision buttons offered for a review, by their text.</summary>
    public IReadOnlyList<string> Decisions(int id) => [.. Review(id).QuerySelectorAll(".decision-form button").Select(Text)];

    /// <summary>The review's moderation history on its own page: "Hidden by a@b.c, ...: why" per action.</summary>
    public IReadOnlyList<string> History => [.. Main.QuerySelectorAll(".moderation-history li").Select(Text)];

    public IReadOnlyList<string> Errors => [.. Document.QuerySelectorAll(".error-summary li").Select(Text)];

    /// <summary>Submits the review's decision form with the button whose text is <paramref name="button"/>; the answer as it came.</summary>
    public Task<HttpResponseMessage> SubmitDecisionAsync(int id, string button, string? note)
    {
        var form = Review(id).QuerySelector<IHtmlFormElement>(".decision-form");
        Assert.True(form is not null, $"review {id} has no decision form");
        var submit = form!.QuerySelectorAll<IHtmlButtonElement>("button").FirstOrDefault(b => Text(b) == button);
        Assert.True(submit is not null, $"review {id} offers no \"{button}\" (it offers {string.Join(", ", Decisions(id))})");
        var values = new Dictionary<string, string> { ["Decision.Note"] = note ?? "" };
        return Client.SubmitAsync(form, values, submit);
    }

    /// <summary>Decides and returns the page the decision leads back to (with its status message).</summary>
    public async Task<ModerationPage> DecideAsync(int id, string button, string note) =>
        await LandedAsync(Client, await SubmitDecisionAsync(id, button, note));
}
