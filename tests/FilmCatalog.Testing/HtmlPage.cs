using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Io;

namespace FilmCatalog.Testing;

/// <summary>Loads a response into an AngleSharp document, the base of every page object.</summary>
public static class HtmlPage
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request =>
        {
            request.Content(content);
            request.Address(response.RequestMessage!.RequestUri!);
            request.Status(response.StatusCode);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
                request.Header(header.Key, string.Join(", ", header.Value));
        });
        return (IHtmlDocument)document;
    }

    /// <summary>GETs a page and parses it, failing with the body when the status is not the expected one.</summary>
    public static async Task<IHtmlDocument> GetAsync(HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return await ParseAsync(response);
    }
}
