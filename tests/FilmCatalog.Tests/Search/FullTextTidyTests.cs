using FilmCatalog.Web.Importing;
using Microsoft.Data.Sqlite;

namespace FilmCatalog.Tests.Search;

/// <summary>
/// Every import batch adds its own small segments to SQLite's full-text indexes, and a search reads
/// every segment; a run of imports ends by merging them, so search reads one index again.
/// </summary>
public sealed class FullTextTidyTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_run_of_imports_leaves_each_full_text_index_merged_and_whole()
    {
        var fixtures = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt").Order(StringComparer.Ordinal).ToList();
        var (importer, db) = _database.NewImporter();
        await using (db)
        {
            // One file a batch, as a site's single imports come: each commit adds a segment.
            foreach (var fixture in fixtures.SkipLast(1))
                await importer.ImportFileAsync(fixture);
            Assert.All(Indexes, index => Assert.True(MergeWouldWrite(index), $"{index} should hold several segments before the run"));

            var outcomes = await importer.ImportAllAsync([RepositoryPaths.Seeds, fixtures[^1]]);
            Assert.Contains(outcomes, o => o.Status == ImportStatus.Imported);
        }

        Assert.All(Indexes, index =>
        {
            Assert.False(MergeWouldWrite(index), $"{index} should be one segment after the run");
            _database.Execute($"""INSERT INTO "{index}"("{index}") VALUES('integrity-check')""");
        });
    }

    private static readonly string[] Indexes = ["TitleNamesFts", "PersonNamesFts"];

    /// <summary>Whether merging <paramref name="index"/> would write anything: tried in a transaction that is rolled back.</summary>
    private bool MergeWouldWrite(string index)
    {
        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""SELECT total_changes(); INSERT INTO "{index}"("{index}", rank) VALUES('merge', -1000000)""";
        var before = (long)command.ExecuteScalar()!;
        command.CommandText = "SELECT total_changes()";
        var after = (long)command.ExecuteScalar()!;
        transaction.Rollback();
        return after - before >= 2;
    }
}
