using FilmCatalog.Web.Importing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Importing;

/// <summary>At every start the site imports what <c>seeds/</c> holds that the catalog does not, and nothing twice.</summary>
public sealed class CatalogInitializerTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-seeding-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task A_catalog_filled_by_an_import_before_the_first_start_still_gets_the_seeds_and_a_restart_changes_nothing()
    {
        var noSeeds = Directory.CreateDirectory(Path.Combine(_dataFolder, "no-seeds")).FullName;
        await using (var importOnly = new CatalogFactory { DataFolder = _dataFolder, SeedsPath = noSeeds })
        {
            var outcomes = await importOnly.InScopeAsync(services =>
                services.GetRequiredService<CatalogImporter>().ImportAllAsync([RepositoryPaths.Fixture("missing_parts.txt")]));
            Assert.Equal(ImportStatus.Imported, Assert.Single(outcomes).Status);
        }

        string afterFirstStart;
        await using (var site = new CatalogFactory { DataFolder = _dataFolder })
        {
            var seedFiles = Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Length;
            Assert.Equal(1 + seedFiles, await site.Catalog.ReadAsync(db => db.ImportRecords.CountAsync()));
            Assert.Equal("In the Soup (1992)", (await TitlePage.GetAsync(site.CreateClient(), "in-the-soup-1992")).Heading);
            afterFirstStart = await site.Catalog.DumpAsync();
        }

        await using var restarted = new CatalogFactory { DataFolder = _dataFolder };
        Assert.Equal(afterFirstStart, await restarted.Catalog.DumpAsync());
    }
}
