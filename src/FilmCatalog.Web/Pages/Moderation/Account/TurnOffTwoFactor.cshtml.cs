using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FilmCatalog.Web.Pages.Moderation.Account;

/// <summary>Turns off two-factor sign-in, only with the current password (<see cref="PasswordConfirmedModel"/>).</summary>
// Checks the current password: bounded like any other guess at one.
[RateLimitedWrites(WriteKind.SignIn)]
public sealed class TurnOffTwoFactorModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ILogger<TurnOffTwoFactorModel> logger)
    : PasswordConfirmedModel(users, signIn, logger)
{
    protected override string Change => "turning off two-factor sign-in";

    protected override async Task<IActionResult> ConfirmedAsync(IdentityUser user)
    {
        await Users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so the old one (on a lost phone, say) is no use if two-factor is turned on again.
        await Users.ResetAuthenticatorKeyAsync(user);
        // Both changed the security stamp, which every request checks: renew this session's cookie.
        await SignIns.RefreshSignInAsync(user);
        Logger.LogWarning("Moderator {ModeratorId} turned off two-factor sign-in", user.Id);
        TempData["StatusMessage"] = "Two-factor sign-in is off. Your password alone now signs you in.";
        return RedirectToPage("/Moderation/Account/Index");
    }
}
