using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>
/// schema.org descriptions of the list pages (<c>ItemList</c>) and of the site (<c>WebSite</c> with
/// its <c>SearchAction</c>), written as <see cref="Titles.MovieJsonLd"/> writes a film's: the default
/// encoder escapes &lt; &gt; &amp; ', so no name can close the script element.
/// </summary>
public static class ListJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>An <c>ItemList</c> of links, numbered from <paramref name="first"/>.</summary>
    public static string ItemList(string name, IEnumerable<(string Url, string Name)> items, int first = 1)
    {
        var elements = new JsonArray();
        var position = first;
        foreach (var (url, itemName) in items)
        {
            elements.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = position++,
                ["url"] = url,
                ["name"] = itemName,
            });
        }

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ItemList",
            ["name"] = name,
            ["itemListElement"] = elements,
        }.ToJsonString(Options);
    }

    /// <summary>The site and how to search it: <c>{search_term_string}</c> is the placeholder search engines fill.</summary>
    public static string WebSite(string homeUrl, string searchUrlTemplate) => new JsonObject
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "WebSite",
        ["name"] = "FilmCatalog",
        ["url"] = homeUrl,
        ["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = new JsonObject
            {
                ["@type"] = "EntryPoint",
                ["urlTemplate"] = searchUrlTemplate,
            },
            ["query-input"] = "required name=search_term_string",
        },
    }.ToJsonString(Options);
}
