using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FilmCatalog.Tests.Importing;

/// <summary>The site started on a catalog that the first version left: it upgrades the slugs itself, and old links keep working.</summary>
public abstract class OldCatalogStartTests(TestProvider provider) : IDisposable
{
    private readonly TestDatabase _database = new(provider, migration: "InitialCatalog");

    public void Dispose() => _database.Dispose();

    /// <summary>The site on this test's database: on SQLite its data folder is the database's folder.</summary>
    private CatalogFactory NewSite() => provider == TestProvider.Postgres
        ? new CatalogFactory
        {
            Provider = "Postgres",
            ConnectionString = _database.ConnectionString,
            Settings = new Dictionary<string, string> { ["Reviews:AddressHashKey"] = TestServers.AddressHashKey },
        }
        : new CatalogFactory { DataFolder = Path.GetDirectoryName(_database.Path)! };

    [Fact]
    public async Task A_title_page_bookmarked_under_the_old_slug_redirects_to_the_new_one()
    {
        _database.Execute($"INSERT INTO \"Titles\" ({SlugUpgradeTests.TitleColumns}) VALUES ('s-o-paulo-blues-1961', 'São Paulo Blues', 1961, FALSE, FALSE, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00');");

        using (var site = NewSite())
        {
            var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var old = await client.GetAsync("/title/s-o-paulo-blues-1961");

            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/title/sao-paulo-blues-1961", old.Headers.Location?.OriginalString);
            var page = await TitlePage.GetAsync(client, "sao-paulo-blues-1961");
            Assert.Equal("São Paulo Blues (1961)", page.Heading);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

public sealed class OldCatalogStartTestsOnSqlite() : OldCatalogStartTests(TestProvider.Sqlite);

public sealed class OldCatalogStartTestsOnPostgres() : OldCatalogStartTests(TestProvider.Postgres);
