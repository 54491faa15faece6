using Microsoft.AspNetCore.DataProtection;

namespace FilmCatalog.Web.Reviews;

/// <summary>
/// Tells visitors apart without accounts: a random id in a long-lived, signed and encrypted,
/// HttpOnly cookie. It is issued with every form that writes (the review, vote and report pages, and
/// the token endpoint the title page's script uses), never on the cached title pages, which stay
/// free of Set-Cookie. A write must come back with it (<see cref="Find"/>): a request without one
/// would be a new visitor every time. Data Protection keys live with the data, so the id survives restarts.
/// </summary>
public sealed class VisitorIdentity(IDataProtectionProvider protection)
{
    public const string CookieName = "fc_visitor";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(400);
    private readonly IDataProtector _protector = protection.CreateProtector("FilmCatalog.Reviews.VisitorIdentity.v1");

    /// <summary>The visitor's id when the request carries a valid cookie; null otherwise.</summary>
    public Guid? Find(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
            return null;

        try
        {
            return Guid.TryParse(_protector.Unprotect(value), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Tampered, or made with a key we no longer hold: a new visitor.
            return null;
        }
    }

    /// <summary>What a write without the cookie is told (the form is shown again with a fresh identity).</summary>
    public const string MissingMessage =
        "Your browser did not send back the cookie this site uses to tell visitors apart, so this was not counted. " +
        "Please send it again; if this message comes back, allow cookies for this site.";

    /// <summary>The visitor's id, issuing a new cookie when the request has none.</summary>
    public Guid GetOrCreate(HttpContext context)
    {
        if (Find(context) is { } id)
            return id;

        id = Guid.CreateVersion7();
        context.Response.Cookies.Append(CookieName, _protector.Protect(id.ToString("N")), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = Lifetime,
            Path = "/",
        });
        return id;
    }
}
