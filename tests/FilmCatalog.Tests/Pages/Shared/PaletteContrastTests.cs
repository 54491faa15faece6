using System.Globalization;
using System.Text.RegularExpressions;
using FilmCatalog.Web.Pages.Shared;

namespace FilmCatalog.Tests.Pages.Shared;

/// <summary>
/// The film colours (poster tiles and the title page's band) are chosen per film, so axe only ever
/// sees the few palettes of the films it visits. Every palette is checked here, from site.css itself:
/// the title and tagline on the band, and the title and year on the tile, meet WCAG AA (4.5:1).
/// </summary>
public sealed partial class PaletteContrastTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "FilmCatalog.Web", "wwwroot", "css", "site.css"));

    public static TheoryData<int> Palettes() => [.. Enumerable.Range(0, PosterLook.Palettes)];

    [Theory]
    [MemberData(nameof(Palettes))]
    public void Every_palettes_text_is_readable_on_its_tile_and_on_the_title_band(int palette)
    {
        var start = Css.IndexOf($".palette-{palette} {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"site.css defines .palette-{palette}");
        var rule = Css[start..Css.IndexOf('}', start)];
        var colours = ColourVariable().Matches(rule).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var (a, b, ink, accent) = (colours["tile-a"], colours["tile-b"], colours["tile-ink"], colours["tile-accent"]);

        // The band is the tile's darker colour mixed 72% with black (site.css: --hero-bg).
        var band = Mix(Rgb(b), (0, 0, 0), 0.72);
        AssertReadable(Rgb(ink), band, $"title on the band of palette {palette}");
        AssertReadable(Rgb(accent), band, $"tagline on the band of palette {palette}");
        AssertReadable(Rgb(ink), Rgb(a), $"name on the tile of palette {palette}");
        AssertReadable(Rgb(accent), Rgb(a), $"year on the tile of palette {palette}");
    }

    private static void AssertReadable((double R, double G, double B) text, (double R, double G, double B) background, string what)
    {
        var ratio = Contrast(text, background);
        Assert.True(ratio >= 4.5, $"{what}: contrast {ratio:0.00}:1 is under 4.5:1");
    }

    private static (double R, double G, double B) Rgb(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static (double R, double G, double B) Mix((double R, double G, double B) colour, (double R, double G, double B) other, double share) =>
        (colour.R * share + other.R * (1 - share), colour.G * share + other.G * (1 - share), colour.B * share + other.B * (1 - share));

    private static double Contrast((double R, double G, double B) x, (double R, double G, double B) y)
    {
        var (lx, ly) = (Luminance(x), Luminance(y));
        return (Math.Max(lx, ly) + 0.05) / (Math.Min(lx, ly) + 0.05);
    }

    private static double Luminance((double R, double G, double B) c)
    {
        static double Channel(double v)
        {
            v /= 255;
            return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }

    [GeneratedRegex(@"--(tile-[a-z]+):\s*(#[0-9a-fA-F]{6})")]
    private static partial Regex ColourVariable();
}
