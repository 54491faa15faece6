using System.Net;
using FilmCatalog.Tests.Hosting;
using FilmCatalog.Web.Moderation;
using FilmCatalog.Web.Pages.Moderation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace FilmCatalog.Tests.Pages.Moderation;

/// <summary>
/// Signing in as a moderator (ASVS V6): Identity's password check with lockout, two-factor codes and
/// recovery codes, sign-out everywhere, sessions that end when the account goes; and no password in the log.
/// </summary>
public abstract class ModeratorSignInTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory, ILoggedCatalog
{
    private const string Password = "Sign-Me-In-Please-7";

    private static string NewEmail() => $"mod-{Guid.NewGuid():N}"[..16] + "@example.org";

    [Fact]
    public async Task The_right_password_signs_in_and_a_wrong_one_is_told_without_saying_which_was_wrong()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = factory.CreateModeratorClient("10.8.0.1");

        var wrong = await SignInPage.LandedAsync(client, await (await SignInPage.OpenAsync(client)).SendPasswordAsync(email, Password + "x"));
        Assert.Equal([SignInModel.WrongOrLockedMessage], wrong.Errors);
        var unknown = await SignInPage.LandedAsync(client, await wrong.SendPasswordAsync("nobody@example.org", Password));
        Assert.Equal([SignInModel.WrongOrLockedMessage], unknown.Errors);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/moderation")).StatusCode);

        var right = await unknown.SendPasswordAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var queue = await ModerationPage.OpenAsync(client, "/moderation");
        Assert.Equal("Reported reviews", queue.Heading);
    }

    [Fact]
    public async Task A_sign_in_sent_empty_marks_each_field_in_error_as_the_review_and_report_forms_do()
    {
        var client = factory.CreateModeratorClient("10.8.0.9");

        var page = await SignInPage.LandedAsync(client, await (await SignInPage.OpenAsync(client)).SendPasswordAsync("", ""));

        Assert.Equal(["Input_Email", "Input_Password"], page.FieldsInError);
        Assert.Equal(["Input_Email", "Input_Password"], page.InvalidControls);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = factory.CreateModeratorClient("10.8.1.1");
        var page = await SignInPage.OpenAsync(client);

        for (var i = 0; i < ModerationExtensions.MaxFailedSignIns; i++)
            page = await SignInPage.LandedAsync(client, await page.SendPasswordAsync(email, $"Wrong-Guess-{i}-xyz"));
        // The same words as for an email that is nobody's: the lockout must not tell that this one is a moderator's.
        Assert.Equal([SignInModel.WrongOrLockedMessage], page.Errors);
        var nobody = await SignInPage.LandedAsync(client, await page.SendPasswordAsync("nobody-locked@example.org", "Wrong-Guess-xyz"));
        Assert.Equal(page.Errors, nobody.Errors);

        var right = await nobody.SendPasswordAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal([SignInModel.WrongOrLockedMessage], (await SignInPage.LandedAsync(client, right)).Errors);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/moderation")).StatusCode);

        var lockedUntil = await factory.InScopeAsync(async services =>
            (await services.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email))!.LockoutEnd);
        Assert.True(lockedUntil > DateTimeOffset.UtcNow.AddMinutes(ModerationExtensions.LockoutMinutes - 1), $"locked until {lockedUntil}");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_everywhere_so_a_copied_cookie_is_worthless()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = factory.CreateModeratorClient("10.8.2.1");
        var signedIn = await (await SignInPage.OpenAsync(client)).SendPasswordAsync(email, Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ModerationExtensions.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        // The same cookie replayed by another client (a stolen copy) works until the moderator signs out.
        using var copied = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        copied.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/moderation")).StatusCode);

        var signOut = await SitePage.GetAsync(client, "/moderation/signout");
        var answer = await client.SubmitAsync(FormSubmitter.FormOf(signOut.Document, "main form button"));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/moderation")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await copied.GetAsync("/moderation")).StatusCode);
    }

    [Fact]
    public async Task A_removed_moderator_is_signed_out_at_the_next_request()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.3.1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/moderation")).StatusCode);

        Assert.True(await factory.InScopeAsync(services => services.GetRequiredService<ModeratorAccounts>().RemoveAsync(email)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/moderation")).StatusCode);
    }

    [Fact]
    public async Task Two_factor_sign_in_asks_for_the_app_code_and_takes_each_recovery_code_once()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.4.1");

        // Turn it on as a moderator would: the key from the page into an app, the app's code back.
        var setup = await SitePage.GetAsync(client, "/moderation/account/authenticator");
        var key = SitePage.Text(setup.Main.QuerySelector(".shared-key kbd"));
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        var wrongCode = await client.SubmitAsync(FormSubmitter.FormOf(setup.Document, "form.signin-form"), new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
        Assert.Contains("does not match", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var turnedOn = await SitePage.FromAsync(client, await client.SubmitAsync(FormSubmitter.FormOf(setup.Document, "form.signin-form"),
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) }));
        var recoveryCodes = turnedOn.Main.QuerySelectorAll(".code-list code").Select(SitePage.Text).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        // The session that turned it on stays signed in (the security stamp changed under it).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/moderation")).StatusCode);

        // The password alone no longer signs in: it leads to the code page.
        var next = factory.CreateModeratorClient("10.8.4.2");
        var first = await (await SignInPage.OpenAsync(next)).SendPasswordAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/moderation/signin/code", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/moderation")).StatusCode);

        var codePage = await SignInPage.OpenAsync(next, first.Headers.Location.OriginalString);
        var refused = await SignInPage.LandedAsync(next, await codePage.SendCodeAsync("123 456"));
        Assert.Contains("wrong", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await refused.SendCodeAsync(Totp.Code(key)).ContinueWith(t => t.Result.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/moderation")).StatusCode);

        // A recovery code instead of the app: once, typed in small letters or not.
        var lost = factory.CreateModeratorClient("10.8.4.3");
        await (await SignInPage.OpenAsync(lost)).SendPasswordAsync(email, Password);
        var recovery = await SignInPage.OpenAsync(lost, "/moderation/signin/recovery");
        Assert.Equal(HttpStatusCode.Redirect, (await recovery.SendCodeAsync(recoveryCodes[0].ToLowerInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lost.GetAsync("/moderation")).StatusCode);

        var again = factory.CreateModeratorClient("10.8.4.4");
        await (await SignInPage.OpenAsync(again)).SendPasswordAsync(email, Password);
        var reused = await SignInPage.LandedAsync(again, await (await SignInPage.OpenAsync(again, "/moderation/signin/recovery")).SendCodeAsync(recoveryCodes[0]));
        Assert.Contains("used already", Assert.Single(reused.Errors), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/moderation")).StatusCode);
    }

    /// <summary>Identity counts no wrong recovery code and checks no lockout for one: seven wrong codes left the account open.</summary>
    [Fact]
    public async Task Wrong_recovery_codes_lock_the_account_like_wrong_passwords()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.8.8.1");
        var setup = await SitePage.GetAsync(client, "/moderation/account/authenticator");
        var key = SitePage.Text(setup.Main.QuerySelector(".shared-key kbd"));
        var turnedOn = await SitePage.FromAsync(client, await client.SubmitAsync(FormSubmitter.FormOf(setup.Document, "form.signin-form"),
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) }));
        var recoveryCodes = turnedOn.Main.QuerySelectorAll(".code-list code").Select(SitePage.Text).ToList();

        var guesser = factory.CreateModeratorClient("10.8.9.1");
        await (await SignInPage.OpenAsync(guesser)).SendPasswordAsync(email, Password);
        var page = await SignInPage.OpenAsync(guesser, "/moderation/signin/recovery");
        for (var i = 0; i < ModerationExtensions.MaxFailedSignIns; i++)
            page = await SignInPage.LandedAsync(guesser, await page.SendCodeAsync($"WRONG-{i:D5}"));
        Assert.Contains("locked", Assert.Single(page.Errors), StringComparison.Ordinal);

        var right = await SignInPage.LandedAsync(guesser, await page.SendCodeAsync(recoveryCodes[0]));
        Assert.Contains("locked", Assert.Single(right.Errors), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.GetAsync("/moderation")).StatusCode);
    }

    [Fact]
    public async Task The_code_page_without_a_password_first_leads_back_to_sign_in()
    {
        var client = factory.CreateModeratorClient("10.8.5.1");
        var response = await client.GetAsync("/moderation/signin/code");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/moderation/signin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_never_leads_off_the_site_or_out_of_moderation()
    {
        var email = NewEmail();
        await factory.AddModeratorAsync(email, Password);
        foreach (var returnUrl in new[] { "https://evil.example/", "//evil.example/moderation", "/title/x", "/moderationx", "/\\evil.example", "/moderation/../title/x", "/moderation/%2e%2E/title/x", "/moderation/.%2e/title/x" })
        {
            var client = factory.CreateModeratorClient("10.8.6.1");
            var page = await SignInPage.OpenAsync(client, "/moderation/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
            var response = await page.SendPasswordAsync(email, Password);
            Assert.Equal("/moderation", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task No_password_ever_reaches_the_log()
    {
        var email = NewEmail();
        const string good = "Never-Log-Me-Good-91";
        const string bad = "Never-Log-Me-Bad-19";
        await factory.AddModeratorAsync(email, good);
        var client = factory.CreateModeratorClient("10.8.7.1");
        var page = await SignInPage.OpenAsync(client);
        await page.SendPasswordAsync(email, bad);
        // A password typed into the email box is not logged either.
        await page.SendPasswordAsync(bad, good);
        await page.SendPasswordAsync(email, good);
        var password = await SitePage.GetAsync(client, "/moderation/account/password");
        await client.SubmitAsync(FormSubmitter.FormOf(password.Document, "form.signin-form"),
            new Dictionary<string, string> { ["Input.Current"] = good, ["Input.New"] = bad + "!", ["Input.Again"] = bad + "!" });

        var lines = await factory.Log.WaitForAsync(l => l.Any(line => line.Contains("changed their password", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("sign-in failed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Never-Log-Me", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Log.Events(), e => e.Properties.Values.Any(v => v.ToString().Contains("Never-Log-Me", StringComparison.Ordinal)));
    }
}

/// <summary>A site whose every log event, at Debug, is captured for the test to read.</summary>
public interface ILoggedCatalog
{
    LoggingTests.LogCapture Log { get; }

    /// <summary>Debug level and the capturing sink, for a factory's <c>ConfigureWebHost</c>.</summary>
    static void Capture(IWebHostBuilder builder, LoggingTests.LogCapture log)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(log));
    }
}

public sealed class LoggedSqliteCatalog : CatalogFactory, ILoggedCatalog
{
    public LoggingTests.LogCapture Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ILoggedCatalog.Capture(builder, Log);
    }
}

public sealed class LoggedPostgresCatalog : PostgresCatalog, ILoggedCatalog
{
    public LoggingTests.LogCapture Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ILoggedCatalog.Capture(builder, Log);
    }
}

public sealed class ModeratorSignInTestsOnSqlite(LoggedSqliteCatalog factory) : ModeratorSignInTests<LoggedSqliteCatalog>(factory);

public sealed class ModeratorSignInTestsOnPostgres(LoggedPostgresCatalog factory) : ModeratorSignInTests<LoggedPostgresCatalog>(factory);
