using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// A site on PostgreSQL keeps serving while its Redis is away: pages are rendered fresh and votes are
/// counted against a budget per instance, never a failure; once Redis is back the cache serves again.
/// The Redis here is the test's own (the run's is shared by every fixture and must stay up).
/// </summary>
public sealed class RedisOutageTests(RedisOutageTests.Site site) : IClassFixture<RedisOutageTests.Site>
{
    [Fact]
    public async Task Pages_and_votes_are_served_while_redis_is_away_and_the_cache_serves_again_when_it_is_back()
    {
        var film = await site.Catalog.AddFilmAsync(reviews: 2);
        var reader = site.CreateClient("10.61.0.1");
        var voter = site.CreateClient("10.61.0.2");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/title/{film.Slug}")).StatusCode);
        Assert.NotNull((await reader.GetAsync($"/title/{film.Slug}")).Headers.Age);

        site.OwnServer.Stop();
        await UntilAsync(() => !site.Multiplexer.IsConnected);

        foreach (var path in new[] { $"/title/{film.Slug}", "/genre/drama", "/", "/sitemap.xml" })
        {
            var page = await reader.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path}: {(int)page.StatusCode}");
            Assert.Null(page.Headers.Age);
        }
        var vote = await (await VotePage.OpenAsync(voter, film.ReviewIds[0])).SubmitAsync(helpful: true);
        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        Assert.Equal(1, await site.Catalog.ReadAsync(db => db.HelpfulVotes.CountAsync(v => v.ReviewId == film.ReviewIds[0])));

        site.OwnServer.Start();
        await UntilAsync(() => site.Multiplexer.IsConnected);
        await reader.GetAsync($"/title/{film.Slug}");
        Assert.NotNull((await reader.GetAsync($"/title/{film.Slug}")).Headers.Age);
        var second = await (await VotePage.OpenAsync(voter, film.ReviewIds[1])).SubmitAsync(helpful: true);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Null((await reader.GetAsync($"/title/{film.Slug}")).Headers.Age);
    }

    /// <summary>Waits for a condition the site reaches by itself (a connection noticed lost or made again).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "the condition was never reached");
            await Task.Delay(50);
        }
    }

    /// <summary>The site on a database of its own and a Redis of its own that a test can stop and start.</summary>
    public sealed class Site : PostgresCatalog
    {
        public Site()
        {
            OwnServer = new OwnRedis();
            Redis = (OwnServer.Address, TestServers.NewRedisPrefix());
        }

        public OwnRedis OwnServer { get; }

        public IConnectionMultiplexer Multiplexer => Services.GetRequiredService<IConnectionMultiplexer>();

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
                OwnServer.Stop();
        }
    }

    /// <summary>A redis-server on a free loopback port, nothing saved.</summary>
    public sealed class OwnRedis
    {
        private readonly int _port = FreePort();
        private Process? _server;

        public OwnRedis() => Start();

        public string Address => $"127.0.0.1:{_port}";

        public void Start()
        {
            _server = Process.Start(new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            _server.OutputDataReceived += (_, _) => { };
            _server.BeginOutputReadLine();
            var waited = Stopwatch.StartNew();
            while (!Answers())
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1) && !_server.HasExited, "redis-server did not start");
                Thread.Sleep(20);
            }
        }

        public void Stop()
        {
            if (_server is { HasExited: false })
            {
                _server.Kill();
                _server.WaitForExit();
            }
        }

        private bool Answers()
        {
            try
            {
                using var client = new TcpClient("127.0.0.1", _port);
                using var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var answer = new byte[7];
                return stream.Read(answer) >= 5 && answer.AsSpan().StartsWith("+PONG"u8);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
