using FilmCatalog.Web.Data;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.DataProtection;

namespace FilmCatalog.Web.Hosting;

public static class SiteExtensions
{
    /// <summary>A visitor's form post is small; anything larger is refused before it is read.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.AddReviews();
        builder.AddWriteRateLimits();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        // Scripts that post with fetch send the token in this header; forms send it as a field.
        builder.Services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.Name = "fc_af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // The status message after a post (Post/Redirect/Get) travels in this cookie.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "fc_status";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        // Keys live with the data, so forms opened and visitor cookies issued before a restart stay valid after it.
        var keys = Path.Combine(builder.Configuration.DataFolder(builder.Environment.ContentRootPath), "keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("FilmCatalog")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        return builder;
    }

    /// <summary>The request pipeline, in order: headers, errors, logging, static files, limits, pages.</summary>
    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseSiteRequestLogging();
        app.UseRouting();
        app.UseRateLimiter();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapReviewEndpoints();
        return app;
    }
}
