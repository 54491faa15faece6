using System.Diagnostics;

namespace FilmCatalog.Tests.Moderation;

/// <summary>
/// <c>moderator add|remove|list</c> as an operator runs them: the real executable, passwords from
/// standard input (a script) or typed on a terminal without echo, Identity's rules, and no password in
/// anything the command prints or logs.
/// </summary>
[Trait("Category", "Slow")]
public abstract class ModeratorCommandTests : IDisposable
{
    protected const string Password = "Operator-Typed-This-31";
    protected readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-moderators-").FullName;

    /// <summary>The provider's settings over the defaults (none: SQLite in the data folder).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public virtual void Dispose()
    {
        Directory.Delete(_dataFolder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<(int Exit, string Output)> RunAsync(string? input, params string[] arguments)
    {
        using var command = input is null ? SiteProcess.StartCommand(_dataFolder, Settings, arguments) : SiteProcess.StartCommandWithInput(_dataFolder, input, Settings, arguments);
        await command.WaitForExitAsync();
        return (command.ExitCode, string.Join("\n", command.Lines));
    }

    /// <summary>Everything the commands wrote to the data folder's log files.</summary>
    protected string Logs() => Directory.Exists(Path.Combine(_dataFolder, "logs"))
        ? string.Join("\n", Directory.GetFiles(Path.Combine(_dataFolder, "logs")).Select(f =>
        {
            using var shared = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(shared).ReadToEnd();
        }))
        : "";

    [Fact]
    public async Task Moderators_are_added_from_two_lines_of_standard_input_listed_and_removed_and_no_password_is_printed_or_logged()
    {
        var added = await RunAsync($"{Password}\n{Password}\n", "moderator", "add", "first@example.org");
        Assert.True(added.Exit == 0, added.Output);
        Assert.Contains("moderator first@example.org added", added.Output, StringComparison.Ordinal);

        var again = await RunAsync($"{Password}\n{Password}\n", "moderator", "add", "first@example.org");
        Assert.Equal(1, again.Exit);
        Assert.Contains("already a moderator", again.Output, StringComparison.Ordinal);

        var differ = await RunAsync($"{Password}\n{Password}x\n", "moderator", "add", "second@example.org");
        Assert.Equal(1, differ.Exit);
        Assert.Contains("the two passwords differ", differ.Output, StringComparison.Ordinal);

        var weak = await RunAsync("password\npassword\n", "moderator", "add", "second@example.org");
        Assert.Equal(1, weak.Exit);
        Assert.Contains("at least 12 characters", weak.Output, StringComparison.Ordinal);
        Assert.Contains("uppercase", weak.Output, StringComparison.Ordinal);

        var none = await RunAsync("", "moderator", "add", "second@example.org");
        Assert.Equal(1, none.Exit);
        Assert.Contains("no password given", none.Output, StringComparison.Ordinal);

        var tooLong = await RunAsync($"{Password}\n{Password}\n", "moderator", "add", new string('a', 250) + "@example.org");
        Assert.Equal(1, tooLong.Exit);
        Assert.Contains("at most 256 characters", tooLong.Output, StringComparison.Ordinal);

        var list = await RunAsync(null, "moderator", "list");
        Assert.Equal(0, list.Exit);
        Assert.Contains("first@example.org\ttwo-factor off", list.Output, StringComparison.Ordinal);
        Assert.Contains("1 moderator(s)", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("second@example.org", list.Output, StringComparison.Ordinal);

        var removed = await RunAsync(null, "moderator", "remove", "first@example.org");
        Assert.Equal(0, removed.Exit);
        Assert.Equal(1, (await RunAsync(null, "moderator", "remove", "first@example.org")).Exit);
        Assert.Contains("0 moderator(s)", (await RunAsync(null, "moderator", "list")).Output, StringComparison.Ordinal);
        Assert.Equal(2, (await RunAsync(null, "moderator", "promote", "first@example.org")).Exit);

        foreach (var output in new[] { added.Output, again.Output, differ.Output, weak.Output, Logs() })
        {
            Assert.DoesNotContain("Operator-Typed", output, StringComparison.Ordinal);
            Assert.DoesNotContain("password\n", output, StringComparison.Ordinal);
        }

        Assert.Contains("Moderator", Logs(), StringComparison.Ordinal); // the log was written, and holds no password
    }

    /// <summary>
    /// Asking for help, or mistyping a command, prints the usage and runs nothing: "--help" and "improt" started
    /// the site (beside a running one: a stack trace, exit 134), "backup --help" wrote a backup, "backup ''" threw.
    /// </summary>
    [Fact]
    public async Task Help_and_mistyped_commands_print_the_usage_and_run_nothing()
    {
        foreach (var arguments in (string[][])[["--help"], ["help"], ["-h"], ["backup", "--help"], ["import", "x.txt", "--help"]])
        {
            var help = await RunAsync(null, arguments);
            Assert.True(help.Exit == 0, $"{string.Join(' ', arguments)}: exit {help.Exit}\n{help.Output}");
            Assert.Contains("usage: dotnet FilmCatalog.Web.dll", help.Output, StringComparison.Ordinal);
        }

        foreach (var (arguments, problem) in new (string[], string)[]
        {
            (["improt", "seeds"], "unknown command 'improt'"),
            (["reindex", "now"], "reindex takes no arguments"),
            (["backup", ""], "backup: PATH is empty"),
            (["backup", "a.db", "b.db"], "backup takes one PATH at most"),
        })
        {
            var refused = await RunAsync(null, arguments);
            Assert.True(refused.Exit == 2, $"{string.Join(' ', arguments)}: exit {refused.Exit}\n{refused.Output}");
            Assert.Contains(problem, refused.Output, StringComparison.Ordinal);
            Assert.Contains("usage:", refused.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", refused.Output, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(_dataFolder, "backups")), "a backup was written");
    }

    /// <summary>A folder's title pages are the .txt files directly in it; what else it holds is said, not skipped in silence.</summary>
    [Fact]
    public async Task An_import_of_a_folder_says_what_it_leaves_alone()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dataFolder, "empty-folder")).FullName;
        var mixed = Directory.CreateDirectory(Path.Combine(_dataFolder, "mixed-folder")).FullName;
        Directory.CreateDirectory(Path.Combine(mixed, "sub"));
        await File.WriteAllTextAsync(Path.Combine(mixed, "UPPER.TXT"), "not read");
        await File.WriteAllTextAsync(Path.Combine(mixed, "page.txt"), "");

        var none = await RunAsync(null, "import", empty);
        Assert.Equal(1, none.Exit);
        Assert.Contains($"{empty}: no .txt files in this folder", none.Output, StringComparison.Ordinal);

        var some = await RunAsync(null, "import", mixed);
        Assert.Contains($"{mixed}: 2 other entries left alone", some.Output, StringComparison.Ordinal);
        Assert.Contains("1 file(s)", some.Output, StringComparison.Ordinal);
    }

    /// <summary>Waits for a condition that only a hang would never meet.</summary>
    protected static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var hang = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(hang.Elapsed < SiteProcess.HangTimeout, "the command never got there");
            await Task.Delay(50);
        }
    }

    protected static async Task<string> OutputOfAsync(string tool, params string[] arguments) => (await RunToolAsync(tool, arguments)).Output;

    protected static async Task<(int Exit, string Output)> RunToolAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}

/// <summary>On SQLite, and the terminal (which is the same whatever the database).</summary>
public sealed partial class ModeratorCommandTestsOnSqlite : ModeratorCommandTests
{
    /// <summary>
    /// On a terminal (tmux gives the command a real one) the password is asked twice and typed keys are
    /// not shown. Keys are sent only once the terminal's echo is off (<c>stty</c> on the pane's tty), so
    /// what is asserted is the command's own doing, not a race with it.
    /// </summary>
    [Fact]
    public async Task On_a_terminal_the_password_is_asked_twice_and_never_shown()
    {
        // A tmux server of this test's own (its own socket), so no one else's sessions or environment are involved.
        var socket = $"fc-mod-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24];
        const string session = "moderator";
        var command = string.Join(' ', new[]
        {
            "env", "ASPNETCORE_ENVIRONMENT=Production",
            $"ConnectionStrings__Catalog='Data Source={Path.Combine(_dataFolder, "catalog.db")}'",
            $"Catalog__SeedsPath={Path.Combine(_dataFolder, "no-seeds")}",
            "dotnet", SiteProcess.Dll, "moderator", "add", "typed@example.org", ";", "echo", "EXIT=$?", ";", "sleep", "600",
        });
        Assert.Equal(0, await TmuxAsync("new-session", "-d", "-s", session, "-x", "200", "-y", "50", command));
        try
        {
            var tty = (await TmuxOutputAsync("display-message", "-p", "-t", session, "#{pane_tty}")).Trim();
            // capture-pane trims each line's trailing blanks, so the prompts are looked for without theirs.
            foreach (var prompt in new[] { "Password:", "Password again:" })
            {
                await UntilAsync(async () => (await TmuxOutputAsync("capture-pane", "-p", "-t", session)).Contains(prompt, StringComparison.Ordinal)
                    && EchoOff().IsMatch(await OutputOfAsync("stty", "-F", tty, "-a")));
                Assert.Equal(0, await TmuxAsync("send-keys", "-t", session, "-l", Password));
                Assert.Equal(0, await TmuxAsync("send-keys", "-t", session, "Enter"));
            }

            await UntilAsync(async () => (await TmuxOutputAsync("capture-pane", "-p", "-t", session)).Contains("EXIT=", StringComparison.Ordinal));
            var screen = await TmuxOutputAsync("capture-pane", "-p", "-t", session);
            Assert.Contains("EXIT=0", screen, StringComparison.Ordinal);
            Assert.Contains("moderator typed@example.org added", screen, StringComparison.Ordinal);
            Assert.DoesNotContain("Operator-Typed", screen, StringComparison.Ordinal);
            Assert.DoesNotContain("Operator-Typed", Logs(), StringComparison.Ordinal);
        }
        finally
        {
            await TmuxAsync("kill-server");
        }

        Task<int> TmuxAsync(params string[] arguments) => RunToolAsync("tmux", ["-L", socket, .. arguments]).ContinueWith(t => t.Result.Exit, TaskScheduler.Default);

        Task<string> TmuxOutputAsync(params string[] arguments) => RunToolAsync("tmux", ["-L", socket, .. arguments]).ContinueWith(t => t.Result.Output, TaskScheduler.Default);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(^|\s)-echo(\s|$)")]
    private static partial System.Text.RegularExpressions.Regex EchoOff();
}

/// <summary>On PostgreSQL: Identity's tables there, made by the command's own migration run.</summary>
public sealed class ModeratorCommandTestsOnPostgres : ModeratorCommandTests
{
    private readonly PostgresDatabase _database;
    private readonly Dictionary<string, string> _settings;

    public ModeratorCommandTestsOnPostgres()
    {
        _database = TestServers.NewPostgresDatabase();
        // Logs in the test's data folder, where Logs() reads them (on PostgreSQL there is no catalog file to sit beside).
        _settings = new(TestServers.SiteSettings(_database, TestServers.NewRedisPrefix())) { ["Catalog:DataFolder"] = _dataFolder };
    }

    protected override IReadOnlyDictionary<string, string>? Settings => _settings;

    public override void Dispose()
    {
        _database.Dispose();
        base.Dispose();
    }
}
