using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation.Account;

/// <summary>A moderator's own account: two-factor sign-in (links to turn it on or off and to new recovery codes) and a link to change the password.</summary>
[RateLimitedWrites(WriteKind.Moderation)]
public sealed class IndexModel(UserManager<IdentityUser> users) : PageModel
{
    public string Email { get; private set; } = "";

    public bool TwoFactor { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    private async Task<IdentityUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return null;
        Email = user.Email ?? user.UserName ?? "";
        TwoFactor = user.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactor ? await users.CountRecoveryCodesAsync(user) : 0;
        return user;
    }
}
