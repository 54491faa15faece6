using System.ComponentModel.DataAnnotations;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation.Account;

/// <summary>
/// Turns off two-factor sign-in, only with the current password: a session cookie alone (a browser left
/// signed in, a stolen cookie) must not strip the second factor. A wrong password counts towards the same
/// lockout as a wrong one at sign-in, and a locked account cannot turn it off even with the right one.
/// </summary>
// Checks the current password: bounded like any other guess at one.
[RateLimitedWrites(WriteKind.SignIn)]
public sealed class TurnOffTwoFactorModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ILogger<TurnOffTwoFactorModel> logger) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields = [("Input.Password", "Input_Password")];

    public const string WrongPasswordMessage = "That is not your current password.";

    // Named, so that a post without the field is validated as Input.Password (and shown), not as an unprefixed "Password".
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        return user.TwoFactorEnabled ? Page() : RedirectToPage("/Moderation/Account/Index");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return RedirectToPage("/Moderation/Account/Index");
        if (!ModelState.IsValid)
            return Page();

        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            logger.LogWarning("Moderator {ModeratorId} was refused turning off two-factor sign-in ({Reason})",
                user.Id, check.IsLockedOut ? "locked out" : "wrong password");
            ModelState.AddModelError("Input.Password", check.IsLockedOut ? SignInModel.LockedOutMessage : WrongPasswordMessage);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so the old one (on a lost phone, say) is no use if two-factor is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        // Both changed the security stamp, which every request checks: renew this session's cookie.
        await signIn.RefreshSignInAsync(user);
        logger.LogWarning("Moderator {ModeratorId} turned off two-factor sign-in", user.Id);
        TempData["StatusMessage"] = "Two-factor sign-in is off. Your password alone now signs you in.";
        return RedirectToPage("/Moderation/Account/Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(1024, ErrorMessage = "A password is at most {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string? Password { get; set; }
    }
}
