using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>The three pages that write (a review, a vote, a report), opened and filled in with values they accept.</summary>
public static class WritingForms
{
    public const string TokenField = "__RequestVerificationToken";

    public enum Writer
    {
        NewReview,
        Vote,
        Report,
    }

    public static string UrlOf(Writer writer, TestCatalog.Film film) => writer switch
    {
        Writer.NewReview => $"/title/{film.Slug}/review",
        Writer.Vote => $"/reviews/{film.ReviewIds[0]}/vote",
        _ => $"/reviews/{film.ReviewIds[0]}/report",
    };

    /// <summary>The writing page's form, the button that submits it and values it accepts.</summary>
    public static async Task<(IHtmlFormElement Form, IHtmlElement Button, Dictionary<string, string> Values)> OpenAsync(HttpClient client, Writer writer, TestCatalog.Film film)
    {
        switch (writer)
        {
            case Writer.NewReview:
                var review = await ReviewForm.OpenAsync(client, UrlOf(writer, film));
                return (review.Form, review.SubmitButton, ReviewForm.ValidValues());
            case Writer.Vote:
                var vote = await VotePage.OpenAsync(client, film.ReviewIds[0]);
                return (vote.Form!, vote.Button(helpful: true), []);
            default:
                var report = await ReportForm.OpenAsync(client, UrlOf(writer, film));
                return (report.Form!, report.SubmitButton, ReportForm.Values("Spam", "Advertising."));
        }
    }
}
