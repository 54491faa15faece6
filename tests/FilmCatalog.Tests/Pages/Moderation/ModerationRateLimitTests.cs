using System.Globalization;
using System.Net;
using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Pages.Moderation;

/// <summary>
/// Moderators' writes are rate limited per network like every other write: password and code guesses
/// (beside the account's lockout), and decisions (a bound on what a stolen session can do).
/// </summary>
public abstract class ModerationRateLimitTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    public const int SignIns = 3;
    public const int Decisions = 2;
    private const string Password = "Limit-My-Guesses-88";

    /// <summary>The budgets under test, small enough to spend.</summary>
    public static Dictionary<string, string> Budgets() => new()
    {
        ["RateLimits:SignInsPerWindow"] = SignIns.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:ModerationActionsPerWindow"] = Decisions.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Sign_in_attempts_over_the_networks_budget_get_429_even_with_the_right_password()
    {
        const string email = "guessed@example.org";
        await factory.AddModeratorAsync(email, Password);
        var guesser = factory.CreateModeratorClient("10.60.0.1");
        var page = await SignInPage.OpenAsync(guesser);

        for (var i = 0; i < SignIns; i++)
            Assert.Equal(HttpStatusCode.OK, (await page.SendPasswordAsync(email, $"Not-The-Password-{i}")).StatusCode);
        var refused = await page.SendPasswordAsync(email, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(refused.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("fc_mod=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.GetAsync("/moderation")).StatusCode);

        // Another network is not held back (and the account was not locked by three wrong guesses).
        await factory.SignedInModeratorAsync(email, Password, "10.61.0.1");
    }

    [Fact]
    public async Task Decisions_over_the_budget_get_429_and_change_nothing()
    {
        const string email = "busy@example.org";
        await factory.AddModeratorAsync(email, Password);
        var film = await factory.Catalog.AddFilmAsync(reviews: Decisions + 1);
        var moderator = await factory.SignedInModeratorAsync(email, Password, "10.62.0.1");
        var page = await ModerationPage.OpenAsync(moderator, $"/moderation/titles/{film.Slug}");

        for (var i = 0; i < Decisions; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitDecisionAsync(film.ReviewIds[i], "Hide", "Off topic.")).StatusCode);
        var refused = await page.SubmitDecisionAsync(film.ReviewIds[Decisions], "Hide", "Off topic.");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(ReviewStatus.Visible, await factory.Catalog.ReadAsync(db =>
            db.Reviews.Where(r => r.Id == film.ReviewIds[Decisions]).Select(r => r.Status).SingleAsync()));
        Assert.Equal(Decisions, await factory.Catalog.ReadAsync(db => db.ModerationActions.CountAsync(a => film.ReviewIds.Contains(a.ReviewId))));
    }
}

public sealed class RateLimitedSqliteCatalog : CatalogFactory
{
    public RateLimitedSqliteCatalog() => Settings = ModerationRateLimitTests<RateLimitedSqliteCatalog>.Budgets();
}

public sealed class RateLimitedPostgresCatalog : PostgresCatalog
{
    public RateLimitedPostgresCatalog() => Settings = ModerationRateLimitTests<RateLimitedPostgresCatalog>.Budgets();
}

public sealed class ModerationRateLimitTestsOnSqlite(RateLimitedSqliteCatalog factory) : ModerationRateLimitTests<RateLimitedSqliteCatalog>(factory);

/// <summary>On PostgreSQL the budgets are counted in Redis, shared by every instance.</summary>
public sealed class ModerationRateLimitTestsOnPostgres(RateLimitedPostgresCatalog factory) : ModerationRateLimitTests<RateLimitedPostgresCatalog>(factory);
