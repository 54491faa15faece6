using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FilmCatalog.Tests.Importing;

/// <summary>The site started on a catalog that the first version left: it upgrades the slugs itself, and old links keep working.</summary>
public sealed class OldCatalogStartTests : IDisposable
{
    private readonly TestDatabase _database = new("20261124025754_InitialCatalog");

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_title_page_bookmarked_under_the_old_slug_redirects_to_the_new_one()
    {
        const string columns = "Slug, Name, Year, IsCardOnly, FaqEmpty, ReviewCount, VisitorRatingCount, VisitorRatingSum, CreatedAt, UpdatedAt";
        _database.Execute($"INSERT INTO Titles ({columns}) VALUES ('s-o-paulo-blues-1961', 'São Paulo Blues', 1961, 0, 0, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00');");

        using (var site = new CatalogFactory { DataFolder = Path.GetDirectoryName(_database.Path)! })
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
