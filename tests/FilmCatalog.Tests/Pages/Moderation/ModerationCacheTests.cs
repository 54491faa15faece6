using System.Net;
using FilmCatalog.Web.Moderation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Pages.Moderation;

/// <summary>
/// Moderators and the shared page cache (ADR-002): the moderator cookie is never sent with a cached
/// page, never stored in the cache, never served from it; a request that carries it anyway is kept
/// out of the cache both ways; and what a moderator browses changes nothing an anonymous visitor gets.
/// </summary>
public abstract class ModerationCacheTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory, IRecordingCatalog
{
    private const string Email = "cache@example.org";
    private const string Password = "Cache-Nothing-Of-Mine-5";

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    [Fact]
    public async Task A_moderators_session_never_enters_the_cache_and_changes_nothing_anonymous_visitors_get()
    {
        await factory.AddModeratorAsync(Email, Password);
        var film = await factory.Catalog.AddFilmAsync(reviews: 2);
        var anonymous = factory.CreateClient("10.40.0.1", "https://localhost");
        var first = await anonymous.GetAsync($"/title/{film.Slug}");
        var anonymousPage = await first.Content.ReadAsByteArrayAsync();

        // A moderator signs in, works, and reads the title page in the same browser.
        var moderator = await factory.SignedInModeratorAsync(Email, Password, "10.40.0.2");
        var queue = await moderator.GetAsync("/moderation");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        var moderatorView = await moderator.GetAsync($"/title/{film.Slug}");
        Assert.True(FromCache(moderatorView), "the moderator's browser does not send its cookie with a title page, so it gets the shared page");
        Assert.Equal(anonymousPage, await moderatorView.Content.ReadAsByteArrayAsync());
        Assert.False(moderatorView.Headers.Contains("Set-Cookie"));

        // Another visitor still gets exactly the page they got before, from the cache.
        var after = await factory.CreateClient("10.40.0.3", "https://localhost").GetAsync($"/title/{film.Slug}");
        Assert.True(FromCache(after));
        Assert.Equal(anonymousPage, await after.Content.ReadAsByteArrayAsync());
        Assert.False(after.Headers.Contains("Set-Cookie"));

        // A moderation page is never stored: the next anonymous request for it gets the sign-in redirect.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/moderation")).StatusCode);

        // Nothing stored holds the moderator's cookie, name or any moderation page.
        List<(string Key, byte[] Value)> stored;
        lock (factory.Stored)
            stored = [.. factory.Stored];
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, e => e.Key.Contains("moderation", StringComparison.OrdinalIgnoreCase));
        foreach (var (key, value) in stored)
        {
            var text = System.Text.Encoding.Latin1.GetString(value);
            Assert.False(text.Contains(ModerationExtensions.CookieName + "=", StringComparison.Ordinal), $"{key} holds the moderator cookie");
            Assert.False(text.Contains(Email, StringComparison.Ordinal), $"{key} holds the moderator's email");
        }
    }

    [Fact]
    public async Task A_request_carrying_the_moderator_cookie_anyway_is_neither_served_from_nor_stored_in_the_cache()
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 1);
        var url = $"/title/{film.Slug}";
        // As if a cookie path were ever widened: the title page requested with a moderator cookie.
        var withCookie = new HttpRequestMessage(HttpMethod.Get, url);
        withCookie.Headers.Add("Cookie", $"{ModerationExtensions.CookieName}=anything");
        var client = factory.CreateClient("10.40.1.1", "https://localhost");

        Assert.False(FromCache(await client.SendAsync(withCookie)));
        Assert.False(FromCache(await client.GetAsync(url)), "the moderator's request must not have stored the page");
        Assert.True(FromCache(await client.GetAsync(url)), "the control: an anonymous request is stored and the next is served from the cache");

        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.Add("Cookie", $"{ModerationExtensions.CookieName}=anything");
        Assert.False(FromCache(await client.SendAsync(again)), "a cached page must not be served to a request with the moderator cookie");
    }
}

/// <summary>A site with a record of every entry its output cache stores (the real store, memory or Redis, recorded on the way in).</summary>
public interface IRecordingCatalog
{
    List<(string Key, byte[] Value)> Stored { get; }

    static void Record(IWebHostBuilder builder, List<(string Key, byte[] Value)> stored) => builder.ConfigureServices(services =>
    {
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(provider => new RecordingStore(
            (IOutputCacheStore)(store.ImplementationInstance
                ?? store.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, store.ImplementationType!)), stored));
    });
}

internal sealed class RecordingStore(IOutputCacheStore inner, List<(string, byte[])> stored) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        lock (stored)
            stored.Add((key, value));
        return inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}

public sealed class RecordingSqliteCatalog : CatalogFactory, IRecordingCatalog
{
    public List<(string Key, byte[] Value)> Stored { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        IRecordingCatalog.Record(builder, Stored);
    }
}

public sealed class RecordingPostgresCatalog : PostgresCatalog, IRecordingCatalog
{
    public List<(string Key, byte[] Value)> Stored { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        IRecordingCatalog.Record(builder, Stored);
    }
}

public sealed class ModerationCacheTestsOnSqlite(RecordingSqliteCatalog factory) : ModerationCacheTests<RecordingSqliteCatalog>(factory);

/// <summary>On PostgreSQL the page cache is Redis, shared by every instance.</summary>
public sealed class ModerationCacheTestsOnPostgres(RecordingPostgresCatalog factory) : ModerationCacheTests<RecordingPostgresCatalog>(factory);
