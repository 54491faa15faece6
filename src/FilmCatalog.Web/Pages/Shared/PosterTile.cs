using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>
/// The typographic tile that stands in for a film's poster (the source has no images):
/// <c>&lt;poster-tile slug="..." name="..." year="1992" size="large" /&gt;</c>. Its colours and
/// layout come from the slug alone, so a film looks the same on every page that shows it (title page,
/// cards, search results, people pages, lists). Decorative: hidden from screen readers, since the
/// film's name is always written beside it.
/// </summary>
/// <remarks>
/// The content security policy allows no inline style, so the look is a pair of classes
/// (<c>palette-N</c>, <c>layout-N</c>) defined in site.css. Sizes: <c>large</c> (title page),
/// <c>medium</c> (cards), <c>small</c> (list rows). A card whose title the source lost passes no slug
/// and no name, and gets the neutral tile.
/// </remarks>
[HtmlTargetElement("poster-tile", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PosterTileTagHelper : TagHelper
{
    public string? Slug { get; set; }

    public string? Name { get; set; }

    public int? Year { get; set; }

    /// <summary>"large", "medium" or "small".</summary>
    public string Size { get; set; } = "medium";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("aria-hidden", "true");
        if (Name is not { Length: > 0 } name)
        {
            output.Attributes.SetAttribute("class", $"poster poster-{Size} poster-unnamed");
            output.Content.SetHtmlContent("<span class=\"poster-frames\"></span>");
            return;
        }

        var look = PosterLook.For(Slug ?? name);
        output.Attributes.SetAttribute("class",
            $"poster poster-{Size} palette-{look.Palette} layout-{look.Layout} {PosterLook.LengthClass(name)} {PosterLook.WordClass(name)}");
        output.Content.AppendHtml("<span class=\"poster-name\">").Append(name).AppendHtml("</span>");
        if (Year is { } year)
            output.Content.AppendHtml("<span class=\"poster-year\">").Append(year.ToString(System.Globalization.CultureInfo.InvariantCulture)).AppendHtml("</span>");
    }
}

/// <summary>A film's tile look: one of <see cref="Palettes"/> colour sets and one of <see cref="Layouts"/> type layouts.</summary>
public readonly record struct PosterLook(int Palette, int Layout)
{
    public const int Palettes = 12;
    public const int Layouts = 4;

    /// <summary>
    /// FNV-1a over the slug's UTF-8 bytes: stable across processes and machines (string.GetHashCode
    /// is randomised per process, which would repaint every film at each restart).
    /// </summary>
    public static PosterLook For(string slug)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(slug))
            hash = (hash ^ b) * 16777619u;
        return new PosterLook((int)(hash % Palettes), (int)(hash / Palettes % Layouts));
    }

    private static readonly string[] Sizes = ["name-short", "name-medium", "name-long", "name-very-long"];

    /// <summary>
    /// Type size by the name's length and its longest word, so "Up" fills the tile, a long title
    /// still fits, and no word is broken in the middle ("Lighthouse" sets smaller than "Soup").
    /// </summary>
    public static string LengthClass(string name)
    {
        var byLength = name.Length switch { <= 8 => 0, <= 18 => 1, <= 32 => 2, _ => 3 };
        var longestWord = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Max(w => w.Length);
        var byWord = longestWord switch { <= 5 => 0, <= 7 => 1, <= 9 => 2, _ => 3 };
        return Sizes[Math.Max(byLength, byWord)];
    }

    /// <summary>
    /// "word-8" for a name whose longest word has 8 letters (3 to 16): site.css caps the type size so
    /// that word fits the tile's width in each layout's face, uppercase faces being wider.
    /// </summary>
    public static string WordClass(string name) =>
        $"word-{Math.Clamp(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Max(w => w.Length), 3, 16)}";
}
