using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>
/// Signs a moderator out (a POST, so no link or image elsewhere can do it; the GET asks first), everywhere:
/// a new security stamp makes every copy of their cookie worthless, a stolen one included.
/// </summary>
public sealed class SignOutModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            logger.LogInformation("Moderator {ModeratorId} signed out", user.Id);
        }

        await signIn.SignOutAsync();
        TempData["StatusMessage"] = "You are signed out.";
        return RedirectToPage("/Moderation/SignIn");
    }
}
