using FilmCatalog.Web.Data;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.DataProtection;
using Serilog;

namespace FilmCatalog.Web.Hosting;

public static class SiteExtensions
{
    public static WebApplicationBuilder AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages();
        builder.AddReviews();

        // Keys live with the data, so forms opened and visitor cookies issued before a restart stay valid after it.
        var keys = Path.Combine(builder.Configuration.DataFolder(builder.Environment.ContentRootPath), "keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("FilmCatalog")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        return builder;
    }

    /// <summary>The request pipeline, in order: errors, logging, static files, pages.</summary>
    public static WebApplication UseSite(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
