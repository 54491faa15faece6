using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FilmCatalog.Web.Pages.Moderation.Account;

/// <summary>A moderator's own account: two-factor sign-in (new recovery codes; links to turn it on or off) and a link to change the password.</summary>
[RateLimitedWrites(WriteKind.Moderation)]
public sealed class IndexModel(UserManager<IdentityUser> users, ILogger<IndexModel> logger) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public string Email { get; private set; } = "";

    public bool TwoFactor { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, on the response that made them; never stored in readable form by this page.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is not { } user)
            return Challenge();
        if (!TwoFactor)
            return RedirectToPage();

        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        logger.LogInformation("Moderator {ModeratorId} made new recovery codes", user.Id);
        return Page();
    }

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
