using Serilog;

namespace FilmCatalog.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog for all logging, configured from the <c>Serilog</c> section of appsettings.json.
    /// Relative file-sink paths are taken from the content root, so logs land in the data folder
    /// wherever the site is started from.
    /// </summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var path = sink["Args:path"];
            if (path is not null && !Path.IsPathRooted(path))
                builder.Configuration[$"{sink.Path}:Args:path"] = Path.GetFullPath(path, builder.Environment.ContentRootPath);
        }

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));
        return builder;
    }
}
