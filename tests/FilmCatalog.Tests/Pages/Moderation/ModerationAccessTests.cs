using System.Net;
using System.Net.Http.Json;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Moderation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Pages.Moderation;

/// <summary>
/// Only moderators get in (ASVS V8): every moderation page answers anyone else with the sign-in
/// redirect, every moderation POST with 401 (or 403 for an account without the role), never with
/// data, and nothing is written. The moderator cookie is Secure, HttpOnly, SameSite=Strict and sent
/// only to /moderation.
/// </summary>
public abstract class ModerationAccessTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string Password = "Moderate-Carefully-42";
    private const string Comment = "SECRETCOMMENT-only-moderators-read-this";

    /// <summary>A film with a reported review (its comment is what must never leak) and a review hidden by reports.</summary>
    private async Task<(TestCatalog.Film Film, int Reported, int Hidden)> ArrangeAsync()
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 2);
        await ReportAsync(factory.CreateClient("10.7.0.1"), film.ReviewIds[0], Comment);
        for (var i = 0; i < 3; i++)
            await ReportAsync(factory.CreateClient($"10.7.1.{i + 1}"), film.ReviewIds[1], Comment);
        return (film, film.ReviewIds[0], film.ReviewIds[1]);
    }

    private static async Task ReportAsync(HttpClient client, int reviewId, string comment) =>
        Assert.Contains("received", (await (await ReportForm.OpenForAsync(client, reviewId)).SendAsync("Spam", comment)).StatusMessage);

    public static IEnumerable<string> Pages(TestCatalog.Film film, int reviewId) =>
    [
        "/moderation",
        "/moderation/hidden",
        "/moderation/titles",
        "/moderation/titles?q=Test",
        $"/moderation/titles/{film.Slug}",
        $"/moderation/reviews/{reviewId}",
        "/moderation/log",
        "/moderation/account",
        "/moderation/account/authenticator",
        "/moderation/account/password",
        "/moderation/account/turn-off-two-factor",
        "/moderation/account/recovery-codes",
    ];

    /// <summary>Every POST handler under /moderation, but the sign-in pages' own.</summary>
    public static IEnumerable<(string Url, Dictionary<string, string> Fields)> Posts(int reviewId) =>
    [
        ($"/moderation/reviews/{reviewId}", new() { ["Decision.Kind"] = "Restore", ["Decision.Note"] = "let me in" }),
        ($"/moderation/reviews/{reviewId}", new() { ["Decision.Kind"] = "RemoveAsSpam", ["Decision.Note"] = "let me in" }),
        ("/moderation/account/recovery-codes", new() { ["Input.Password"] = "x" }),
        ("/moderation/account/turn-off-two-factor", new() { ["Input.Password"] = "x" }),
        ("/moderation/account/authenticator", new() { ["Input.Code"] = "123456" }),
        ("/moderation/account/password", new() { ["Input.Current"] = "x", ["Input.New"] = "Another-Password-1", ["Input.Again"] = "Another-Password-1" }),
    ];

    [Fact]
    public async Task Anonymous_and_visitor_requests_for_every_moderation_page_get_the_sign_in_redirect_and_no_data()
    {
        var (film, reported, _) = await ArrangeAsync();
        var anonymous = factory.CreateClient("10.7.2.1");
        var visitor = factory.CreateClient("10.7.2.2");
        await ReportForm.OpenForAsync(visitor, film.ReviewIds[0]); // now holds a visitor cookie and an antiforgery cookie

        foreach (var client in new[] { anonymous, visitor })
        {
            foreach (var url in Pages(film, reported))
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url}: {(int)response.StatusCode}");
                Assert.Equal("/moderation/signin", response.Headers.Location!.AbsolutePath);
                Assert.Equal(url, Uri.UnescapeDataString(response.Headers.Location.Query["?ReturnUrl=".Length..]));
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(Comment, body, StringComparison.Ordinal);
                Assert.DoesNotContain("Review 0", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Anonymous_and_visitor_posts_to_moderation_are_refused_401_even_with_a_valid_token_and_write_nothing()
    {
        var (film, reported, hidden) = await ArrangeAsync();
        var visitor = factory.CreateClient("10.7.3.1");
        // A valid antiforgery pair of this visitor's, from the script's token endpoint.
        var token = (await visitor.GetFromJsonAsync<TokenAnswer>("/antiforgery/token"))!.Token;
        var before = await factory.Catalog.DumpAsync();

        foreach (var reviewId in new[] { reported, hidden })
        {
            foreach (var (url, fields) in Posts(reviewId))
            {
                var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))) };
                var response = await visitor.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"POST {url}: {(int)response.StatusCode}");
                Assert.DoesNotContain(Comment, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await factory.Catalog.DumpAsync());
        Assert.Equal(ReviewStatus.PendingModeration, await factory.Catalog.ReadAsync(db => Task.FromResult(db.Reviews.Single(r => r.Id == hidden).Status)));
    }

    [Fact]
    public async Task An_account_without_the_moderator_role_is_refused_403_on_every_page_and_post()
    {
        var (film, reported, _) = await ArrangeAsync();
        const string email = "no-role@example.org";
        await factory.InScopeAsync<object?>(async services =>
        {
            var users = services.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.CreateAsync(new IdentityUser { UserName = email, Email = email }, Password)).Succeeded);
            return null;
        });
        var client = await factory.SignedInModeratorAsync(email, Password, "10.7.4.1");
        var token = (await client.GetFromJsonAsync<TokenAnswer>("/antiforgery/token"))!.Token;
        var before = await factory.Catalog.DumpAsync();

        foreach (var url in Pages(film, reported))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(Comment, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var (url, fields) in Posts(reported))
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {url}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await factory.Catalog.DumpAsync());
    }

    [Fact]
    public async Task The_moderator_cookie_is_secure_http_only_strict_and_sent_only_to_moderation()
    {
        const string email = "cookie@example.org";
        await factory.AddModeratorAsync(email, Password);
        var client = factory.CreateModeratorClient("10.7.5.1");
        var signIn = await SignInPage.OpenAsync(client);
        var response = await signIn.SendPasswordAsync(email, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(ModerationExtensions.CookieName + "=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("path=/moderation", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires", StringComparison.Ordinal) || a.StartsWith("max-age", StringComparison.Ordinal));
        Assert.Equal("/moderation", response.Headers.Location!.OriginalString);
        // Not the visitor cookie: signing in issues no visitor identity.
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fc_visitor=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Moderation_pages_are_never_stored_by_a_browser_and_case_variants_lead_to_the_real_path()
    {
        const string email = "nostore@example.org";
        await factory.AddModeratorAsync(email, Password);
        var client = await factory.SignedInModeratorAsync(email, Password, "10.7.6.1");

        var queue = await client.GetAsync("/moderation");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("no-store", queue.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        var upper = await client.GetAsync("/Moderation/Hidden?p=2");
        Assert.Equal(HttpStatusCode.MovedPermanently, upper.StatusCode);
        Assert.Equal("/moderation/Hidden?p=2", upper.Headers.Location!.OriginalString);
    }

    private sealed record TokenAnswer(string Token);
}

public sealed class ModerationAccessTestsOnSqlite(SqliteCatalog factory) : ModerationAccessTests<SqliteCatalog>(factory);

public sealed class ModerationAccessTestsOnPostgres(PostgresCatalog factory) : ModerationAccessTests<PostgresCatalog>(factory);
