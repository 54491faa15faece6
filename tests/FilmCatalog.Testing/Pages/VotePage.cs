using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>
/// "Was this review helpful to you?" (<c>/reviews/{id}/vote</c>): the confirmation page a vote
/// without script leads to, whose POST form carries the visitor's antiforgery token.
/// </summary>
public sealed class VotePage : SitePage
{
    private VotePage(HttpClient client, IHtmlDocument document)
        : base(client, document) => Form = Main.QuerySelector<IHtmlFormElement>("form.vote-confirm");

    /// <summary>The Yes/No form; null when the visitor may not vote (their own review).</summary>
    public IHtmlFormElement? Form { get; }

    public static async Task<VotePage> OpenAsync(HttpClient client, int reviewId) =>
        new(client, await HtmlPage.GetAsync(client, $"/reviews/{reviewId}/vote"));

    internal static async Task<VotePage> LandedAsync(HttpClient client, HttpResponseMessage response) =>
        new(client, await LandAsync(client, response));

    public IHtmlButtonElement Button(bool helpful)
    {
        Assert.True(Form is not null, "the page has no vote form");
        return Required<IHtmlButtonElement>($"form.vote-confirm button[value='{(helpful ? "yes" : "no")}']");
    }

    /// <summary>Posts the answer; the server's answer as it came (a redirect to the title page when recorded).</summary>
    public Task<HttpResponseMessage> SubmitAsync(bool helpful) => Client.SubmitAsync(Form!, submitButton: Button(helpful));

    /// <summary>Posts the answer and returns the title page it leads back to, with its confirmation.</summary>
    public async Task<TitlePage> AnswerAsync(bool helpful)
    {
        var response = await SubmitAsync(helpful);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"the vote was refused: {(int)response.StatusCode}");
        return await TitlePage.LandedAsync(Client, response);
    }
}
