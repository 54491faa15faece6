using System.Text;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>
/// The importer reads regular files only, caps what it reads while reading, and caps the parts of a
/// page; every refusal names the file and a line, and leaves the catalog as it was.
/// </summary>
public sealed class ImportFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("filmcatalog-files-").FullName;
    private readonly TestDatabase _database = new();

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_fifo_a_device_and_a_link_to_a_device_are_refused_without_being_opened()
    {
        var before = await _database.Catalog.DumpAsync();
        string[] paths = [HostileImportFiles.Fifo(_folder, "pipe.txt"), HostileImportFiles.LinkToZero(_folder, "zero.txt"), "/dev/zero", "/dev/null"];

        var (importer, db) = _database.NewImporter();
        List<ImportOutcome> outcomes;
        await using (db)
            outcomes = await Task.Run(() => importer.ImportAllAsync(paths));

        Assert.Equal(paths.Length, outcomes.Count);
        Assert.All(outcomes, o =>
        {
            Assert.Equal(ImportStatus.Refused, o.Status);
            Assert.Matches(@"^\S+:1: error: not a regular file \(a (named pipe|character device)\)", o.ToString());
        });
        Assert.Equal(before, await _database.Catalog.DumpAsync());
    }

    [Fact]
    public void The_byte_cap_is_counted_while_reading_and_the_refusal_names_the_line_it_stopped_at()
    {
        var path = Path.Combine(_folder, "long.txt");
        File.WriteAllText(path, string.Concat(Enumerable.Range(1, 10).Select(i => new string('x', 99) + "\n")));

        var (content, refused) = ImportFile.Read(path, maxBytes: 550);

        Assert.Null(content);
        Assert.NotNull(refused);
        Assert.Equal(6, refused.ErrorLine);
        Assert.Contains("past 550 bytes", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1000, ImportFile.Read(path, maxBytes: 1000).Content!.Length);
    }

    [Fact]
    public async Task A_page_with_more_cards_than_the_cap_is_refused_at_the_line_of_the_card_that_crossed_it()
    {
        var before = await _database.Catalog.DumpAsync();
        var (text, line) = HostileImportFiles.TooManyCards(TitlePageParser.MaxCards + 1);

        var outcome = await _database.ImportAsync("cards.txt", Encoding.UTF8.GetBytes(text));

        Assert.Equal(ImportStatus.Refused, outcome.Status);
        Assert.Equal(line, outcome.ErrorLine);
        Assert.StartsWith($"cards.txt:{line}: error: more than 1,000 also-liked cards", outcome.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await _database.Catalog.DumpAsync());
    }

    [Fact]
    public async Task A_page_with_as_many_cards_as_the_cap_is_imported_whole()
    {
        var (text, _) = HostileImportFiles.TooManyCards(TitlePageParser.MaxCards);

        var outcome = await _database.ImportAsync("cards.txt", Encoding.UTF8.GetBytes(text));

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal(TitlePageParser.MaxCards, await _database.Catalog.ScalarAsync("SELECT COUNT(*) FROM AlsoLiked"));
    }
}
