using FilmCatalog.Web.Data;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Moderation;
using FilmCatalog.Web.Search;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// Commands the site's executable runs instead of serving: <c>import PATH...</c>, <c>reindex</c>, <c>backup [PATH]</c>
/// and <c>moderator add|remove|list</c>.
/// They share the site's configuration, so they write to the same database.
/// </summary>
public abstract record SiteCommand
{
    /// <summary>What the executable takes, printed for <c>--help</c> and for a command it does not know.</summary>
    public const string Usage = """
        usage: dotnet FilmCatalog.Web.dll [--Setting value ...]            runs the site
               dotnet FilmCatalog.Web.dll import PATH... [--Setting value ...]
                                                  imports title pages (.txt files, or folders of them)
               dotnet FilmCatalog.Web.dll reindex                        rebuilds the search index and the lists
               dotnet FilmCatalog.Web.dll backup [PATH]                  copies the catalog while the site runs
               dotnet FilmCatalog.Web.dll moderator add EMAIL | remove EMAIL | list
        Settings (README, Configuration) come from appsettings.json, environment variables (ConnectionStrings__Catalog=...)
        or "--Setting value" after the command's arguments.
        """;

    public static (SiteCommand? Command, string[] SiteArgs) Parse(string[] args)
    {
        // Asking for help never runs anything: "backup --help" wrote a backup, and "--help" alone started the site.
        if (args is ["help", ..] || args.Any(a => a is "--help" or "-h" or "-?"))
            return (new Help(null), []);

        var (words, settings) = (args.Skip(1).TakeWhile(IsWord).ToArray(), args.Skip(1).SkipWhile(IsWord).ToArray());
        return args switch
        {
            [] => (null, args),
            [var first, ..] when !IsWord(first) => (null, args),
            ["import", ..] => (new Import(words), settings),
            ["reindex", ..] when words.Length == 0 => (new Reindex(), settings),
            ["reindex", ..] => (new Help("reindex takes no arguments"), []),
            ["backup", ..] when words is [""] => (new Help("backup: PATH is empty"), []),
            ["backup", ..] when words.Length <= 1 => (new Backup(words.FirstOrDefault()), settings),
            ["backup", ..] => (new Help("backup takes one PATH at most"), []),
            ["moderator", ..] => (new Moderators(words), settings),
            [var unknown, ..] => (new Help($"unknown command '{unknown}'"), []),
        };

        // A command's own arguments come first; settings ("--Setting value") after them.
        static bool IsWord(string arg) => !arg.StartsWith("--", StringComparison.Ordinal);
    }

    public abstract Task<int> RunAsync(WebApplication app);

    /// <summary>
    /// The usage, before anything is built: asked for (exit 0), or for a command the executable does not know
    /// (exit 2; "improt" started the site, which failed to take the running site's port with a stack trace).
    /// </summary>
    public sealed record Help(string? Problem) : SiteCommand
    {
        public override Task<int> RunAsync(WebApplication app) => PrintAsync();

        public async Task<int> PrintAsync()
        {
            if (Problem is null)
            {
                await Console.Out.WriteLineAsync(Usage);
                return 0;
            }

            await Console.Error.WriteLineAsync($"{Problem}\n{Usage}");
            return 2;
        }
    }

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
            await SayWhatFoldersSkipAsync(Paths);
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<CatalogImporter>();
            var times = new ImportTimes();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcomes = await importer.ImportAllAsync(Paths, report: Console.WriteLine, times: times);

            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"time: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s in all; {times.Writing.TotalSeconds:F2} s writing (one writer), " +
                $"{times.Preparing.TotalSeconds:F2} s reading and parsing (summed over {Environment.ProcessorCount} threads, beside the writer)"));
            var refused = outcomes.Count(o => o.Status == ImportStatus.Refused);
            Console.WriteLine(
                $"{outcomes.Count} file(s): {outcomes.Count(o => o.Status == ImportStatus.Imported)} imported, " +
                $"{outcomes.Count(o => o.Status == ImportStatus.Unchanged)} unchanged, {refused} refused");
            return refused == 0 && outcomes.Count > 0 ? 0 : 1;
        }
    }

    /// <summary>
    /// A folder's title pages are the <c>*.txt</c> files directly in it: a folder with none, or with subfolders and
    /// other files, is said so, where "0 file(s)" alone left the operator to guess.
    /// </summary>
    private static async Task SayWhatFoldersSkipAsync(IEnumerable<string> paths)
    {
        foreach (var folder in paths.Where(Directory.Exists))
        {
            var entries = Directory.EnumerateFileSystemEntries(folder).ToList();
            var pages = entries.Count(e => File.Exists(e) && e.EndsWith(".txt", StringComparison.Ordinal));
            if (pages == 0)
                await Console.Error.WriteLineAsync($"{folder}: no .txt files in this folder (only the .txt files directly in a folder are imported)");
            else if (entries.Count > pages)
                await Console.Error.WriteLineAsync($"{folder}: {entries.Count - pages} other entries left alone (only the .txt files directly in a folder are imported)");
        }
    }

    /// <summary>
    /// Rebuilds what is derived from the catalog (the search index, the browse lists, people's
    /// keys) from the catalog, in one transaction. Imports keep them in step; this is for an
    /// operator who changed how they are derived, or wants to check nothing drifted. Exit code 0.
    /// </summary>
    public sealed record Reindex : SiteCommand
    {
        public override async Task<int> RunAsync(WebApplication app)
        {
            await app.Services.MigrateCatalogAsync();
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CatalogIndexes>().RebuildAsync(backfillCredits: false, CancellationToken.None);
            Console.WriteLine("reindexed");
            return 0;
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

    /// <summary>
    /// <c>moderator add EMAIL</c> (the password typed twice without echo, or two lines of standard
    /// input), <c>moderator remove EMAIL</c>, <c>moderator list</c>. Exit code 0 when done, 1 when
    /// refused (with the reason), 2 for a usage error.
    /// </summary>
    public sealed record Moderators(string[] Arguments) : SiteCommand
    {
        private const string ModeratorUsage = "usage: moderator add EMAIL | moderator remove EMAIL | moderator list";

        public override async Task<int> RunAsync(WebApplication app)
        {
            if (Arguments is not (["add", _] or ["remove", _] or ["list"]))
            {
                await Console.Error.WriteLineAsync(ModeratorUsage);
                return 2;
            }

            await app.Services.MigrateCatalogAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<ModeratorAccounts>();
            switch (Arguments)
            {
                case ["add", var email]:
                    var password = PasswordPrompt.ReadNew(Console.In, Console.Error, isTerminal: !Console.IsInputRedirected);
                    if (password is null)
                        return 1;
                    var errors = await accounts.AddAsync(email, password);
                    foreach (var error in errors)
                        await Console.Error.WriteLineAsync($"moderator add: {error}");
                    if (errors.Count > 0)
                        return 1;
                    Console.WriteLine($"moderator {email} added; they sign in at /moderation/signin");
                    return 0;

                case ["remove", var email]:
                    if (!await accounts.RemoveAsync(email))
                    {
                        await Console.Error.WriteLineAsync($"moderator remove: {email} is not a moderator");
                        return 1;
                    }

                    Console.WriteLine($"moderator {email} removed; their sessions have ended");
                    return 0;

                default:
                    var moderators = await accounts.ListAsync();
                    foreach (var moderator in moderators)
                    {
                        var twoFactor = moderator.TwoFactor ? "two-factor on" : "two-factor off";
                        var locked = moderator.LockedOutUntil is { } until ? $", locked out until {until:yyyy-MM-dd HH:mm} UTC" : "";
                        Console.WriteLine($"{moderator.Email}\t{twoFactor}{locked}");
                    }

                    Console.WriteLine($"{moderators.Count} moderator(s)");
                    return 0;
            }
        }
    }
}
