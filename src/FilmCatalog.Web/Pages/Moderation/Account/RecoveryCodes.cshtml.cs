using FilmCatalog.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FilmCatalog.Web.Pages.Moderation.Account;

/// <summary>
/// Makes new recovery codes, only with the current password (<see cref="PasswordConfirmedModel"/>): with a session
/// cookie alone, whoever held it got codes that sign in without the authenticator app.
/// </summary>
[RateLimitedWrites(WriteKind.SignIn)]
public sealed class RecoveryCodesModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ILogger<RecoveryCodesModel> logger)
    : PasswordConfirmedModel(users, signIn, logger)
{
    public const int Count = 10;

    /// <summary>Shown once, on the response that made them; never stored in readable form by this page.</summary>
    public IReadOnlyList<string> NewCodes { get; private set; } = [];

    protected override string Change => "making new recovery codes";

    protected override async Task<IActionResult> ConfirmedAsync(IdentityUser user)
    {
        NewCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, Count) ?? []];
        Logger.LogInformation("Moderator {ModeratorId} made new recovery codes", user.Id);
        return Page();
    }
}
