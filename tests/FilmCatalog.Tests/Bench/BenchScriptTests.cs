using System.Diagnostics;
using FilmCatalog.Bench.Generator;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Bench;

/// <summary>
/// The benchmark's own pieces, at a small size. The figures are the benchmark's business
/// (<c>bench/run.sh</c>); running it here would publish the site from inside its own test run and
/// take a minute of a shared machine, so the suite checks that the script parses and that a
/// generated catalog goes through the same import pipeline the script times.
/// </summary>
public sealed class BenchScriptTests : IDisposable
{
    private readonly string _catalog = Directory.CreateTempSubdirectory("filmcatalog-bench-").FullName;
    private readonly TestDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_catalog, recursive: true);
    }

    public static TheoryData<string> Scripts() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "bench"), "*.sh").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Scripts))]
    public async Task The_benchmark_scripts_are_valid_bash(string name)
    {
        var script = Path.Combine(RepositoryPaths.Root, "bench", name);
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-n", script]) { RedirectStandardError = true })!;
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.True(bash.ExitCode == 0, errors);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_generated_catalog_imports_through_the_pipeline_without_a_refusal()
    {
        var summary = new CatalogGenerator(titleCount: 25).WriteTo(_catalog, reviewCount: 400);

        var (importer, db) = _database.NewImporter();
        List<ImportOutcome> outcomes;
        await using (db)
            outcomes = await importer.ImportAllAsync([_catalog]);

        Assert.Equal(summary.Files, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(ImportStatus.Imported, o.Status));
        await using var check = _database.NewDbContext();
        var big = await check.Titles.SingleAsync(t => t.Name == CatalogGenerator.BigReviewsName && t.Year == CatalogGenerator.BigReviewsYear);
        Assert.Equal(400, big.ReviewCount);
        Assert.Equal(400, await check.Reviews.CountAsync(r => r.TitleId == big.Id && r.Status == ReviewStatus.Visible));
        Assert.Equal(summary.Files, await check.ImportRecords.CountAsync());
    }

    [Fact(Timeout = 120_000)]
    public async Task Importing_the_generated_catalog_again_changes_nothing()
    {
        new CatalogGenerator(titleCount: 10).WriteTo(_catalog, reviewCount: 50);
        var (importer, db) = _database.NewImporter();
        await using (db)
            await importer.ImportAllAsync([_catalog]);
        var before = await _database.Catalog.DumpAsync();

        var (again, db2) = _database.NewImporter();
        List<ImportOutcome> outcomes;
        await using (db2)
            outcomes = await again.ImportAllAsync([_catalog]);

        Assert.All(outcomes, o => Assert.Equal(ImportStatus.Unchanged, o.Status));
        Assert.Equal(before, await _database.Catalog.DumpAsync());
    }
}
