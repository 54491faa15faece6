using FilmCatalog.Web.Data;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// Commands the site's executable runs instead of serving: <c>import PATH...</c> and <c>backup [PATH]</c>.
/// They share the site's configuration, so they write to the same database.
/// </summary>
public abstract record SiteCommand
{
    public static (SiteCommand? Command, string[] SiteArgs) Parse(string[] args) => args switch
    {
        ["import", .. var paths] => (new Import(paths.TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal)).ToArray()),
            paths.SkipWhile(p => !p.StartsWith("--", StringComparison.Ordinal)).ToArray()),
        ["backup", .. var rest] => (new Backup(rest.TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal)).FirstOrDefault()),
            rest.SkipWhile(p => !p.StartsWith("--", StringComparison.Ordinal)).ToArray()),
        _ => (null, args),
    };

    public abstract Task<int> RunAsync(WebApplication app);

    /// <summary>Settings this command needs before the site's services are built.</summary>
    public virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary>Imports files and folders; exit code 0 when every file imported, 1 when any was refused.</summary>
    public sealed record Import(string[] Paths) : SiteCommand
    {
        /// <summary>
        /// The import is a batch job beside a running site: it may wait a minute for a turn to write,
        /// where a visitor's write gives up after seconds.
        /// </summary>
        public override void Configure(WebApplicationBuilder builder) =>
            builder.Configuration["Catalog:WriteWaitSeconds"] ??= "60";

        public override async Task<int> RunAsync(WebApplication app)
        {
            if (Paths.Length == 0)
            {
                await Console.Error.WriteLineAsync("usage: import PATH... (a title page .txt file, or a folder of them)");
                return 2;
            }

            await app.Services.MigrateCatalogAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImporter>();
            var outcomes = await importer.ImportAllAsync(Paths, report: Console.WriteLine);

            var refused = outcomes.Count(o => o.Status == ImportStatus.Refused);
            Console.WriteLine(
                $"{outcomes.Count} file(s): {outcomes.Count(o => o.Status == ImportStatus.Imported)} imported, " +
                $"{outcomes.Count(o => o.Status == ImportStatus.Unchanged)} unchanged, {refused} refused");
            return refused == 0 && outcomes.Count > 0 ? 0 : 1;
        }
    }

    /// <summary>
    /// Writes a consistent copy of the live catalog to PATH while the site keeps serving (on SQLite,
    /// default <c>backups/catalog-YYYYMMDD-HHMMSS.db</c> in the data folder); on PostgreSQL it says
    /// how to use pg_dump. Exit code 0 when written, non-zero when not.
    /// </summary>
    public sealed record Backup(string? Path) : SiteCommand
    {
        public override Task<int> RunAsync(WebApplication app) =>
            app.Services.GetRequiredService<ICatalogBackup>().RunAsync(Path, Console.Out, Console.Error, CancellationToken.None);
    }
}
