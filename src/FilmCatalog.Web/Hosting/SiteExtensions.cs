using System.Security.Cryptography.X509Certificates;
using FilmCatalog.Web.Browse;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Moderation;
using FilmCatalog.Web.Pages.Titles;
using FilmCatalog.Web.Reviews;
using FilmCatalog.Web.Search;
using Microsoft.AspNetCore.DataProtection;

namespace FilmCatalog.Web.Hosting;

public static class SiteExtensions
{
    /// <summary>A visitor's form post is small; anything larger is refused before it is read.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages()
            .AddMvcOptions(options =>
            {
                options.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
                options.ModelBinderProviders.Insert(0, new EnumNameBinderProvider());
                BindingMessages.Apply(options.ModelBindingMessageProvider);
                options.ModelMetadataDetailsProviders.Add(new InvalidValueMessageProvider());
            });
        builder.Services.AddSingleton(TimeProvider.System);

        // `dotnet run` serves from the build output in every environment, not only Development: without
        // this, the fingerprinted (pre-compressed) CSS and script come back empty in Production, and a
        // browser sees an unstyled page. A published site has no build manifest and is unaffected.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddQuietTempData();
        builder.AddSharedState();
        builder.AddReverseProxy();
        builder.AddWriteRateLimits();
        builder.Services.AddExceptionHandler<FaultLog>();
        builder.AddPageCaching();
        builder.AddCatalogPageCaching();
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
            // The default name stays: PageCaching and QuietTempDataProvider look for it.
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        // The key ring is kept with the catalog (AddCatalog: an owner-only folder beside the file on SQLite,
        // a table on PostgreSQL), so forms opened and visitor cookies issued before a restart, or by another
        // instance, stay valid.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("FilmCatalog");

        // Without a certificate the keys are plain XML, protected by the folder's permissions (or the
        // database's) only, and Data Protection says so at start ("No XML encryptor configured"); with one
        // they are encrypted at rest.
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificate, builder.Configuration["DataProtection:CertificatePassword"]));
        }

        return builder;
    }

    /// <summary>
    /// One line per request is written for failures (5xx, exceptions), refusals (4xx) and slow answers;
    /// a fast, successful request is logged at Debug. Writing every request to the console and the log
    /// file cost three quarters of the site's throughput (7,000 against 30,000 requests/s on a cached
    /// page, 2 cores). <c>Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Debug</c> logs them all.
    /// </summary>
    internal static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        IsClientGone(context, exception) ? Serilog.Events.LogEventLevel.Information
        : exception is null && context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? Serilog.Events.LogEventLevel.Warning
        : exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : context.Response.StatusCode >= 400 || elapsedMilliseconds >= SlowRequestMilliseconds ? Serilog.Events.LogEventLevel.Warning
        : Serilog.Events.LogEventLevel.Debug;

    private const double SlowRequestMilliseconds = 1000;

    /// <summary>A request whose client disconnected (cancelled while it waited, or answered 499) is not a failure of the site.</summary>
    private static bool IsClientGone(HttpContext context, Exception? exception) =>
        context.RequestAborted.IsCancellationRequested
        && (exception is OperationCanceledException || context.Response.StatusCode == StatusCodes.Status499ClientClosedRequest);

    /// <summary>The request pipeline, in order: forwarded headers, security headers, logging, errors, methods, origins, limits, cache, compression, moderators' sign-in, static files, pages.</summary>
    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseSecurityHeaders();
        // Outside the exception handler: a failed request is logged as the 500 it was answered with,
        // in one line; its stack trace is FaultLog's, once per fault.
        app.UseSiteRequestLogging(RequestLogLevel);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                SuppressDiagnosticsCallback = _ => true,
            });
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        // Inside the request log, so a busy database is logged as the 503 it is answered with, not as a fault.
        app.UseDatabaseBusyAnswer();
        app.UseRouting();
        app.UseOldSlugRedirects();
        app.UseAllowedMethods();
        app.UseSameOriginWrites();
        app.UseWriteRateLimits();
        app.UsePageCaching();
        app.UseModeration();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapReviewEndpoints();
        app.MapSearchEndpoints();
        app.MapTitleData();
        app.MapSitemaps();

        // The benchmark's baseline: the cheapest answer that still passes through every middleware above.
        app.MapGetAndHead("/health", () => Results.Text("ok", "text/plain"));
        return app;
    }
}
