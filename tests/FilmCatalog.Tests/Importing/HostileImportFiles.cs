using System.Diagnostics;
using System.Text;
using FilmCatalog.Bench.Generator;

namespace FilmCatalog.Tests.Importing;

/// <summary>Files that have hurt the importer: what is not a file, what is too much of a page, and big legal pages.</summary>
public static class HostileImportFiles
{
    /// <summary>A named pipe nobody writes to: opening it to read would wait forever.</summary>
    public static string Fifo(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>A link to /dev/zero: it reports a length of 0 and never ends.</summary>
    public static string LinkToZero(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.CreateSymbolicLink(path, "/dev/zero");
        return path;
    }

    /// <summary>A legal page with one card more than the cap, and the 1-based line of that card's title.</summary>
    public static (string Text, int Line) TooManyCards(int cards)
    {
        var page = new StringBuilder("Card Collector (1999)\n\nA film that is liked with a great many others.\n\nPeople who liked this also liked...\n\n");
        var line = 7;
        var overCapLine = 0;
        for (var i = 1; i <= cards; i++)
        {
            if (i == cards)
                overCapLine = line;
            page.Append($"Liked Film Number {i} (1990)\nDrama\n1 2 3 4 5 6 7 8 9 10 7.0/10 X\nA plot of film number {i}.\nDirector: Director {i}\nStars: Star {i}\n\n");
            line += 7;
        }

        return (page.ToString(), overCapLine);
    }

    /// <summary>A big but legal page: the benchmark film with <paramref name="reviews"/> user reviews (about 680 bytes each).</summary>
    public static string HugeLegalPage(int reviews) => new CatalogGenerator(1, seed: 16).BigReviewsPage(reviews);

    /// <summary>The seed page as UTF-8 with seven invalid bytes in its middle.</summary>
    public static byte[] MixedEncoding()
    {
        var seed = File.ReadAllText(Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt").First());
        var middle = seed.Length / 2;
        return [.. Encoding.UTF8.GetBytes(seed[..middle]), 0xE9, 0xFF, 0xC3, 0x28, 0xA0, 0xE2, 0x82, .. Encoding.UTF8.GetBytes(seed[middle..])];
    }
}
