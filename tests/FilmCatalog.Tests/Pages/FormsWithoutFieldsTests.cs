using System.Net;
using AngleSharp.Dom;

namespace FilmCatalog.Tests.Pages;

/// <summary>
/// QA: a form posted with none of its fields (a crafted POST: <c>-d x=1</c> and a valid antiforgery token) came back
/// titled "Error:" with no message anywhere, because binding fell back to the unprefixed names. Every form says what
/// is missing, as it does when sent empty.
/// </summary>
public abstract class FormsWithoutFieldsTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string Password = "Forms-Without-Fields-7";

    private static string NewEmail() => $"mod-{Guid.NewGuid():N}"[..16] + "@example.org";

    [Fact]
    public async Task The_review_and_report_forms_say_what_is_missing()
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 1);
        var client = factory.CreateClient("10.31.0.1");

        var review = await SentWithoutFieldsAsync(client, $"/title/{film.Slug}/review", "form.review-form");
        var report = await SentWithoutFieldsAsync(client, $"/reviews/{film.ReviewIds[0]}/report", "form.report-form");

        Assert.Equal(
            [("Give your review a headline.", "Input_Headline"), ("Choose a rating from 1 to 10.", "Input_Rating"), ("Write your review.", "Input_Body")],
            review.ErrorSummary);
        Assert.Equal([("Choose why you are reporting this review.", "Input_Reason")], report.ErrorSummary);
    }

    [Fact]
    public async Task The_sign_in_and_decision_forms_say_what_is_missing()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var film = await factory.Catalog.AddFilmAsync(reviews: 1);
        var visitor = factory.CreateModeratorClient("10.31.0.2");
        var moderator = await factory.SignedInModeratorAsync(email, Password, "10.31.0.3");

        var signIn = await SentWithoutFieldsAsync(visitor, "/moderation/signin", "form.signin-form");
        var decision = await SentWithoutFieldsAsync(moderator, $"/moderation/reviews/{film.ReviewIds[0]}", ".decision-form");
        var authenticator = await SentWithoutFieldsAsync(moderator, "/moderation/account/authenticator", "form.signin-form");

        Assert.Equal([("Enter your email address.", "Input_Email"), ("Enter your password.", "Input_Password")], signIn.ErrorSummary);
        var note = $"note-{film.ReviewIds[0]}";
        Assert.Equal([("Choose hide, restore or remove.", note), ("Say why, in a few words: it is kept in the review's history.", note)], decision.ErrorSummary);
        Assert.Equal([("Enter the code your authenticator app shows.", "Input_Code")], authenticator.ErrorSummary);
    }

    [Fact]
    public async Task The_two_factor_code_and_recovery_code_forms_say_what_is_missing()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var moderator = await factory.SignedInModeratorAsync(email, Password, "10.31.0.4");
        var setup = await SitePage.GetAsync(moderator, "/moderation/account/authenticator");
        var key = SitePage.Text(setup.Main.QuerySelector(".shared-key kbd"));
        var turnedOn = await moderator.SubmitAsync(FormSubmitter.FormOf(setup.Document, "form.signin-form"), new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, turnedOn.StatusCode);
        var client = factory.CreateModeratorClient("10.31.0.5");
        Assert.Equal(HttpStatusCode.Redirect, (await (await SignInPage.OpenAsync(client)).SendPasswordAsync(email, Password)).StatusCode);

        var code = await SentWithoutFieldsAsync(client, "/moderation/signin/code", "form.signin-form");
        var recovery = await SentWithoutFieldsAsync(client, "/moderation/signin/recovery", "form.signin-form");

        Assert.Equal([("Enter the code your authenticator app shows.", "Input_Code")], code.ErrorSummary);
        Assert.Equal([("Enter one of your recovery codes.", "Input_RecoveryCode")], recovery.ErrorSummary);
    }

    /// <summary>Posts the form at <paramref name="path"/> with its antiforgery token and nothing else; the page it answers with.</summary>
    private static async Task<SitePage> SentWithoutFieldsAsync(HttpClient client, string path, string formSelector)
    {
        var page = await SitePage.GetAsync(client, path);
        var form = FormSubmitter.FormOf(page.Document, formSelector);
        foreach (var field in form.QuerySelectorAll("[name]").Where(f => f.GetAttribute("name") != WritingForms.TokenField).ToList())
            field.Remove();

        var response = await client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await SitePage.FromAsync(client, response);
        Assert.StartsWith("Error: ", answer.Document.Title, StringComparison.Ordinal);
        return answer;
    }
}

public sealed class FormsWithoutFieldsTestsOnSqlite(SqliteCatalog factory) : FormsWithoutFieldsTests<SqliteCatalog>(factory);

public sealed class FormsWithoutFieldsTestsOnPostgres(PostgresCatalog factory) : FormsWithoutFieldsTests<PostgresCatalog>(factory);
