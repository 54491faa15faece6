using System.ComponentModel.DataAnnotations;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>The second step with one of the recovery codes shown when two-factor sign-in was turned on; each works once.</summary>
[RateLimitedWrites(WriteKind.SignIn)]
public sealed class SignInRecoveryModel(SignInManager<IdentityUser> signIn, ILogger<SignInRecoveryModel> logger) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields = [("Input.RecoveryCode", "Input_RecoveryCode")];

    // Named, as every form's input is (see PasswordModel.Input): a post without the fields is told what is missing.
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Moderation/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("/Moderation/SignIn");
        if (!ModelState.IsValid)
            return Page();

        // Identity neither checks the lockout for a recovery code nor counts a wrong one ("codes are expected to
        // be random"): seven wrong codes left the account open. Counted here like wrong passwords and codes.
        var users = signIn.UserManager;
        if (await users.IsLockedOutAsync(user))
            return Refused(lockedOut: true);

        // Identity's codes are capitals and digits; a code typed in small letters is the same code.
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            logger.LogWarning("A moderator signed in with a recovery code");
            return LocalRedirect(SignInModel.Target(Url, ReturnUrl));
        }

        await users.AccessFailedAsync(user);
        return Refused(await users.IsLockedOutAsync(user));
    }

    private PageResult Refused(bool lockedOut)
    {
        logger.LogWarning("A moderator's recovery code was refused ({Reason})", lockedOut ? "locked out" : "wrong code");
        ModelState.AddModelError("", lockedOut ? SignInModel.LockedOutMessage : "That recovery code is wrong or was used already.");
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter one of your recovery codes.")]
        [StringLength(64, ErrorMessage = "A recovery code is shorter than that.")]
        [Display(Name = "Recovery code")]
        public string? RecoveryCode { get; set; }
    }
}
