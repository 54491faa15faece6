using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// Requests Kestrel refuses while parsing (a request line past its limit, headers past theirs, a NUL or
/// a raw non-ASCII byte in the path, an HTTP version it does not speak) are answered by Kestrel itself,
/// before any middleware runs, so they cannot carry the security headers. What makes that safe, and
/// what SECURITY.md says: the answer has no body at all (Content-Length: 0, no Content-Type) and
/// closes the connection, so there is nothing to render, sniff, frame or script.
/// </summary>
[Trait("Category", "Slow")]
public sealed class KestrelRefusalTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-kestrel-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    public static TheoryData<string, int> Refusals() => new()
    {
        { $"GET /{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },
        { $"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 40_000)}\r\n\r\n", 431 },
        { "GET /title/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400 },
        { "GET /title/\u00e9t\u00e9 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400 },
        { "GET / HTTP/1.7\r\nHost: localhost\r\n\r\n", 505 },
        { "GET / HTTP/1.1\r\n\r\n", 400 },
    };

    [Fact]
    public async Task Kestrel_refusals_have_no_body_to_protect_and_close_the_connection()
    {
        using var site = await SiteProcess.StartAsync(_dataFolder);
        var failures = new List<string>();

        foreach (var (request, status) in Refusals().Select(r => ((string)r[0], (int)r[1])))
        {
            var answer = await SendRawAsync(site.Address!, request);
            var (head, body) = Split(answer);
            var lines = head.Split("\r\n");
            if (!lines[0].StartsWith($"HTTP/1.1 {status} ", StringComparison.Ordinal))
                failures.Add($"{request[..Math.Min(30, request.Length)]}...: {lines[0]}");
            if (body.Length > 0 || !lines.Contains("Content-Length: 0") || lines.Any(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)))
                failures.Add($"{lines[0]} carries a body or a content type:\n{head}");
            if (!lines.Contains("Connection: close"))
                failures.Add($"{lines[0]} keeps the connection open");
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Everything_the_application_answers_carries_the_headers_even_a_bare_bad_request()
    {
        using var site = await SiteProcess.StartAsync(_dataFolder);

        var (head, _) = Split(await SendRawAsync(site.Address!, "GET /no/such/page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));

        Assert.StartsWith("HTTP/1.1 404 ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy:", head, StringComparison.Ordinal);
        Assert.Contains("X-Content-Type-Options: nosniff", head, StringComparison.Ordinal);
    }

    /// <summary>Sends bytes as they are (Latin-1, so a raw non-ASCII byte stays one byte) and reads until the server closes.</summary>
    private static async Task<string> SendRawAsync(Uri site, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(site.Host, site.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var answer = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        try
        {
            while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(SiteProcess.HangTimeout)) > 0)
                answer.Write(buffer, 0, read);
        }
        catch (IOException)
        {
            // The server closed the connection while a large request was still being sent: the answer is already read.
        }

        return Encoding.Latin1.GetString(answer.ToArray());
    }

    private static (string Head, string Body) Split(string answer)
    {
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? (answer, "") : (answer[..end], answer[(end + 4)..]);
    }
}
