using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace FilmCatalog.BrowserTests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver. Paths are given explicitly so that
/// Selenium Manager never runs (it would try to download a driver), and usage statistics are off.
/// One browser per test class; each fixture gets a fresh profile folder.
/// </summary>
public class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverFolder = "/usr/bin";
    public const string DriverFile = "chromedriver";

    private readonly string _profile = Directory.CreateTempSubdirectory("filmcatalog-chromium-").FullName;

    public Browser()
        : this(defaultFontSize: null)
    {
    }

    /// <summary>A browser whose reader chose another text size (Settings, Appearance, Font size): 16 px is Chromium's own.</summary>
    protected Browser(int? defaultFontSize)
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(Path.Combine(DriverFolder, DriverFile)))
        {
            throw new InvalidOperationException(
                $"Chromium ({ChromiumPath}) and chromedriver ({Path.Combine(DriverFolder, DriverFile)}) are needed for the browser tests. " +
                "Install them with: apt-get install -y chromium chromium-driver");
        }

        Environment.SetEnvironmentVariable("SE_AVOID_STATS", "true");
        var service = ChromeDriverService.CreateDefaultService(DriverFolder, DriverFile);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={_profile}",
            // The network is closed: any host but this machine fails at once instead of waiting on DNS.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        if (defaultFontSize is { } size)
            options.AddUserProfilePreference("webkit.webprefs.default_font_size", size);

        // Generous: these only catch a hung browser, however busy the machine is.
        Driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(3));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromMinutes(2);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Makes the page's viewport exactly <paramref name="width"/> by <paramref name="height"/> CSS pixels.</summary>
    public void SetViewport(int width, int height, bool mobile = false)
    {
        Driver.Manage().Window.Size = new Size(width, height);
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width,
            ["height"] = height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = mobile,
        });
    }

    /// <summary>Emulates the reader's colour-scheme preference: "light" or "dark".</summary>
    public void PreferColorScheme(string scheme) =>
        Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?>
        {
            ["features"] = new[] { new Dictionary<string, object?> { ["name"] = "prefers-color-scheme", ["value"] = scheme } },
        });

    public void GoTo(Uri url) => Driver.Navigate().GoToUrl(url);

    /// <summary>
    /// A wait on a condition, for a minute at most. A condition that reads an element while the page
    /// it is on gives way to the next one is tried again, rather than failing on the element gone.
    /// </summary>
    public WebDriverWait Wait()
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromMinutes(1));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        return wait;
    }

    public T Script<T>(string script, params object[] args) => (T)Driver.ExecuteScript(script, args)!;

    /// <summary>Console messages at level SEVERE since the last call (reading the log empties it).</summary>
    public IReadOnlyList<string> SevereConsoleEntries() =>
        [.. Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message)];

    /// <summary>
    /// Saves the whole page (not only the viewport) as a PNG under <c>artifacts/screenshots/</c> at the
    /// repository root, for a person to look at; returns the file's path.
    /// </summary>
    public string SaveFullPageScreenshot(string fileName, int width)
    {
        var height = (int)Script<long>("return Math.ceil(document.documentElement.scrollHeight);");
        SetViewport(width, Math.Min(Math.Max(height, 200), 16000));
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing to its profile as it exits; the OS temp cleaner has it.
        }
    }
}
