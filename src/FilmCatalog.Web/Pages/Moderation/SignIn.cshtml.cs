using System.ComponentModel.DataAnnotations;
using System.Net;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>
/// Moderators sign in here with Identity's <see cref="SignInManager{TUser}.PasswordSignInAsync(string, string, bool, bool)"/>:
/// lockout after <see cref="ModerationExtensions.MaxFailedSignIns"/> wrong passwords, and the attempts
/// of one network are rate limited besides. There is no sign-up: the <c>moderator add</c> command makes accounts.
/// </summary>
[RateLimitedWrites(WriteKind.SignIn)]
public sealed class SignInModel(SignInManager<IdentityUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields =
    [
        ("Input.Email", "Input_Email"),
        ("Input.Password", "Input_Password"),
    ];

    // Named, as every form's input is (see PasswordModel.Input): a post without the fields is told what is missing.
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Plain HTTP to a host other than this machine: the Secure cookie would not be kept, so say so before a password is typed.</summary>
    public bool NeedsHttps => !Request.IsHttps && !IsLoopback(Request.Host.Host);

    public IActionResult OnGet() =>
        User.IsInRole(ModerationExtensions.Role) ? LocalRedirect(Target(Url, ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email!, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("A moderator signed in");
            return LocalRedirect(Target(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
            return RedirectToPage("/Moderation/SignInCode", new { ReturnUrl = Target(Url, ReturnUrl) });

        // The typed email is not logged: people type passwords into the wrong box.
        logger.LogWarning("A moderator sign-in failed ({Reason})", result.IsLockedOut ? "locked out" : "wrong email or password");
        ModelState.AddModelError("", WrongOrLockedMessage);
        return Page();
    }

    /// <summary>
    /// One answer for a wrong email, a wrong password and a locked account: "this account is locked" told anyone who
    /// tried five passwords that the email is a moderator's (SECURITY.md: the sign-in never says which was wrong).
    /// </summary>
    public static readonly string WrongOrLockedMessage =
        $"The email or the password is wrong, or the account is locked after {ModerationExtensions.MaxFailedSignIns} failed attempts in a row: then try again in {ModerationExtensions.LockoutMinutes} minutes.";

    public static readonly string LockedOutMessage =
        $"This account is locked after {ModerationExtensions.MaxFailedSignIns} failed attempts in a row. Try again in {ModerationExtensions.LockoutMinutes} minutes.";

    /// <summary>Where to go once signed in: a moderation page of this site, or the queue.</summary>
    internal static string Target(IUrlHelper url, string? returnUrl) => url.ModerationUrlOrNull(returnUrl) ?? ModerationExtensions.PathBase;

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [StringLength(ModeratorAccounts.MaxEmailLength, ErrorMessage = "An email address is at most {1} characters.")]
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(1024, ErrorMessage = "A password is at most {1} characters.")]
        [DataType(DataType.Password)]
        public string? Password { get; set; }
    }
}
