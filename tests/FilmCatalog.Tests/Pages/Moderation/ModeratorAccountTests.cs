using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Web.Moderation;
using FilmCatalog.Web.Pages.Moderation;
using FilmCatalog.Web.Pages.Moderation.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>QA: <c>POST /moderation/account?handler=TurnOffTwoFactor</c> with only the antiforgery token turned it off.</summary>
    [Fact]
    public async Task Turning_off_two_factor_takes_the_current_password_not_just_the_session()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.20.1");
        await TurnOnTwoFactorAsync(client);

        // The old handler, posted with a valid token and nothing else, no longer exists: the account page takes no POST.
        var account = await SitePage.GetAsync(client, "/moderation/account");
        var token = account.Main.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var bare = await client.PostAsync("/moderation/account?handler=TurnOffTwoFactor",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, bare.StatusCode);
        Assert.True(await TwoFactorOnAsync(email));

        // The account page links to a form that asks for the password.
        var link = account.Main.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => SitePage.Text(a) == "Turn off two-factor sign-in");
        var form = await SitePage.GetAsync(client, link.GetAttribute("href")!);
        Assert.Equal("Turn off two-factor sign-in", form.Heading);

        var empty = await SitePage.FromAsync(client, await SubmitAsync(client, form, ""));
        Assert.StartsWith("Error: ", empty.Document.Title, StringComparison.Ordinal);
        Assert.Equal([("Enter your current password.", "Input_Password")], empty.ErrorSummary);
        Assert.Equal(["Enter your current password."], empty.FieldErrors);
        Assert.Equal(["Input_Password"], empty.FieldsInError);

        // The field left out of the post altogether, as a crafted request would: the same messages.
        var missing = await SitePage.FromAsync(client, await SubmitAsync(client, form, null));
        Assert.Equal(empty.ErrorSummary, missing.ErrorSummary);
        Assert.Equal(empty.FieldsInError, missing.FieldsInError);

        var wrong = await SitePage.FromAsync(client, await SubmitAsync(client, form, Password + "x"));
        Assert.Equal([(TurnOffTwoFactorModel.WrongPasswordMessage, "Input_Password")], wrong.ErrorSummary);
        Assert.Equal(["Input_Password"], wrong.InvalidControls);
        Assert.True(await TwoFactorOnAsync(email));
        // Counted like a wrong password at sign-in.
        Assert.Equal(1, await factory.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            return await users.GetAccessFailedCountAsync((await users.FindByEmailAsync(email))!);
        }));

        var right = await SubmitAsync(client, form, Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var after = await SitePage.GetAsync(client, right.Headers.Location!.OriginalString);
        Assert.Equal("Two-factor sign-in is off. Your password alone now signs you in.", after.StatusMessage);
        Assert.StartsWith("Off:", SitePage.Text(after.Main.QuerySelector("#two-factor-heading + p")), StringComparison.Ordinal);
        Assert.False(await TwoFactorOnAsync(email));
    }

    [Fact]
    public async Task Wrong_passwords_to_turn_off_two_factor_lock_the_account_like_wrong_sign_ins()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.21.1");
        await TurnOnTwoFactorAsync(client);
        var form = await SitePage.GetAsync(client, "/moderation/account/turn-off-two-factor");

        SitePage page = form;
        for (var i = 0; i < ModerationExtensions.MaxFailedSignIns; i++)
            page = await SitePage.FromAsync(client, await SubmitAsync(client, form, $"Wrong-Guess-{i}-xyz"));
        Assert.Equal([(SignInModel.LockedOutMessage, "Input_Password")], page.ErrorSummary);

        // Locked: even the right password is refused, here and at sign-in.
        var right = await SitePage.FromAsync(client, await SubmitAsync(client, form, Password));
        Assert.Equal([(SignInModel.LockedOutMessage, "Input_Password")], right.ErrorSummary);
        Assert.True(await TwoFactorOnAsync(email));
        var elsewhere = factory.CreateModeratorClient("10.8.21.2");
        var signIn = await SignInPage.LandedAsync(elsewhere, await (await SignInPage.OpenAsync(elsewhere)).SendPasswordAsync(email, Password));
        Assert.Equal([SignInModel.WrongOrLockedMessage], signIn.Errors);
    }

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

    /// <summary>QA: a new password equal to the current one was accepted as a change.</summary>
    [Fact]
    public async Task A_new_password_equal_to_the_current_one_is_refused_with_a_message_and_nothing_changes()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.24.1");
        var form = await SitePage.GetAsync(client, "/moderation/account/password");

        var same = await client.SubmitAsync(FormSubmitter.FormOf(form.Document, "form.signin-form"),
            new Dictionary<string, string> { ["Input.Current"] = Password, ["Input.New"] = Password, ["Input.Again"] = Password });

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var page = await SitePage.FromAsync(client, same);
        Assert.Equal([(PasswordModel.InputModel.SamePasswordMessage, "Input_New")], page.ErrorSummary);
        Assert.Equal(["Input_New"], page.FieldsInError);
        // The page answered, not the account page with "Your password is changed"; the password still signs in.
        await factory.SignedInModeratorAsync(email, Password, "10.8.24.2");
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

    /// <summary>QA: "make new recovery codes" was a button: a session cookie alone got codes that sign in without the app.</summary>
    [Fact]
    public async Task New_recovery_codes_take_the_current_password_not_just_the_session()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.20.9");
        await TurnOnTwoFactorAsync(client);

        var account = await SitePage.GetAsync(client, "/moderation/account");
        var token = account.Main.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value ?? "";
        var bare = await client.PostAsync("/moderation/account?handler=RecoveryCodes", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.NotEqual(HttpStatusCode.OK, bare.StatusCode);
        Assert.Empty((await HtmlPage.ParseAsync(bare)).QuerySelectorAll(".code-list code"));

        var link = account.Main.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => SitePage.Text(a) == "Make new recovery codes");
        var form = await SitePage.GetAsync(client, link.GetAttribute("href")!);
        var fields = (string? password) => password is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Input.Password"] = password };

        var wrong = await SitePage.FromAsync(client, await client.SubmitAsync(FormSubmitter.FormOf(form.Document, "form.signin-form"), fields(Password + "x")));
        Assert.Equal([(RecoveryCodesModel.WrongPasswordMessage, "Input_Password")], wrong.ErrorSummary);
        Assert.Empty(wrong.Main.QuerySelectorAll(".code-list code"));

        var right = await SitePage.FromAsync(client, await client.SubmitAsync(FormSubmitter.FormOf(form.Document, "form.signin-form"), fields(Password)));
        Assert.Equal(RecoveryCodesModel.Count, right.Main.QuerySelectorAll(".code-list code").Length);
        Assert.Equal(RecoveryCodesModel.Count, await factory.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!);
        }));
    }

    private static async Task TurnOnTwoFactorAsync(HttpClient client)
    {
        var setup = await SitePage.GetAsync(client, "/moderation/account/authenticator");
        var key = SitePage.Text(setup.Main.QuerySelector(".shared-key kbd"));
        var turnedOn = await client.SubmitAsync(FormSubmitter.FormOf(setup.Document, "form.signin-form"),
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, turnedOn.StatusCode);
    }

    /// <summary>Submits the turn-off form with <paramref name="password"/>, or, when null, a freshly opened form with the field taken out.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, SitePage page, string? password)
    {
        if (password is null)
        {
            var fresh = await SitePage.GetAsync(client, "/moderation/account/turn-off-two-factor");
            var stripped = FormSubmitter.FormOf(fresh.Document, "form.signin-form");
            stripped.QuerySelector("[name='Input.Password']")!.Remove();
            return await client.SubmitAsync(stripped);
        }

        return await client.SubmitAsync(FormSubmitter.FormOf(page.Document, "form.signin-form"), new Dictionary<string, string> { ["Input.Password"] = password });
    }

    private Task<bool> TwoFactorOnAsync(string email) => factory.InScopeAsync(async services =>
        (await services.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email))!.TwoFactorEnabled);
}

public sealed class ModeratorAccountTestsOnSqlite(SqliteCatalog factory) : ModeratorAccountTests<SqliteCatalog>(factory);

public sealed class ModeratorAccountTestsOnPostgres(PostgresCatalog factory) : ModeratorAccountTests<PostgresCatalog>(factory);
