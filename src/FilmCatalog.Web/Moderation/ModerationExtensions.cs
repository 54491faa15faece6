using FilmCatalog.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FilmCatalog.Web.Moderation;

/// <summary>
/// Moderators: ASP.NET Core Identity accounts in the catalog's database (no public sign-up; the
/// <c>moderator</c> command creates them), signed in by a cookie of their own that is sent only to
/// <c>/moderation</c>, and the Moderator role that everything under <c>/moderation</c> requires.
/// </summary>
/// <remarks>
/// The cookie's path is what keeps moderators out of the page cache: a browser never sends it with a
/// title page, so a moderator's request for one is an anonymous visitor's, served and stored alike
/// (and <c>PageCaching</c> refuses the cache to any request that carries it, should a path ever change).
/// </remarks>
public static class ModerationExtensions
{
    public const string Role = "Moderator";
    public const string Policy = "Moderator";
    public const string CookieName = "fc_mod";
    /// <summary>Where moderation lives, and the moderator cookie's path (browsers match cookie paths case-sensitively).</summary>
    public const string PathBase = "/moderation";

    /// <summary>The pages' folder, as Razor Pages conventions name it.</summary>
    private const string PagesFolder = "/Moderation";

    /// <summary>Lockout after this many wrong passwords or codes in a row, for <see cref="LockoutMinutes"/>.</summary>
    public const int MaxFailedSignIns = 5;
    public const int LockoutMinutes = 15;

    /// <summary>A moderator's session ends this long after their last request.</summary>
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Identity's password rules, with a length that makes guessing hopeless rather than merely slow.
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CatalogDbContext>()
            .AddSignInManager()
            .AddTokenProvider<AuthenticatorTokenProvider<IdentityUser>>(TokenOptions.DefaultAuthenticatorProvider);

        // The moderator cookie is the default scheme, so the sign-in pages know who is signed in; it is
        // sent only under /moderation, so everywhere else every request is anonymous.
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie!.Configure(options =>
                {
                    ModeratorOnly(options, CookieName);
                    options.ExpireTimeSpan = SessionLifetime;
                    options.SlidingExpiration = true;
                    options.LoginPath = PathBase + "/signin";
                    options.LogoutPath = PathBase + "/signout";
                    options.Events.OnRedirectToLogin = context => ChallengeAsync(context, StatusCodes.Status401Unauthorized);
                    options.Events.OnRedirectToAccessDenied = context => ChallengeAsync(context, StatusCodes.Status403Forbidden);
                });
                cookies.TwoFactorUserIdCookie!.Configure(options => ModeratorOnly(options, CookieName + "_2fa"));
                cookies.TwoFactorRememberMeCookie!.Configure(options => ModeratorOnly(options, CookieName + "_2fa_remember"));
                cookies.ExternalCookie!.Configure(options => ModeratorOnly(options, CookieName + "_external"));
            });

        // Every request checks the account's security stamp: a removed moderator, a changed password
        // or two-factor change ends every other session at its next request, not half an hour later.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Role));

        // Through AddRazorPages, not Configure<RazorPagesOptions>: Razor Pages' own options setup replaces
        // the conventions collection, so conventions configured before it is registered would be lost
        // and every moderation page would be open to anyone.
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder(PagesFolder, Policy);
            foreach (var signIn in new[] { "SignIn", "SignInCode", "SignInRecovery", "SignOut" })
                options.Conventions.AllowAnonymousToPage($"{PagesFolder}/{signIn}");
            // Moderation pages hold report comments and account secrets: never kept by a browser or a proxy.
            options.Conventions.AddFolderApplicationModelConvention(PagesFolder, model =>
                model.Filters.Add(new ResponseCacheAttribute { NoStore = true, Location = ResponseCacheLocation.None }));
        });

        builder.Services.AddScoped<ReviewModeration>();
        builder.Services.AddScoped<ModeratorAccounts>();
        return builder;
    }

    /// <summary>After routing and the page cache: cached pages never pay for authentication.</summary>
    public static WebApplication UseModeration(this WebApplication app)
    {
        // Routing ignores case but the cookie's path does not: /Moderation/... would never carry the
        // cookie and would send a signed-in moderator round the sign-in page for ever.
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments(PathBase, StringComparison.OrdinalIgnoreCase, out var rest)
                || path.StartsWithSegments(PathBase, StringComparison.Ordinal))
                return next(context);
            context.Response.Redirect(PathBase + rest + context.Request.QueryString, permanent: true);
            return Task.CompletedTask;
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// <paramref name="candidate"/> when it is a page under /moderation on this site, else null: where a
    /// moderator is sent back to after signing in or deciding, never off the site (no open redirect).
    /// </summary>
    public static string? ModerationUrlOrNull(this IUrlHelper url, string? candidate) =>
        candidate is { Length: > 0 } && url.IsLocalUrl(candidate)
        && candidate.StartsWith(PathBase, StringComparison.Ordinal)
        && (candidate.Length == PathBase.Length || candidate[PathBase.Length] is '/' or '?')
        && !LeavesItsPath(candidate)
            ? candidate : null;

    /// <summary>
    /// A dot segment, plain or percent-encoded, or a backslash (which browsers read as a slash): a browser resolves
    /// <c>/moderation/../title/x</c> to <c>/title/x</c>, out of the pages a return address may name.
    /// </summary>
    private static bool LeavesItsPath(string candidate)
    {
        var path = candidate.Split('?', '#')[0];
        return path.Contains('\\', StringComparison.Ordinal)
            || path.Split('/').Select(Uri.UnescapeDataString).Any(segment => segment is "." or ".." || segment.Contains('\\', StringComparison.Ordinal));
    }

    private static void ModeratorOnly(CookieAuthenticationOptions options, string name)
    {
        options.Cookie.Name = name;
        options.Cookie.Path = PathBase;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Strict;
    }

    /// <summary>
    /// A page opened without the right to see it leads to the sign-in page (GET) or is refused with the
    /// status (a POST, which a redirect could not replay anyway); a signed-in account without the
    /// Moderator role is refused with 403.
    /// </summary>
    private static Task ChallengeAsync(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (status == StatusCodes.Status401Unauthorized && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            context.Response.Redirect(context.RedirectUri);
        else
            context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
