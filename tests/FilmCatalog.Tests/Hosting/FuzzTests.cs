using System.Net;
using System.Net.Http.Json;
using System.Text;
using Serilog.Events;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// Every route, every method, random strings in every form field and query parameter, with and without
/// a valid antiforgery token and visitor identity: no answer is a 5xx and the site logs no fault.
/// Bounded (a fixed number of requests) and reproducible (a fixed seed per round, printed on failure).
/// </summary>
public sealed class FuzzTests : IClassFixture<HostileSite>
{
    private const int Requests = 1_500;
    private readonly HostileSite _site;

    public FuzzTests(HostileSite site) => _site = site;

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO"];

    private static readonly string[] Fields =
    [
        "Input.Headline", "Input.Rating", "Input.Body", "Input.DisplayName", "Input.ContainsSpoilers",
        "Input.Reason", "Input.Comment", "helpful", "handler", "sort", "after", "rating", "spoilers", "code", "id", "slug",
    ];

    [Theory]
    [InlineData(16001)]
    [InlineData(16002)]
    public async Task Random_requests_to_every_route_never_get_a_5xx_or_log_a_fault(int seed)
    {
        var random = new Random(seed);
        var film = await _site.Catalog.AddFilmAsync(3);
        var client = _site.CreateClient($"10.16.15.{seed % 250}");
        var token = (await client.GetFromJsonAsync<TokenAnswer>("/antiforgery/token"))!.Token;
        var routes = MethodTests.Routes(film).Concat([$"/title/{film.Slug}/reviews?after=1e19_1", $"/reviews/{int.MaxValue}/vote", "/title/%C3%A9/review", "/Status/503"]).ToList();
        var errorsBefore = _site.Errors.Count;
        var failures = new List<string>();

        for (var i = 0; i < Requests; i++)
        {
            var method = Methods[random.Next(Methods.Length)];
            var route = routes[random.Next(routes.Count)];
            var query = random.Next(3) == 0 ? "?" + string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pair(random))) : "";
            var request = new HttpRequestMessage(new HttpMethod(method), route + (route.Contains('?') ? query.Replace('?', '&') : query));
            if (method is not ("GET" or "HEAD" or "TRACE"))
                request.Content = Body(random, random.Next(4) != 0 ? token : null);
            if (random.Next(4) != 0)
                request.Headers.Add("RequestVerificationToken", token);
            if (random.Next(6) == 0)
                request.Headers.Accept.ParseAdd("application/json");

            var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                failures.Add($"request {i} (seed {seed}): {method} {request.RequestUri}: {(int)response.StatusCode}");
        }

        Assert.Empty(failures);
        var faults = _site.Errors.Skip(errorsBefore).Select(e => e.RenderMessage()).ToList();
        Assert.True(faults.Count == 0, string.Join("\n", faults.Take(5)));
    }

    private static FormUrlEncodedContent Body(Random random, string? token)
    {
        var fields = Fields.Where(_ => random.Next(3) != 0).Select(f => new KeyValuePair<string, string>(f, Garbage(random))).ToList();
        if (token is not null)
            fields.Add(new("__RequestVerificationToken", token));
        return new FormUrlEncodedContent(fields);
    }

    private static string Pair(Random random) => $"{Uri.EscapeDataString(Fields[random.Next(Fields.Length)])}={Uri.EscapeDataString(Garbage(random))}";

    /// <summary>A string a visitor could send: empty, numeric edge cases, booleans, markup, control and non-BMP characters, or long runs.</summary>
    private static string Garbage(Random random) => random.Next(12) switch
    {
        0 => "",
        1 => new[] { "0", "-1", "1", "10", "11", "2147483648", "-2147483649", "1e308", "NaN", "Infinity", "0x1F", "1,5", "٣" }[random.Next(13)],
        2 => new[] { "true", "false", "on", "maybe", "yes", "no", "TRUE", "null" }[random.Next(8)],
        3 => new[] { "Spam", "Offensive", "SpoilerInHeadline", "OffTopic", "Other", "99", "Spam,Other" }[random.Next(7)],
        4 => "<script>alert(1)</script>\"' onerror=x",
        5 => new string('x', random.Next(1, 20_000)),
        6 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(0, 32))),
        7 => "\uD83C\uDFAC \u202E\u2028\u0085 \uFEFF" + (char)random.Next(0xD800, 0xDFFF),
        8 => random.NextInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + random.Next(),
        9 => "' OR 1=1 --; DROP TABLE Reviews; --",
        10 => "../../../../etc/passwd%00",
        _ => RandomText(random),
    };

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, 200); i > 0; i--)
            text.Append((char)random.Next(1, 0x3000));
        return text.ToString();
    }

    private sealed record TokenAnswer(string Token);
}
