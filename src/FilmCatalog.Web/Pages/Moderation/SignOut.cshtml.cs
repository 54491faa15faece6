using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>Signs a moderator out (a POST, so no link or image elsewhere can do it); the GET asks first.</summary>
public sealed class SignOutModel(SignInManager<IdentityUser> signIn, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
            logger.LogInformation("A moderator signed out");
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = "You are signed out.";
        return RedirectToPage("/Moderation/SignIn");
    }
}
