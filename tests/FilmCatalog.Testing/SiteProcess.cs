using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FilmCatalog.Testing;

/// <summary>
/// The real site as an operating-system process (<c>dotnet FilmCatalog.Web.dll</c> from the build
/// output), on a data folder of the test's choosing, so it can be killed with SIGKILL and restarted.
/// Tests wait on what the process says (its output lines, its exit), never on the clock.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    /// <summary>Long enough that only a hang reaches it, however busy the machine: it catches a process that never gets there.</summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromMinutes(3);

    private static readonly Queue<string> Recent = new();

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource Seen)> _awaited = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiteProcess(string dataFolder, string[] arguments, IReadOnlyDictionary<string, string>? settings = null, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Nothing of the test host's own runtime settings (startup hooks, test platform variables) leaks in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                     || k.StartsWith("VSTEST", StringComparison.Ordinal) || k.StartsWith("COREHOST", StringComparison.Ordinal) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Catalog"] = $"Data Source={Path.Combine(dataFolder, "catalog.db")}";
        start.Environment["Catalog__SeedsPath"] = Path.Combine(dataFolder, "no-seeds");
        start.Environment["RateLimits__VotesPerWindow"] = "1000000";
        start.Environment["Reviews__CountedVotesPerAddress"] = "1000000";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) => Heard(line.Data);
        _process.ErrorDataReceived += (_, line) => Heard(line.Data);
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (input is not null)
        {
            _process.StandardInput.Write(input);
            _process.StandardInput.Close();
        }
    }

    /// <summary>Where the site listens; null for a command (<c>import</c>, <c>backup</c>).</summary>
    public Uri? Address { get; private init; }

    public bool HasExited => _process.HasExited;

    /// <summary>The site's build output next to the tests' (same configuration).</summary>
    public static string Dll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(RepositoryPaths.Root, "src", "FilmCatalog.Web", "bin", configuration, "net10.0", "FilmCatalog.Web.dll");
            Assert.True(File.Exists(dll), $"build the site first: {dll} is missing");
            return dll;
        }
    }

    /// <summary>The last lines the processes printed, for failure messages.</summary>
    public static string RecentOutput
    {
        get
        {
            lock (Recent)
                return string.Join("\n", Recent);
        }
    }

    /// <summary>Starts the site and returns once it has said it started (after migrating and seeding) and answers.</summary>
    /// <remarks><paramref name="arguments"/> are more command-line settings, e.g. <c>"--Catalog:WriteWaitSeconds", "60"</c>.</remarks>
    public static Task<SiteProcess> StartAsync(string dataFolder, params string[] arguments) => StartAsync(dataFolder, null, arguments);

    /// <summary>Starts the site with configuration over the defaults (another provider, Redis), e.g. <see cref="TestServers.SiteSettings"/>.</summary>
    public static async Task<SiteProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings, params string[] arguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var site = new SiteProcess(dataFolder, ["--urls", address.ToString().TrimEnd('/'), .. arguments], settings) { Address = address };
        var started = site.WaitForLineAsync(line => line.Contains("Application started", StringComparison.Ordinal));
        if (await Task.WhenAny(started, site._exited.Task).WaitAsync(HangTimeout) != started)
            Assert.Fail($"the site exited with {site._process.ExitCode}:\n{RecentOutput}");

        using var probe = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/antiforgery/token")).StatusCode);
        return site;
    }

    /// <summary>Runs a site command (<c>import PATH</c>, <c>backup PATH</c>) as a process of its own.</summary>
    public static SiteProcess StartCommand(string dataFolder, params string[] arguments) => new(dataFolder, arguments);

    /// <summary>Runs a site command that reads standard input (<c>moderator add EMAIL</c>), given <paramref name="input"/>, then end of input.</summary>
    public static SiteProcess StartCommandWithInput(string dataFolder, string input, IReadOnlyDictionary<string, string>? settings, params string[] arguments) =>
        new(dataFolder, arguments, settings, input);

    /// <summary>Runs a site command with configuration over the defaults.</summary>
    public static SiteProcess StartCommand(string dataFolder, IReadOnlyDictionary<string, string>? settings, params string[] arguments) => new(dataFolder, arguments, settings);

    /// <summary>Completes when the process prints a line that <paramref name="matches"/> (lines printed before the call included).</summary>
    public Task WaitForLineAsync(Func<string, bool> matches)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Any(matches))
                seen.TrySetResult();
            else
                _awaited.Add((matches, seen));
        }

        return seen.Task;
    }

    /// <summary>The exit code, once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Every line the process has printed so far, standard output and error.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    /// <summary>Completes when the process has exited (of itself or killed).</summary>
    public async Task WaitForExitAsync()
    {
        await _exited.Task.WaitAsync(HangTimeout);
        // The Exited event can come before the last lines printed are read: wait for the end of both streams too.
        await _process.WaitForExitAsync().WaitAsync(HangTimeout);
    }

    /// <summary>SIGTERM, as a service manager stops the site: it shuts down gracefully, flushing its logs; returns once it has exited.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
            Assert.Equal(0, SendSignal(_process.Id, SigTerm));
        await WaitForExitAsync();
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Heard(string? line)
    {
        if (line is null)
            return;
        lock (Recent)
        {
            Recent.Enqueue(line);
            while (Recent.Count > 40)
                Recent.Dequeue();
        }

        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _awaited.Where(a => a.Matches(line)).ToList())
            {
                _awaited.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
