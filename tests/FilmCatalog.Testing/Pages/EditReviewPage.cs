using System.Net;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>
/// "Edit your review" (<c>/reviews/{id}/edit</c>): the review form filled with what its author posted, saved or
/// withdrawn as the author would; or, for anyone else, the page that says why they cannot edit it.
/// </summary>
public sealed class EditReviewPage : SitePage
{
    private EditReviewPage(HttpClient client, IHtmlDocument document)
        : base(client, document)
    {
        Form = Required<IHtmlFormElement>("main form.review-form");
        SaveButton = Required<IHtmlButtonElement>("main form.review-form button[type=submit]");
        WithdrawForm = Required<IHtmlFormElement>("main form.withdraw-form");
    }

    public IHtmlFormElement Form { get; }

    public IHtmlButtonElement SaveButton { get; }

    public IHtmlFormElement WithdrawForm { get; }

    public static string UrlOf(int reviewId) => $"/reviews/{reviewId}/edit";

    public static async Task<EditReviewPage> OpenAsync(HttpClient client, int reviewId) => new(client, await HtmlPage.GetAsync(client, UrlOf(reviewId)));

    /// <summary>The page a visitor who may not edit the review gets: its heading says so, and its notice why.</summary>
    public static async Task<SitePage> RefusedAsync(HttpClient client, int reviewId, HttpStatusCode expected) =>
        await GetAsync(client, UrlOf(reviewId), expected);

    /// <summary>The edit page a link led to.</summary>
    internal static async Task<EditReviewPage> FollowAsync(HttpClient client, string url) => new(client, await HtmlPage.GetAsync(client, url));

    public string FieldValue(string name) => Form.Elements.FirstOrDefault(e => e.GetAttribute("name") == name) switch
    {
        IHtmlInputElement { Type: "checkbox" } box => box.IsChecked ? "true" : "false",
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        _ => throw new InvalidOperationException($"the form has no field named {name}"),
    };

    /// <summary>The rating chosen in the form, or null.</summary>
    public string? Rating => Form.QuerySelectorAll("input[name='Input.Rating']").OfType<IHtmlInputElement>().FirstOrDefault(r => r.IsChecked)?.Value;

    /// <summary>Submits the edit form filled with <paramref name="values"/>; the server's answer as it came.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IReadOnlyDictionary<string, string>? values = null) => Client.SubmitAsync(Form, values, SaveButton);

    /// <summary>Saves changes the form accepts and returns the title page it leads back to, with its confirmation.</summary>
    public async Task<TitlePage> SaveAsync(IReadOnlyDictionary<string, string> values)
    {
        var page = await TitlePage.LandedAsync(Client, await SubmitAsync(values));
        Assert.True(page.StatusMessage is not null, $"the review was not saved: {page.Heading} {string.Join("; ", page.FieldErrors)}");
        return page;
    }

    /// <summary>Saves changes the form refuses and returns the form shown again with its messages.</summary>
    public async Task<EditReviewPage> SaveInvalidAsync(IReadOnlyDictionary<string, string> values) =>
        new(Client, await LandAsync(Client, await SubmitAsync(values)));

    /// <summary>The edit form a response carried, whatever its status (a refusal keeps the form).</summary>
    public static async Task<EditReviewPage> RefusedAsync(HttpClient client, HttpResponseMessage response) => new(client, await HtmlPage.ParseAsync(response));

    /// <summary>Sends the withdraw form, its box ticked or not; the server's answer as it came.</summary>
    public Task<HttpResponseMessage> SubmitWithdrawAsync(bool confirm) =>
        Client.SubmitAsync(WithdrawForm, confirm ? new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" } : null);

    /// <summary>Withdraws the review, confirmed, and returns the title page it leads to.</summary>
    public async Task<TitlePage> WithdrawAsync() => await TitlePage.LandedAsync(Client, await SubmitWithdrawAsync(confirm: true));

    /// <summary>Sends the withdraw form without ticking its box: the page again, saying what is missing.</summary>
    public async Task<EditReviewPage> WithdrawUnconfirmedAsync() =>
        new(Client, await LandAsync(Client, await SubmitWithdrawAsync(confirm: false)));
}
