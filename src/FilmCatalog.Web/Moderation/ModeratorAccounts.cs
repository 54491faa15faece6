using Microsoft.AspNetCore.Identity;

namespace FilmCatalog.Web.Moderation;

/// <summary>One moderator as <c>moderator list</c> shows them.</summary>
public sealed record ModeratorListing(string Email, bool TwoFactor, DateTimeOffset? LockedOutUntil);

/// <summary>
/// Creating and removing moderator accounts, for the <c>moderator</c> command: there is no sign-up
/// page. Passwords go straight to Identity (its rules, its hashing) and are never logged or printed.
/// </summary>
public sealed class ModeratorAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, ILogger<ModeratorAccounts> logger, TimeProvider clock)
{
    /// <summary>Creates a moderator; the errors are Identity's (a weak password, an email in use), ready to print.</summary>
    /// <summary>The longest email the sign-in form takes (and Identity's column holds).</summary>
    public const int MaxEmailLength = 256;

    public async Task<IReadOnlyList<string>> AddAsync(string email, string password)
    {
        // An account the sign-in form refuses to sign in to is no account: a 262-character email was added.
        if (email.Length > MaxEmailLength)
            return [$"An email address is at most {MaxEmailLength} characters; this one has {email.Length}."];
        if (await users.FindByEmailAsync(email) is not null)
            return [$"{email} is already a moderator. Remove it first to give it a new password."];

        if (!await roles.RoleExistsAsync(ModerationExtensions.Role))
        {
            var role = await roles.CreateAsync(new IdentityRole(ModerationExtensions.Role));
            if (!role.Succeeded)
                return Errors(role);
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return Errors(created);

        var added = await users.AddToRoleAsync(user, ModerationExtensions.Role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return Errors(added);
        }

        logger.LogInformation("Moderator {ModeratorId} added", user.Id);
        return [];
    }

    /// <summary>Removes a moderator: their sessions end at their next request; what they did stays in the history.</summary>
    public async Task<bool> RemoveAsync(string email)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
            return false;
        var removed = await users.DeleteAsync(user);
        if (removed.Succeeded)
            logger.LogInformation("Moderator {ModeratorId} removed", user.Id);
        return removed.Succeeded;
    }

    public async Task<IReadOnlyList<ModeratorListing>> ListAsync()
    {
        var moderators = await users.GetUsersInRoleAsync(ModerationExtensions.Role);
        var now = clock.GetUtcNow();
        return [.. moderators.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new ModeratorListing(u.Email ?? u.UserName ?? u.Id, u.TwoFactorEnabled, u.LockoutEnd > now ? u.LockoutEnd : null))];
    }

    private static string[] Errors(IdentityResult result) => [.. result.Errors.Select(e => e.Description)];
}
