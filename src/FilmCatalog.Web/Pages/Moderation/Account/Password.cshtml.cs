using System.ComponentModel.DataAnnotations;
using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation.Account;

/// <summary>A moderator changes their own password, under Identity's rules; every other session of theirs ends.</summary>
// Checks the current password (without lockout): bounded like any other guess at one.
[RateLimitedWrites(WriteKind.SignIn)]
public sealed class PasswordModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ILogger<PasswordModel> logger) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields =
    [
        ("Input.Current", "Input_Current"),
        ("Input.New", "Input_New"),
        ("Input.Again", "Input_Again"),
    ];

    // Named, so that a post without the fields is validated as Input.Current etc. (and shown by the summary and the fields),
    // not under the unprefixed names model binding falls back to when no Input.* value was sent.
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();

        var changed = await users.ChangePasswordAsync(user, Input.Current!, Input.New!);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New", error.Description);
            return Page();
        }

        // The new security stamp ends every other session at its next request; this one is renewed.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Moderator {ModeratorId} changed their password", user.Id);
        TempData["StatusMessage"] = "Your password is changed. Other places you were signed in are signed out.";
        return RedirectToPage("/Moderation/Account/Index");
    }

    /// <summary>The form's fields; a new password equal to the current one is no change (run once each field is valid).</summary>
    public sealed class InputModel : IValidatableObject
    {
        public const string SamePasswordMessage = "The new password is your current one: choose another.";

        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(1024)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string? Current { get; set; }

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(1024)]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string? New { get; set; }

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(New), ErrorMessage = "The two new passwords differ.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string? Again { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (string.Equals(New, Current, StringComparison.Ordinal))
                yield return new ValidationResult(SamePasswordMessage, [nameof(New)]);
        }
    }
}
