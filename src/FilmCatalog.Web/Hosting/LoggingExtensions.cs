using System.Security.Cryptography;
using System.Text;
using FilmCatalog.Web.Data;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace FilmCatalog.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>The one line each request is logged as: no client address, query string, cookie or body.</summary>
    public const string RequestMessageTemplate =
        "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms (client {ClientHash})";

    /// <summary>
    /// Serilog for all logging, configured from the <c>Serilog</c> section of appsettings.json.
    /// Relative file-sink paths are taken from the data folder (the folder of the catalog), so logs
    /// follow the data wherever it is moved, as the keys do. File sinks are configured <c>shared</c>,
    /// so two instances on one data folder append to one file without overwriting each other's lines.
    /// Every string a visitor could have typed has its line breaks escaped before any sink sees it,
    /// so one event is always one line.
    /// </summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        var dataFolder = builder.Configuration.DataFolder(builder.Environment.ContentRootPath);
        foreach (var sink in builder.Configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var path = sink["Args:path"];
            if (path is not null && !Path.IsPathRooted(path))
                builder.Configuration[$"{sink.Path}:Args:path"] = Path.GetFullPath(path, dataFolder);
        }

        // preserveStaticLogger: each host logs through its own logger, never through the static
        // Log.Logger, which is the last host built in a process (in tests, another test's site).
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.With<LineBreakEscaper>(), preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request with method, path (never the query string), status and time. The client
    /// is logged as a keyed hash of its address, so one client's requests can be followed through a
    /// log without the log holding anyone's address; the key is random per process.
    /// </summary>
    public static IApplicationBuilder UseSiteRequestLogging(this IApplicationBuilder app, Func<HttpContext, double, Exception?, LogEventLevel> level) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger (see AddSiteLogging), not the static Log.Logger.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = level;
            options.MessageTemplate = RequestMessageTemplate;
            options.IncludeQueryInRequestPath = false;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("ClientHash", ClientHash.Of(context.Connection.RemoteIpAddress?.ToString()));
        });

    /// <summary>A short keyed hash of a client address: the same within one run of the site, meaningless outside it.</summary>
    public static class ClientHash
    {
        private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

        public static string Of(string? address) => address is null
            ? "none"
            : Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(address)))[..12];
    }

    /// <summary>
    /// Replaces CR, LF and the other characters that end a line (NEL, U+2028, U+2029) in every string
    /// property with their escapes, so a path or a value a visitor typed cannot forge a log line.
    /// </summary>
    private sealed class LineBreakEscaper : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            foreach (var (name, value) in logEvent.Properties.ToList())
            {
                var escaped = Escape(value);
                if (!ReferenceEquals(escaped, value))
                    logEvent.AddOrUpdateProperty(new LogEventProperty(name, escaped));
            }
        }

        private static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
        {
            ScalarValue { Value: string text } when NeedsEscape(text) => new ScalarValue(EscapeText(text)),
            SequenceValue sequence when sequence.Elements.Any(e => !ReferenceEquals(Escape(e), e)) =>
                new SequenceValue(sequence.Elements.Select(Escape)),
            StructureValue structure when structure.Properties.Any(p => !ReferenceEquals(Escape(p.Value), p.Value)) =>
                new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Escape(p.Value))), structure.TypeTag),
            _ => value,
        };

        private static bool NeedsEscape(string text) => text.AsSpan().IndexOfAny("\r\n\u0085\u2028\u2029") >= 0;

        private static string EscapeText(string text) => text
            .Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\u0085", "\\u0085", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
    }
}
