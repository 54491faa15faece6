using System.Diagnostics;
using System.Globalization;

namespace FilmCatalog.Bench.Generator;

/// <summary>
/// Writes a synthetic catalog in the seeds format for the import benchmark:
/// <c>--titles N --reviews M --out DIR [--seed 42]</c>.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: FilmCatalog.Bench.Generator --titles N --reviews M --out DIR [--seed 42]";

    public static int Main(string[] args)
    {
        int titles = 0, reviews = 0, seed = 42;
        string? outDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var ok = args[i] switch
            {
                "--titles" => TryCount(value, out titles),
                "--reviews" => TryCount(value, out reviews),
                "--seed" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                "--out" => (outDir = value) is not null,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine($"bad argument '{args[i]}' {value}");
                Console.Error.WriteLine(Usage);
                return 2;
            }
            i++;
        }
        if (outDir is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var summary = new CatalogGenerator(titles, seed).WriteTo(outDir, reviews);
        clock.Stop();

        Console.WriteLine(
            $"wrote {summary.Files} files, {summary.Bytes:N0} bytes " +
            $"({titles} titles, {reviews} reviews on the big page) to {Path.GetFullPath(outDir)} " +
            $"in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static bool TryCount(string? text, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count);
}
