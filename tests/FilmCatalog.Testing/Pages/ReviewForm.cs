using System.Net;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>"Review this title" (<c>/title/{slug}/review</c>): the form, filled in and posted as a visitor would.</summary>
public sealed class ReviewForm : SitePage
{
    /// <summary>A body long enough for the form, in the voice of a reader.</summary>
    public const string ValidBody = "A patient, funny film about wanting to make films. " +
        "The lead is superb, the neighbours steal every scene, and the black and white suits it well.";

    private ReviewForm(HttpClient client, IHtmlDocument document)
        : base(client, document)
    {
        Form = Required<IHtmlFormElement>("main form.review-form");
        SubmitButton = Required<IHtmlButtonElement>("main form.review-form button[type=submit]");
    }

    public IHtmlFormElement Form { get; }

    public IHtmlButtonElement SubmitButton { get; }

    public static async Task<ReviewForm> OpenAsync(HttpClient client, string url) => new(client, await HtmlPage.GetAsync(client, url));

    public static Task<ReviewForm> OpenForAsync(HttpClient client, string slug) => OpenAsync(client, $"/title/{slug}/review");

    /// <summary>The form's fields as a visitor fills them; an empty rating leaves every rating unchosen.</summary>
    public static Dictionary<string, string> Values(string headline, string rating, string body, string? name = null, bool spoilers = false)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Headline"] = headline,
            ["Input.Body"] = body,
            ["Input.DisplayName"] = name ?? "",
            ["Input.ContainsSpoilers"] = spoilers ? "true" : "false",
        };
        if (rating.Length > 0)
            values["Input.Rating"] = rating;
        return values;
    }

    /// <summary>Values the form accepts.</summary>
    public static Dictionary<string, string> ValidValues() => Values("A fair headline", "7", string.Concat(Enumerable.Repeat("A review that says something about the film. ", 4)));

    /// <summary>The visitor's own reviews of the film listed above the form ("You reviewed this film on ..."), with their edit links.</summary>
    public IReadOnlyList<(string Text, string EditHref)> OwnReviews =>
    [
        .. Main.QuerySelectorAll(".own-reviews li").Select(li => (VisibleText(li), li.QuerySelector("a")?.GetAttribute("href") ?? "")),
    ];

    public string FieldValue(string name) => Form.Elements.FirstOrDefault(e => e.GetAttribute("name") == name) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        _ => throw new InvalidOperationException($"the form has no text field named {name}"),
    };

    /// <summary>Submits the form as it stands, filled with <paramref name="values"/>; the server's answer as it came.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IReadOnlyDictionary<string, string>? values = null) => Client.SubmitAsync(Form, values, SubmitButton);

    /// <summary>Posts a review the form accepts and returns the title page it leads back to, with its confirmation.</summary>
    public async Task<TitlePage> PostAsync(IReadOnlyDictionary<string, string> values)
    {
        var response = await SubmitAsync(values);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"the review was not posted: {(int)response.StatusCode}");
        var page = await TitlePage.LandedAsync(Client, response);
        Assert.True(page.StatusMessage is not null, $"the review was not posted: {page.Heading} {string.Join("; ", page.FieldErrors)}");
        return page;
    }

    /// <summary>The rating chosen on the form, "" when none is.</summary>
    public string ChosenRating => Form.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == "Input.Rating" && i.IsChecked)?.Value ?? "";

    /// <summary>Whether the spoiler box is ticked.</summary>
    public bool SpoilersTicked => Form.Elements.OfType<IHtmlInputElement>().Single(i => i.Name == "Input.ContainsSpoilers" && i.Type == "checkbox").IsChecked;

    /// <summary>Posts a review the form refuses and returns the form shown again with its messages (answered with <paramref name="expected"/>).</summary>
    public async Task<ReviewForm> PostInvalidAsync(IReadOnlyDictionary<string, string> values, HttpStatusCode expected = HttpStatusCode.OK) =>
        new(Client, await LandAsync(Client, await SubmitAsync(values), expected));

    /// <summary>The form a response carried, whatever its status (a refusal keeps the form).</summary>
    public static async Task<ReviewForm> RefusedAsync(HttpClient client, HttpResponseMessage response) => new(client, await HtmlPage.ParseAsync(response));
}
