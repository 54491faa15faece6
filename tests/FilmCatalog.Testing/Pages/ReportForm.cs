using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>"Report this review" (<c>/reviews/{id}/report</c>): a reason and a comment; the same page answers with a receipt.</summary>
public sealed class ReportForm : SitePage
{
    private ReportForm(HttpClient client, IHtmlDocument document)
        : base(client, document) => Form = Main.QuerySelector<IHtmlFormElement>("form.report-form");

    /// <summary>The form; null on a receipt (the report was received or was already made).</summary>
    public IHtmlFormElement? Form { get; }

    public IHtmlButtonElement SubmitButton => Required<IHtmlButtonElement>("form.report-form button[type=submit]");

    public static async Task<ReportForm> OpenAsync(HttpClient client, string url) => new(client, await HtmlPage.GetAsync(client, url));

    public static Task<ReportForm> OpenForAsync(HttpClient client, int reviewId) => OpenAsync(client, $"/reviews/{reviewId}/report");

    /// <summary>The page a response carried, whatever its status (a refusal keeps the form as sent).</summary>
    public static async Task<ReportForm> RefusedAsync(HttpClient client, HttpResponseMessage response) => new(client, await HtmlPage.ParseAsync(response));

    /// <summary>The reason chosen on the form, null when none is.</summary>
    public string? ChosenReason => Form?.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == "Input.Reason" && i.IsChecked)?.Value;

    /// <summary>The note to the moderators as the form holds it.</summary>
    public string Comment => Form?.Elements.OfType<IHtmlTextAreaElement>().Single(a => a.Name == "Input.Comment").Value ?? "";

    public static Dictionary<string, string> Values(string? reason, string comment = "")
    {
        var values = new Dictionary<string, string> { ["Input.Comment"] = comment };
        if (reason is not null)
            values["Input.Reason"] = reason;
        return values;
    }

    /// <summary>Submits the form as it stands, filled with <paramref name="values"/>; the server's answer as it came.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IReadOnlyDictionary<string, string>? values = null)
    {
        Assert.True(Form is not null, "the page has no report form");
        return Client.SubmitAsync(Form!, values, SubmitButton);
    }

    /// <summary>Sends the report and returns the page that answers it: a receipt, or the form again with its messages.</summary>
    public async Task<ReportForm> SendAsync(string? reason, string comment = "") =>
        new(Client, await LandAsync(Client, await SubmitAsync(Values(reason, comment))));
}
