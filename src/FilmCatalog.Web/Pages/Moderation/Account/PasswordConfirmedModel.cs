using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation.Account;

/// <summary>
/// An account change that a session cookie alone (a browser left signed in, a stolen cookie) must not make: it
/// takes the current password. A wrong one counts towards the same lockout as at sign-in, and a locked account is
/// refused even the right one. Each page says what it does once the password is right.
/// </summary>
public abstract class PasswordConfirmedModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ILogger logger) : PageModel
{
    protected UserManager<IdentityUser> Users { get; } = users;

    protected SignInManager<IdentityUser> SignIns { get; } = signIn;

    protected ILogger Logger { get; } = logger;

    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields = [("Input.Password", "Input_Password")];

    public const string WrongPasswordMessage = "That is not your current password.";

    // Named, so that a post without the field is validated as Input.Password (and shown), not as an unprefixed "Password".
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    /// <summary>What the page does, for the log: "turning off two-factor sign-in".</summary>
    protected abstract string Change { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Users.GetUserAsync(User) is not { } user)
            return Challenge();
        return user.TwoFactorEnabled ? Page() : RedirectToPage("/Moderation/Account/Index");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!user.TwoFactorEnabled)
            return RedirectToPage("/Moderation/Account/Index");
        if (!ModelState.IsValid)
            return Page();

        var check = await SignIns.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            Logger.LogWarning("Moderator {ModeratorId} was refused {Change} ({Reason})",
                user.Id, Change, check.IsLockedOut ? "locked out" : "wrong password");
            ModelState.AddModelError("Input.Password", check.IsLockedOut ? SignInModel.LockedOutMessage : WrongPasswordMessage);
            return Page();
        }

        return await ConfirmedAsync(user);
    }

    /// <summary>The change, once the password was right.</summary>
    protected abstract Task<IActionResult> ConfirmedAsync(IdentityUser user);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(1024, ErrorMessage = "A password is at most {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string? Password { get; set; }
    }
}
