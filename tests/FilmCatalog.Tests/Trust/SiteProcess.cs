using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FilmCatalog.Tests.Infrastructure;

namespace FilmCatalog.Tests.Trust;

/// <summary>
/// The real site as an operating-system process (<c>dotnet FilmCatalog.Web.dll</c> from the build
/// output), on a data folder of the test's choosing, so it can be killed with SIGKILL and restarted.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    private readonly Process _process;

    private SiteProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

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

    /// <summary>Starts the site and waits until it answers.</summary>
    public static async Task<SiteProcess> StartAsync(string dataFolder, TimeSpan timeout)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var process = Start(dataFolder, "--urls", address.ToString().TrimEnd('/'));
        var site = new SiteProcess(process, address);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            Assert.False(process.HasExited, $"the site exited with {(process.HasExited ? process.ExitCode : 0)}:\n{RecentOutput}");
            try
            {
                if ((await probe.GetAsync(new Uri(address, "/antiforgery/token"))).StatusCode == HttpStatusCode.OK)
                    return site;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(50);
        }

        site.Kill();
        var logs = Directory.Exists(Path.Combine(dataFolder, "logs"))
            ? string.Join("\n", Directory.GetFiles(Path.Combine(dataFolder, "logs")).Select(f => File.ReadAllText(f)))
            : "(no logs)";
        throw new TimeoutException($"the site did not answer within {timeout}:\n{RecentOutput}\n{logs}");
    }

    /// <summary>Runs a site command (<c>import PATH</c>, <c>backup PATH</c>) as a process of its own.</summary>
    public static Process Start(string dataFolder, params string[] arguments) => Start(dataFolder, onLine: null, arguments);

    /// <summary>Runs a site command, handing every line it prints to <paramref name="onLine"/>.</summary>
    public static Process Start(string dataFolder, Action<string>? onLine, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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
        start.Environment["Serilog__WriteTo__0__Name"] = "File";
        start.Environment["Serilog__WriteTo__0__Args__path"] = Path.Combine(dataFolder, "logs", "console-.log");
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataFolder, "logs", "site-.log");
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) =>
        {
            Remember(line.Data);
            if (line.Data is not null)
                onLine?.Invoke(line.Data);
        };
        process.ErrorDataReceived += (_, line) =>
        {
            Remember(line.Data);
            if (line.Data is not null)
                onLine?.Invoke(line.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly Queue<string> Recent = new();

    /// <summary>The last lines the processes printed, for failure messages.</summary>
    public static string RecentOutput
    {
        get
        {
            lock (Recent)
                return string.Join("\n", Recent);
        }
    }

    private static void Remember(string? line)
    {
        if (line is null)
            return;
        lock (Recent)
        {
            Recent.Enqueue(line);
            while (Recent.Count > 40)
                Recent.Dequeue();
        }
    }

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
