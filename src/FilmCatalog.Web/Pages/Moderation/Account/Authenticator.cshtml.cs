using System.ComponentModel.DataAnnotations;
using System.Text;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation.Account;

/// <summary>
/// Turns on two-factor sign-in with Identity's authenticator (TOTP) support: the shared key to type
/// into an authenticator app (no QR code), then one code from the app to prove it, then the recovery codes.
/// </summary>
// Checks a code: bounded like any other guess at one.
[RateLimitedWrites(WriteKind.SignIn)]
public sealed class AuthenticatorModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ILogger<AuthenticatorModel> logger) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields = [("Input.Code", "Input_Code")];

    /// <summary>The key in groups of four, as authenticator apps ask for it.</summary>
    public string SharedKey { get; private set; } = "";

    /// <summary>The same key as an otpauth:// address, for apps and password managers that take one.</summary>
    public string AuthenticatorUri { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    // Named, as every form's input is (see PasswordModel.Input): a post without the fields is told what is missing.
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (user.TwoFactorEnabled)
            return RedirectToPage("/Moderation/Account/Index");
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (user.TwoFactorEnabled)
            return RedirectToPage("/Moderation/Account/Index");
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }

        var code = new string([.. Input.Code!.Where(char.IsAsciiDigit)]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "That code does not match the key. Check the key in your app and enter the code it shows now.");
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodesModel.Count) ?? []];
        // Turning it on changed the security stamp, which every request checks: renew this session's cookie.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Moderator {ModeratorId} turned on two-factor sign-in", user.Id);
        return Page();
    }

    private async Task LoadKeyAsync(IdentityUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key is stored as a plain token, not by ResetAuthenticatorKeyAsync: that changes the security
            // stamp, and opening this page signed the moderator out everywhere else. Nothing trusts this key until
            // a code from it turns two-factor on, which changes the stamp; turning it off resets the key.
            key = users.GenerateNewAuthenticatorKey();
            await users.SetAuthenticationTokenAsync(user, AuthenticatorKeyProvider, AuthenticatorKeyName, key);
        }

        SharedKey = Grouped(key);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("FilmCatalog")}:{Uri.EscapeDataString(user.Email ?? "")}" +
            $"?secret={key}&issuer={Uri.EscapeDataString("FilmCatalog")}&digits=6";
    }

    /// <summary>
    /// Where Identity's store keeps the authenticator key (<c>UserStoreBase</c>'s private <c>InternalLoginProvider</c> and
    /// <c>AuthenticatorKeyTokenName</c>), so that <see cref="UserManager{TUser}.GetAuthenticatorKeyAsync"/> reads the key stored here.
    /// </summary>
    internal const string AuthenticatorKeyProvider = "[AspNetUserStore]";

    internal const string AuthenticatorKeyName = "AuthenticatorKey";

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return grouped.ToString().ToLowerInvariant();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code your authenticator app shows.")]
        [RegularExpression(@"^\s*\d{3}[ -]?\d{3}\s*$", ErrorMessage = "Enter the 6 digits your authenticator app shows.")]
        [Display(Name = "Code from your app")]
        public string? Code { get; set; }
    }
}
