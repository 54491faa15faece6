using System.ComponentModel.DataAnnotations;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>
/// The second step for a moderator who turned on two-factor sign-in: the six-digit code from their
/// authenticator app. Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
[RateLimitedWrites(WriteKind.SignIn)]
public sealed class SignInCodeModel(SignInManager<IdentityUser> signIn, ILogger<SignInCodeModel> logger) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields = [("Input.Code", "Input_Code")];

    // Named, as every form's input is (see PasswordModel.Input): a post without the fields is told what is missing.
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Moderation/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToPage("/Moderation/SignIn");
        if (!ModelState.IsValid)
            return Page();

        var code = new string([.. Input.Code!.Where(char.IsAsciiDigit)]);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("A moderator signed in with a two-factor code");
            return LocalRedirect(SignInModel.Target(Url, ReturnUrl));
        }

        logger.LogWarning("A moderator's two-factor code was refused ({Reason})", result.IsLockedOut ? "locked out" : "wrong code");
        ModelState.AddModelError("", result.IsLockedOut ? SignInModel.LockedOutMessage : "That code is wrong or has expired. Codes change every 30 seconds: enter the one your app shows now.");
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code your authenticator app shows.")]
        [RegularExpression(@"^\s*\d{3}[ -]?\d{3}\s*$", ErrorMessage = "Enter the 6 digits your authenticator app shows.")]
        [Display(Name = "Code from your authenticator app")]
        public string? Code { get; set; }
    }
}
