using System.Globalization;
using System.Net;
using FilmCatalog.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Testing;

/// <summary>
/// The site under test, the one factory every test that needs the site uses: on a fresh SQLite
/// file of its own (a temporary data folder, deleted afterwards), seeded from the repository's
/// <c>seeds/</c> at start-up exactly as a first start would.
/// </summary>
/// <remarks>
/// Everything is chosen by setting, never by replacing services, so a fixture for another database
/// sets <see cref="ConnectionString"/> and <see cref="Provider"/> and every test runs unchanged:
/// <see cref="PostgresCatalog"/> is that fixture: a test class written once over a generic factory runs
/// on both (<c>public abstract class VoteTests&lt;TCatalog&gt; : IClassFixture&lt;TCatalog&gt;</c>, with
/// one sealed subclass for <see cref="SqliteCatalog"/> and one for <see cref="PostgresCatalog"/>).
/// Arrange and assert through <see cref="Catalog"/>, which uses the site's own DbContext options.
/// A test subclass may still override <see cref="ConfigureWebHost"/> (call the base first).
/// </remarks>
public class CatalogFactory : WebApplicationFactory<Program>
{
    /// <summary>A request carrying this header is served as coming from the address it holds (tests only: TestServer has no remote address).</summary>
    public const string ClientHeader = "X-Test-Client";

    private readonly string _ownFolder = Directory.CreateTempSubdirectory("filmcatalog-test-").FullName;
    private readonly string? _chosenFolder;
    private readonly string? _connectionString;

    /// <summary>
    /// The folder of the database, keys and logs: a fresh temporary one, deleted afterwards, unless a
    /// test sets a folder of its own (two sites on one data folder), which it then cleans up itself.
    /// </summary>
    public string DataFolder
    {
        get => _chosenFolder ?? _ownFolder;
        init => _chosenFolder = value;
    }

    /// <summary>The SQLite file under <see cref="DataFolder"/>, for the default provider.</summary>
    public string DatabasePath => Path.Combine(DataFolder, "catalog.db");

    /// <summary><c>ConnectionStrings:Catalog</c>: the SQLite file in <see cref="DataFolder"/> unless set.</summary>
    public string ConnectionString
    {
        get => _connectionString ?? $"Data Source={DatabasePath}";
        init => _connectionString = value;
    }

    /// <summary><c>Catalog:Provider</c> when set; the site's default (SQLite) otherwise.</summary>
    public string? Provider { get; init; }

    /// <summary><c>ConnectionStrings:Redis</c> and the fixture's own key prefix in it, when set; no Redis otherwise.</summary>
    public (string Connection, string KeyPrefix)? Redis { get; init; }

    /// <summary>"Development" by default, as WebApplicationFactory has it; "Production" for what a visitor of the running site gets.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Seeds folder to import on first start; the repository's own by default.</summary>
    public string? SeedsPath { get; init; }

    /// <summary>Writes allowed per client and window. High by default so tests that post a lot are not throttled.</summary>
    public int WritesPerWindow { get; init; } = 100_000;

    /// <summary>Any other configuration, applied last, e.g. <c>RateLimits:VotesPerWindow</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Arranges and inspects the catalog outside the site, through the site's own DbContext options (starts the site).</summary>
    public TestCatalog Catalog => new(NewDbContext);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Catalog", ConnectionString);
        if (Provider is not null)
            builder.UseSetting("Catalog:Provider", Provider);
        if (Redis is { } redis)
        {
            builder.UseSetting("ConnectionStrings:Redis", redis.Connection);
            builder.UseSetting("Redis:KeyPrefix", redis.KeyPrefix);
        }
        if (SeedsPath is not null)
            builder.UseSetting("Catalog:SeedsPath", SeedsPath);
        var writes = WritesPerWindow.ToString(CultureInfo.InvariantCulture);
        builder.UseSetting("RateLimits:ReviewsPerWindow", writes);
        builder.UseSetting("RateLimits:VotesPerWindow", writes);
        builder.UseSetting("RateLimits:ReportsPerWindow", writes);
        builder.UseSetting("RateLimits:SignInsPerWindow", writes);
        builder.UseSetting("RateLimits:ModerationActionsPerWindow", writes);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
    }

    /// <summary>A client that does not follow redirects and whose requests come from <paramref name="address"/>.</summary>
    public HttpClient CreateClient(string address, string baseAddress = "http://localhost")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    /// <summary>
    /// A moderator's browser: HTTPS (the moderator cookie is Secure), cookies kept by path as a browser
    /// keeps them, no redirect followed, requests from <paramref name="address"/>.
    /// </summary>
    public HttpClient CreateModeratorClient(string address = "10.99.0.1") => CreateClient(address, "https://localhost");

    /// <summary>Makes a moderator account through the site's own <c>moderator add</c> code (Identity's rules and hashing).</summary>
    public Task AddModeratorAsync(string email, string password) => InScopeAsync<object?>(async services =>
    {
        var errors = await services.GetRequiredService<FilmCatalog.Web.Moderation.ModeratorAccounts>().AddAsync(email, password);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return null;
    });

    /// <summary>A moderator signed in (password only) on a fresh client; the client is returned with its cookie.</summary>
    public async Task<HttpClient> SignedInModeratorAsync(string email, string password, string address = "10.99.0.1")
    {
        var client = CreateModeratorClient(address);
        var signIn = await SignInPage.OpenAsync(client);
        var response = await signIn.SendPasswordAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email}: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A fresh DbContext on the site's database with the site's own options, for arranging and asserting outside the site.</summary>
    /// <remarks>Starts the site first, so the database exists, migrated and seeded.</remarks>
    public CatalogDbContext NewDbContext() => Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContext();

    /// <summary>Runs <paramref name="action"/> in a DI scope of the running site.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_ownFolder, recursive: true);
            }
            catch (IOException)
            {
                // A log file still held open by the sink: the OS temp cleaner has it.
            }
        }
    }

    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address) && IPAddress.TryParse(address, out var ip))
                    context.Connection.RemoteIpAddress = ip;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The site on SQLite, the default: a fresh catalog file per fixture.</summary>
public sealed class SqliteCatalog : CatalogFactory;

/// <summary>
/// The site as it runs at scale: on the run's PostgreSQL server (a fresh database per fixture,
/// dropped afterwards) with the page cache, its eviction count and the rate limits in the run's Redis.
/// </summary>
public class PostgresCatalog : CatalogFactory
{
    private readonly PostgresDatabase _database;

    public PostgresCatalog()
        : this(TestServers.NewPostgresDatabase())
    {
    }

    private PostgresCatalog(PostgresDatabase database)
    {
        _database = database;
        Provider = "Postgres";
        ConnectionString = database.ConnectionString;
        Redis = (TestServers.Redis, TestServers.NewRedisPrefix());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reviews:AddressHashKey", TestServers.AddressHashKey);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _database.Dispose();
    }
}
