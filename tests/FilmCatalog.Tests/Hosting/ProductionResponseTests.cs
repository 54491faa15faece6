using System.Net;
using FilmCatalog.Web.Reviews;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// The site as deployed (Production): security headers on every kind of response, HSTS and Secure
/// cookies over HTTPS, and error pages that give a request id and nothing of the inside.
/// </summary>
public sealed class ProductionResponseTests : IClassFixture<ProductionResponseTests.Factory>
{
    private readonly Factory _factory;

    public ProductionResponseTests(Factory factory) => _factory = factory;

    public sealed class Factory : CatalogFactory
    {
        public Factory()
        {
            Environment = "Production";
            Settings = new Dictionary<string, string> { ["RateLimits:ReportsPerWindow"] = "1" };
        }
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/js/site.js", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/title/no-such-film/review", HttpStatusCode.NotFound)]
    [InlineData("/antiforgery/token", HttpStatusCode.OK)]
    public async Task Pages_static_files_and_not_found_carry_the_security_headers(string url, HttpStatusCode expected)
    {
        var response = await _factory.CreateClient("10.6.0.1").GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_refused_token_and_a_rate_limited_write_carry_the_security_headers()
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var client = _factory.CreateClient("10.6.0.2");

        var badToken = await client.PostAsync($"/reviews/{film.ReviewIds[0]}/vote", new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }));
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
        AssertSecurityHeaders(badToken);

        HttpResponseMessage last = null!;
        for (var i = 0; i < 2; i++)
        {
            var form = await ReportForm.OpenForAsync(client, film.ReviewIds[i]);
            last = await form.SubmitAsync(ReportForm.Values("Spam", "Advertising."));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        AssertSecurityHeaders(last);
    }

    [Fact]
    public async Task Over_https_responses_carry_hsts_of_a_year_and_cookies_are_secure_httponly_and_samesite()
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var client = _factory.CreateClient("10.6.0.3", "https://catalog.example");

        var page = await client.GetAsync($"/reviews/{film.ReviewIds[0]}/vote");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertSecurityHeaders(page);
        var hsts = Assert.Single(page.Headers.GetValues("Strict-Transport-Security"));
        var maxAge = hsts.Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("max-age=", StringComparison.Ordinal));
        Assert.True(long.Parse(maxAge["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture) >= 365L * 24 * 3600, hsts);

        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith(VisitorIdentity.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("fc_af=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            var attributes = c.ToLowerInvariant();
            Assert.Contains("; secure", attributes);
            Assert.Contains("; httponly", attributes);
            Assert.Contains("; samesite=strict", attributes);
        });
    }

    [Fact]
    public async Task Over_plain_http_cookies_are_still_httponly_and_samesite()
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var page = await _factory.CreateClient("10.6.0.4").GetAsync($"/reviews/{film.ReviewIds[0]}/vote");

        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; httponly", c.ToLowerInvariant()));
        Assert.All(cookies, c => Assert.Contains("; samesite=strict", c.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_server_fault_shows_a_generic_page_with_a_request_id_and_nothing_of_the_inside(string method)
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var client = _factory.CreateClient("10.6.0.5");
        var vote = await VotePage.OpenAsync(client, film.ReviewIds[0]);

        // A real fault: the table the page reads is gone, so EF Core throws a SqliteException with SQL in it.
        await _factory.Catalog.ExecuteAsync("ALTER TABLE Reviews RENAME TO Reviews_gone");
        HttpResponseMessage response;
        try
        {
            response = method == "GET"
                ? await client.GetAsync($"/reviews/{film.ReviewIds[0]}/vote")
                : await vote.SubmitAsync(helpful: true);
        }
        finally
        {
            await _factory.Catalog.ExecuteAsync("ALTER TABLE Reviews_gone RENAME TO Reviews");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertSecurityHeaders(response);
        var body = await response.Content.ReadAsStringAsync();
        var page = await HtmlPage.ParseAsync(response);
        Assert.Equal("Something went wrong", page.QuerySelector("h1")?.TextContent);
        var requestId = page.QuerySelector("main code")?.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(requestId), "the error page names no request id");
        foreach (var leak in new[] { "SQLite", "Sqlite", "no such table", "SELECT", "Exception", " at ", ".cs:line", "/src/", RepositoryPaths.Root, "FilmCatalog.Web.", "Reviews_gone" })
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\.cs\b(?!s)", body);
    }

    /// <summary>ASVS V3.4: the browser-side defences every response must carry.</summary>
    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'none'", directives["base-uri"]);
        Assert.True(directives.ContainsKey("default-src") || directives.ContainsKey("script-src"), csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains(Assert.Single(response.Headers.GetValues("Referrer-Policy")), new[] { "no-referrer", "strict-origin-when-cross-origin", "same-origin", "strict-origin" });
    }
}
