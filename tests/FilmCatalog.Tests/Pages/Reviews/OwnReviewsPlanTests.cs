using FilmCatalog.Web.Data;
using FilmCatalog.Web.Pages.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Pages.Reviews;

/// <summary>
/// The review form lists the visitor's own reviews of the film: the statement must seek them by author, however
/// many reviews the film or the site holds. The plan is the fence, since no test may time a page.
/// </summary>
public sealed class OwnReviewsPlanTests(SqliteCatalog factory) : IClassFixture<SqliteCatalog>
{
    [Fact]
    public async Task A_visitors_own_reviews_of_a_film_are_sought_by_author_not_read_from_every_review()
    {
        var statement = await factory.InScopeAsync(services => Task.FromResult(
            OwnReviewsViewComponent.Written(services.GetRequiredService<CatalogDbContext>(), "a-film-2001", Guid.NewGuid()).ToQueryString()));
        // ToQueryString declares the parameters first (".param set" lines for SQLite): the statement follows them.
        var sql = string.Join('\n', statement.Split('\n').SkipWhile(line => !line.StartsWith("SELECT", StringComparison.Ordinal)));

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, "@[A-Za-z_0-9]+").Select(m => m.Value).Distinct())
            command.Parameters.AddWithValue(name, "x");
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("IX_Reviews_AuthorVisitorId_TitleId", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN r", StringComparison.Ordinal) || step.Contains("IX_Reviews_Origin_Status", StringComparison.Ordinal));
    }
}
