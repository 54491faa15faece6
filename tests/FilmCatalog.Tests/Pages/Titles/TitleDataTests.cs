using System.Net;
using System.Text.Json;

namespace FilmCatalog.Tests.Pages.Titles;

/// <summary><c>/title/{slug}.json</c>: the page's data as data, cached and evicted like the page.</summary>
public abstract class TitleDataTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/title/{slug}.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task The_seed_films_data_holds_what_its_page_shows_from_the_source_and_the_visitors_aggregates()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/title/in-the-soup-1992.json");
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));

        var film = await GetJsonAsync(client, "in-the-soup-1992");

        Assert.Equal("In the Soup", film.GetProperty("name").GetString());
        Assert.Equal(1992, film.GetProperty("year").GetInt32());
        Assert.Equal("http://localhost/title/in-the-soup-1992", film.GetProperty("url").GetString());
        Assert.EndsWith("to produce the auteur's vision.", film.GetProperty("storyline").GetString());
        Assert.Equal(["Comedy", "Drama"], film.GetProperty("genres").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("R", film.GetProperty("certificate").GetProperty("rating").GetString());
        var cast = film.GetProperty("credits").GetProperty("cast").EnumerateArray().ToList();
        Assert.Contains(cast, c => c.GetProperty("name").GetString() == "Sully Boyar" && c.GetProperty("character").GetString() == "Old Man");
        var cards = film.GetProperty("alsoLiked").EnumerateArray().ToList();
        Assert.Equal(6, cards.Count);
        Assert.Equal(3, cards.Count(c => !c.TryGetProperty("name", out _)));
        Assert.Equal("http://localhost/title/trees-lounge-1996", cards[0].GetProperty("url").GetString());
        Assert.Equal(13, film.GetProperty("ratings").GetProperty("sourceReviewCounts").GetProperty("users").GetInt32());
        Assert.True(film.GetProperty("ratings").GetProperty("visitors").TryGetProperty("count", out _));
        var review = Assert.Single(film.GetProperty("reviews").GetProperty("fromSource").EnumerateArray().ToList());
        Assert.StartsWith("In the Soup was a part of", review.GetProperty("text").GetString());
        Assert.Equal("2009-08-31", review.GetProperty("date").GetString());
        Assert.Equal("Featured in", film.GetProperty("didYouKnow").GetProperty("connections")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_data_is_cached_with_the_page_and_a_review_posted_through_the_site_shows_at_once()
    {
        var film = await factory.Catalog.AddFilmAsync(reviews: 0);
        var client = factory.CreateClient();
        Assert.Equal(0, (await GetJsonAsync(client, film.Slug)).GetProperty("reviews").GetProperty("count").GetInt32());

        // A change behind the site's back is not seen while the entry lives: the data is served from the cache ...
        await factory.Catalog.ExecuteAsync($"UPDATE \"Titles\" SET \"Awards\" = 'Changed quietly' WHERE \"Slug\" = '{film.Slug}'");
        Assert.False((await GetJsonAsync(client, film.Slug)).TryGetProperty("awards", out _), "served from the cache");

        // ... and a write through the site evicts it with the page.
        var form = await ReviewForm.OpenForAsync(client, film.Slug);
        await form.PostAsync(ReviewForm.Values("Data follows", "8", ReviewForm.ValidBody));

        var fresh = await GetJsonAsync(factory.CreateClient(), film.Slug);
        Assert.Equal(1, fresh.GetProperty("reviews").GetProperty("count").GetInt32());
        var visitors = fresh.GetProperty("ratings").GetProperty("visitors");
        Assert.Equal(1, visitors.GetProperty("count").GetInt32());
        Assert.Equal(8.0, visitors.GetProperty("average").GetDouble());
        Assert.Equal(1, visitors.GetProperty("distribution").GetProperty("8").GetInt32());
        Assert.Equal("Changed quietly", fresh.GetProperty("awards").GetString());
        // Reviews written here are counted, never copied out with their authors.
        Assert.Empty(fresh.GetProperty("reviews").GetProperty("fromSource").EnumerateArray());
    }

    [Fact]
    public async Task An_unknown_slug_is_a_404_problem_in_json_not_an_html_page()
    {
        var response = await factory.CreateClient().GetAsync("/title/no-such-film-1900.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>QA: the page typed with capitals moved to its lowercase address, its JSON was a 404.</summary>
    [Theory]
    [InlineData("/title/In-The-Soup-1992.json", "/title/in-the-soup-1992.json")]
    [InlineData("/title/IN-THE-SOUP-1992.json?fields=all", "/title/in-the-soup-1992.json?fields=all")]
    [InlineData("/title/No-Such-Film-1900.json", "/title/no-such-film-1900.json")]
    public async Task The_data_typed_with_capitals_moves_to_its_lowercase_address_as_the_page_does(string path, string lowercase)
    {
        var client = factory.CreateClient("10.41.0.1");

        var data = await client.GetAsync(path);
        var page = await client.GetAsync(path.Replace(".json", "", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.MovedPermanently, data.StatusCode);
        Assert.Equal(lowercase, data.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);
        Assert.Equal(lowercase.Replace(".json", "", StringComparison.Ordinal), page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_title_page_announces_its_data()
    {
        var page = await TitlePage.GetAsync(factory.CreateClient(), "in-the-soup-1992");

        Assert.Equal("/title/in-the-soup-1992.json", page.Document.QuerySelector("link[rel=alternate][type='application/json']")?.GetAttribute("href"));
    }
}

public sealed class TitleDataTestsOnSqlite(SqliteCatalog factory) : TitleDataTests<SqliteCatalog>(factory);

public sealed class TitleDataTestsOnPostgres(PostgresCatalog factory) : TitleDataTests<PostgresCatalog>(factory);
