using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Pages;

/// <summary>
/// Every page type's structured data parses and uses schema.org's vocabulary: known types, their
/// required properties, and no property schema.org does not define for the type. A page type that
/// adds JSON-LD of a new type must add the type here.
/// </summary>
public sealed partial class JsonLdTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    /// <summary>Per type: the properties it must have and the others it may have (schema.org names).</summary>
    private static readonly Dictionary<string, (string[] Required, string[] Optional)> Vocabulary = new()
    {
        ["Movie"] = (["name", "url"], ["dateCreated", "datePublished", "description", "genre", "contentRating", "duration", "actor", "director", "aggregateRating", "review", "alternateName", "image"]),
        ["Person"] = (["name"], ["url", "sameAs"]),
        ["AggregateRating"] = (["ratingValue", "ratingCount", "bestRating", "worstRating"], ["reviewCount"]),
        ["Review"] = (["author", "datePublished"], ["name", "reviewBody", "reviewRating"]),
        ["Rating"] = (["ratingValue", "bestRating", "worstRating"], []),
        ["WebSite"] = (["name", "url"], ["potentialAction", "description"]),
        ["SearchAction"] = (["target", "query-input"], []),
        ["ItemList"] = (["itemListElement"], ["name", "numberOfItems", "itemListOrder"]),
        ["ListItem"] = (["position"], ["url", "item", "name"]),
    };

    public static TheoryData<string> PageTypes => new()
    {
        "/",
        "/title/in-the-soup-1992",
        "/title/trees-lounge-1996",
        "/title/in-the-soup-1992/reviews",
        "/title/in-the-soup-1992/review",
        "/title/" + RichSlug,
    };

    private const string RichSlug = "structured-film-2004";

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task The_structured_data_of_every_page_type_parses_and_uses_schema_org_vocabulary(string path)
    {
        await ArrangeRichFilmAsync();
        var page = await SitePage.GetAsync(factory.CreateClient(), path);

        foreach (var block in page.Document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            using var json = JsonDocument.Parse(block.TextContent);
            var root = json.RootElement;
            Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
            Validate(root, path);
        }
    }

    [Fact]
    public async Task A_film_with_both_ratings_carries_one_aggregate_from_one_population_with_its_count()
    {
        await ArrangeRichFilmAsync();
        var page = await TitlePage.GetAsync(factory.CreateClient(), RichSlug);

        using var json = JsonDocument.Parse(page.JsonLd);
        var aggregate = json.RootElement.GetProperty("aggregateRating");
        // The source's 6.5 from 2,000 votes, not blended with the visitors' 9.0 from 2.
        Assert.Equal(6.5, aggregate.GetProperty("ratingValue").GetDouble());
        Assert.Equal(2000, aggregate.GetProperty("ratingCount").GetInt32());
        var review = Assert.Single(json.RootElement.GetProperty("review").EnumerateArray().ToList());
        Assert.Equal("Signed Critic", review.GetProperty("author").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_film_rated_only_by_visitors_carries_the_visitors_aggregate_and_a_card_rating_without_votes_carries_none()
    {
        var film = TestCatalog.NewTitle("Visitors Only", 2011);
        film.AddVisitorRating(7);
        film.AddVisitorRating(9);
        var slug = await factory.Catalog.AddAsync(film);

        using var json = JsonDocument.Parse((await TitlePage.GetAsync(factory.CreateClient(), slug)).JsonLd);
        var aggregate = json.RootElement.GetProperty("aggregateRating");
        Assert.Equal(8.0, aggregate.GetProperty("ratingValue").GetDouble());
        Assert.Equal(2, aggregate.GetProperty("ratingCount").GetInt32());

        // A film known from a card has the card's 7.2 but no vote count: no aggregate at all.
        using var card = JsonDocument.Parse((await TitlePage.GetAsync(factory.CreateClient(), "trees-lounge-1996")).JsonLd);
        Assert.False(card.RootElement.TryGetProperty("aggregateRating", out _));
    }

    private async Task ArrangeRichFilmAsync()
    {
        if (await factory.Catalog.ReadAsync(db => Task.FromResult(db.Titles.Any(t => t.Slug == RichSlug))))
            return;
        var film = TestCatalog.NewTitle("Structured Film", 2004);
        film.Rating = 6.5;
        film.RatingVotes = 2000;
        film.RuntimeMinutes = 101;
        film.Certificate = "PG";
        film.Summary = "A film with everything structured data can say.";
        film.Facts = [new TitleFact { Kind = TitleFactKind.Genre, Position = 0, Text = "Drama" }, new TitleFact { Kind = TitleFactKind.ReleaseDate, Position = 0, Text = "3 March 2004", Qualifier = "USA" }];
        film.Credits = [TestCatalog.NewCredit(CreditRole.Director, 0, "Some Director"), TestCatalog.NewCredit(CreditRole.Cast, 0, "Some Actor", "Someone")];
        film.Reviews =
        [
            TestCatalog.NewReview("Signed", 3, 4, new DateTime(2005, 1, 2, 0, 0, 0, DateTimeKind.Utc), author: "Signed Critic", rating: 8),
            TestCatalog.NewReview("Unsigned", 1, 4, new DateTime(2005, 1, 3, 0, 0, 0, DateTimeKind.Utc), rating: 4),
        ];
        film.ReviewCount = 2;
        film.AddVisitorRating(9);
        film.AddVisitorRating(9);
        await factory.Catalog.AddAsync(film);
    }

    private static void Validate(JsonElement node, string where)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
                Validate(item, where);
            return;
        }

        if (node.ValueKind != JsonValueKind.Object)
            return;

        Assert.True(node.TryGetProperty("@type", out var typeProperty), $"{where}: an object without @type: {node}");
        var type = typeProperty.GetString()!;
        Assert.True(Vocabulary.TryGetValue(type, out var rules), $"{where}: @type {type} is not one this test knows; add its schema.org properties");
        foreach (var required in rules.Required)
            Assert.True(node.TryGetProperty(required, out var value) && value.ValueKind != JsonValueKind.Null, $"{where}: {type} lacks {required}");
        foreach (var property in node.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
        {
            Assert.True(rules.Required.Contains(property.Name) || rules.Optional.Contains(property.Name), $"{where}: {type} has no property {property.Name} in schema.org");
            Validate(property.Value, $"{where} {type}.{property.Name}");
        }

        switch (type)
        {
            case "AggregateRating" or "Rating":
                var best = node.GetProperty("bestRating").GetDouble();
                var worst = node.GetProperty("worstRating").GetDouble();
                Assert.InRange(node.GetProperty("ratingValue").GetDouble(), worst, best);
                if (type == "AggregateRating")
                    Assert.True(node.GetProperty("ratingCount").GetInt32() > 0, $"{where}: a rating count of 0");
                break;
            case "Review":
                Assert.Equal("Person", node.GetProperty("author").GetProperty("@type").GetString());
                Assert.Matches(IsoDate(), node.GetProperty("datePublished").GetString());
                break;
            case "Movie":
                Assert.True(Uri.IsWellFormedUriString(node.GetProperty("url").GetString(), UriKind.Absolute), $"{where}: url is not absolute");
                if (node.TryGetProperty("duration", out var duration))
                    Assert.Matches("^PT[0-9]+M$", duration.GetString());
                foreach (var date in new[] { "dateCreated", "datePublished" })
                {
                    if (node.TryGetProperty(date, out var value))
                        Assert.Matches(IsoDate(), value.GetString());
                }

                break;
        }
    }

    [GeneratedRegex("^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$")]
    private static partial Regex IsoDate();
}
