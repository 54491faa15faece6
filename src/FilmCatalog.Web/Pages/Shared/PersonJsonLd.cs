using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>The schema.org <c>Person</c> of a people page; encoded as <see cref="ListJsonLd"/> is.</summary>
public static class PersonJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string For(string name, IReadOnlyList<string> spellings, string url)
    {
        var person = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Person",
            ["name"] = name,
            ["url"] = url,
        };
        if (spellings.Count > 1)
            person["alternateName"] = new JsonArray([.. spellings.Skip(1).Select(s => (JsonNode?)s)]);
        return person.ToJsonString(Options);
    }
}
