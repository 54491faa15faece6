using System.Net;
using System.Net.Http.Json;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// A method a route does not take is answered 405 with <c>Allow</c> and a readable page, on every
/// route, whether or not the request carries a valid antiforgery token; the methods <c>Allow</c>
/// names are taken.
/// </summary>
public sealed class MethodTests : IClassFixture<HostileSite>
{
    private readonly HostileSite _site;

    public MethodTests(HostileSite site) => _site = site;

    public static readonly string[] Methods = ["PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "PROPFIND", "FOO", "POST", "GET", "HEAD"];

    /// <summary>Every route of the site, with a film and a review to fill in its parameters.</summary>
    public static IReadOnlyList<string> Routes(TestCatalog.Film film) =>
    [
        "/",
        $"/title/{film.Slug}",
        $"/title/{film.Slug}/reviews",
        $"/title/{film.Slug}/review",
        $"/reviews/{film.ReviewIds[0]}/vote",
        $"/reviews/{film.ReviewIds[0]}/report",
        $"/reviews/{film.ReviewIds[0]}/edit",
        "/reviews/mine",
        "/antiforgery/token",
        "/health",
        "/robots.txt",
        "/sitemap.xml",
        "/sitemaps/titles-1.xml",
        "/css/site.css",
        "/js/site.js",
        "/favicon.svg",
        "/Status/404",
        "/Error",
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_route_answers_a_method_it_does_not_take_with_405_allow_and_a_readable_page(bool withToken)
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.4.1");
        var token = withToken ? (await client.GetFromJsonAsync<TokenAnswer>("/antiforgery/token"))!.Token : null;
        var errorsBefore = _site.Errors.Count;
        var failures = new List<string>();

        foreach (var route in Routes(film))
        {
            foreach (var method in Methods)
            {
                var request = new HttpRequestMessage(new HttpMethod(method), route);
                if (token is not null)
                    request.Headers.Add("RequestVerificationToken", token);
                if (method is not ("GET" or "HEAD" or "TRACE"))
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" });
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{method} {route}: {status}");
                    continue;
                }

                ProductionResponseTests.AssertSecurityHeaders(response);
                if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
                    continue;

                var allow = response.Content.Headers.Allow;
                if (allow.Count == 0 || allow.Contains(method))
                    failures.Add($"{method} {route}: 405 with Allow '{string.Join(", ", allow)}'");
                var page = await HtmlPage.ParseAsync(response);
                if (page.QuerySelector("h1")?.TextContent != "Method not allowed")
                    failures.Add($"{method} {route}: 405 without its page");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(errorsBefore, _site.Errors.Count);
    }

    /// <summary>
    /// HTTP asks a server that answers GET to answer HEAD: the pages did (their handlers take both), the
    /// endpoints mapped with <c>MapGet</c> answered 405. (Kestrel sends no body for HEAD; TestServer does, so
    /// the status and type are compared here.) The antiforgery token is for the site's own script, GET only.
    /// </summary>
    [Fact]
    public async Task What_answers_get_answers_head_with_the_same_status_and_type()
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.4.9");
        var failures = new List<string>();

        foreach (var route in new[] { "/", $"/title/{film.Slug}", $"/title/{film.Slug}.json", $"/title/{film.Slug}/reviews", "/health", "/search?q=film", "/search/suggest?q=film", "/titles", "/css/site.css" })
        {
            var get = await client.GetAsync(route);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, route));
            if (get.StatusCode != HttpStatusCode.OK || head.StatusCode != HttpStatusCode.OK
                || get.Content.Headers.ContentType?.MediaType != head.Content.Headers.ContentType?.MediaType)
                failures.Add($"{route}: GET {(int)get.StatusCode} {get.Content.Headers.ContentType}, HEAD {(int)head.StatusCode} {head.Content.Headers.ContentType}");
        }

        Assert.Empty(failures);
    }

    /// <summary>
    /// A request naming no handler a page has ran the page without one: POST /moderation/account showed "Signed in
    /// as ." with two-factor off. A page whose handlers for the method are all named answers a name it lacks 404; the
    /// account page now takes no POST at all (its forms moved to pages that ask for the password): 405 either way.
    /// A page's unnamed handler still takes any name, as Razor Pages has it.
    /// </summary>
    [Fact]
    public async Task A_request_naming_no_handler_the_page_has_never_runs_the_page()
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.4.10");
        var token = (await client.GetFromJsonAsync<TokenAnswer>("/antiforgery/token"))!.Token;

        foreach (var (route, expected) in new[] { ("/moderation/account", HttpStatusCode.MethodNotAllowed), ("/moderation/account?handler=Bogus", HttpStatusCode.MethodNotAllowed) })
        {
            var post = new HttpRequestMessage(HttpMethod.Post, route) { Content = new FormUrlEncodedContent([]) };
            post.Headers.Add("RequestVerificationToken", token);
            var response = await client.SendAsync(post);
            Assert.True(response.StatusCode == expected, $"POST {route}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/title/{film.Slug}?handler=Whatever")).StatusCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("TRACE")]
    [InlineData("FOO")]
    public async Task The_writing_pages_answer_other_methods_405_even_with_a_valid_token(string method)
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.4.2");
        var token = (await client.GetFromJsonAsync<TokenAnswer>("/antiforgery/token"))!.Token;

        foreach (var route in new[] { $"/title/{film.Slug}", $"/title/{film.Slug}/reviews", $"/title/{film.Slug}/review", $"/reviews/{film.ReviewIds[0]}/vote", $"/reviews/{film.ReviewIds[0]}/report", $"/reviews/{film.ReviewIds[0]}/edit" })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), route);
            request.Headers.Add("RequestVerificationToken", token);
            var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {route}: {(int)response.StatusCode}");
            Assert.Contains("GET", response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task A_post_to_a_page_that_takes_none_is_405_and_one_to_an_unknown_handler_is_not_a_fault()
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.4.3");
        var token = (await client.GetFromJsonAsync<TokenAnswer>("/antiforgery/token"))!.Token;

        foreach (var route in new[] { $"/title/{film.Slug}", $"/title/{film.Slug}/reviews", "/" })
        {
            var post = new HttpRequestMessage(HttpMethod.Post, route) { Content = new FormUrlEncodedContent([]) };
            post.Headers.Add("RequestVerificationToken", token);
            var response = await client.SendAsync(post);
            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"POST {route}: {(int)response.StatusCode}");
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        }

        foreach (var route in new[] { $"/title/{film.Slug}/review", $"/reviews/{film.ReviewIds[0]}/vote", $"/reviews/{film.ReviewIds[0]}/report", $"/reviews/{film.ReviewIds[0]}/edit" })
        {
            var post = new HttpRequestMessage(HttpMethod.Post, route + "?handler=Delete") { Content = new FormUrlEncodedContent([]) };
            post.Headers.Add("RequestVerificationToken", token);
            var response = await client.SendAsync(post);
            Assert.True((int)response.StatusCode < 500, $"POST {route}?handler=Delete: {(int)response.StatusCode}");
            Assert.NotEqual("Something went wrong", (await HtmlPage.ParseAsync(response)).QuerySelector("h1")?.TextContent);
        }
    }

    internal sealed record TokenAnswer(string Token);
}
