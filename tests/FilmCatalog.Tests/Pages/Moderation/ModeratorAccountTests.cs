using System.Net;
using AngleSharp.Dom;

namespace FilmCatalog.Tests.Pages.Moderation;

/// <summary>
/// A moderator's own account pages (ASVS V6): turning two-factor sign-in off takes the password, not just
/// the session; setting it up signs no other session out; the password form tells what is missing however it is missing.
/// </summary>
public abstract class ModeratorAccountTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string Password = "Account-Pages-Pass-4";

    private static string NewEmail() => $"acct-{Guid.NewGuid():N}"[..17] + "@example.org";

    /// <summary>QA: the first view reset the key with ResetAuthenticatorKeyAsync, whose new security stamp signed out every other session.</summary>
    [Fact]
    public async Task Opening_the_two_factor_setup_keeps_other_sessions_and_turning_it_on_ends_them()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.22.1");
        var other = await factory.SignedInModeratorAsync(email, Password, "10.8.22.2");

        var setup = await SitePage.GetAsync(client, "/moderation/account/authenticator");
        var key = SitePage.Text(setup.Main.QuerySelector(".shared-key kbd"));
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/moderation")).StatusCode);
        // The key stays the one shown until two-factor is turned on with it.
        Assert.Equal(key, SitePage.Text((await SitePage.GetAsync(client, "/moderation/account/authenticator")).Main.QuerySelector(".shared-key kbd")));

        var turnedOn = await SitePage.FromAsync(client, await client.SubmitAsync(FormSubmitter.FormOf(setup.Document, "form.signin-form"),
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) }));
        Assert.Equal(10, turnedOn.Main.QuerySelectorAll(".code-list code").Length);
        // Turning it on is what changes the security stamp: the other session ends, this one is renewed.
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/moderation")).StatusCode);
    }

    /// <summary>QA: a post without the fields (<c>-d x=1</c> and the token) came back titled "Error:" with no message anywhere.</summary>
    [Fact]
    public async Task A_password_change_sent_without_its_fields_is_told_what_is_missing_as_when_sent_empty()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.23.1");
        var form = await SitePage.GetAsync(client, "/moderation/account/password");
        string[] fields = ["Input.Current", "Input.New", "Input.Again"];

        var empty = await SitePage.FromAsync(client, await client.SubmitAsync(FormSubmitter.FormOf(form.Document, "form.signin-form"),
            fields.ToDictionary(f => f, _ => "")));
        Assert.Equal(
            [("Enter your current password.", "Input_Current"), ("Enter a new password.", "Input_New"), ("Enter the new password again.", "Input_Again")],
            empty.ErrorSummary);

        var stripped = FormSubmitter.FormOf(form.Document, "form.signin-form");
        foreach (var name in fields)
            stripped.QuerySelector($"[name='{name}']")!.Remove();
        var missing = await SitePage.FromAsync(client, await client.SubmitAsync(stripped));

        Assert.StartsWith("Error: ", missing.Document.Title, StringComparison.Ordinal);
        Assert.Equal(empty.ErrorSummary, missing.ErrorSummary);
        Assert.Equal(empty.FieldErrors, missing.FieldErrors);
        Assert.Equal(["Input_Current", "Input_New", "Input_Again"], missing.FieldsInError);
    }
}

public sealed class ModeratorAccountTestsOnSqlite(SqliteCatalog factory) : ModeratorAccountTests<SqliteCatalog>(factory);

public sealed class ModeratorAccountTestsOnPostgres(PostgresCatalog factory) : ModeratorAccountTests<PostgresCatalog>(factory);
