using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Tests.Infrastructure;

namespace FilmCatalog.Tests.Trust;

/// <summary>The three pages that write, opened and filled in as a visitor would.</summary>
public static class TrustPages
{
    public const string TokenField = "__RequestVerificationToken";

    public enum Writer
    {
        NewReview,
        Vote,
        Report,
    }

    public static string UrlOf(Writer writer, TrustCatalog.Film film) => writer switch
    {
        Writer.NewReview => $"/title/{film.Slug}/review",
        Writer.Vote => $"/reviews/{film.ReviewIds[0]}/vote",
        _ => $"/reviews/{film.ReviewIds[0]}/report",
    };

    /// <summary>The page's form, filled in with valid values, and the button that submits it.</summary>
    public static async Task<(IHtmlFormElement Form, IHtmlElement? Button, Dictionary<string, string> Values)> OpenAsync(HttpClient client, Writer writer, TrustCatalog.Film film)
    {
        var page = await HtmlPage.GetAsync(client, UrlOf(writer, film));
        var form = page.QuerySelector<IHtmlFormElement>("main form[method=post]");
        Assert.NotNull(form);
        return writer switch
        {
            Writer.NewReview => (form, form.QuerySelector<IHtmlElement>("button[type=submit]"), new Dictionary<string, string>
            {
                ["Input.Headline"] = "A fair headline",
                ["Input.Rating"] = "7",
                ["Input.Body"] = string.Concat(Enumerable.Repeat("A review that says something about the film. ", 4)),
            }),
            Writer.Vote => (form, form.QuerySelector<IHtmlElement>("button[value=yes]"), []),
            _ => (form, form.QuerySelector<IHtmlElement>("button[type=submit]"), new Dictionary<string, string>
            {
                ["Input.Reason"] = "Spam",
                ["Input.Comment"] = "Advertising.",
            }),
        };
    }
}
