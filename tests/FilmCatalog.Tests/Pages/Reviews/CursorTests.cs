using System.Net;

using FilmCatalog.Tests.Hosting;

namespace FilmCatalog.Tests.Pages.Reviews;

/// <summary>
/// The all-reviews page's paging cursor comes from the address bar: whatever it holds, the answer is
/// a page of reviews (a cursor it cannot use means "from the start"), never a fault and never a
/// stack trace in the log.
/// </summary>
public sealed class CursorTests : IClassFixture<HostileSite>
{
    private readonly HostileSite _site;

    public CursorTests(HostileSite site) => _site = site;

    public static TheoryData<string, string> Cursors()
    {
        string[] sorts = ["helpful", "newest", "oldest", "highest", "lowest"];
        string[] cursors =
        [
            "1e19_1", "3.2e18_1", "1e308_1", "-1e308_1", "9223372036854775807_1", "-9223372036854775808_1", "1e30_1",
            "3155378975999999999_1", "3155378976000000000_1", "-1_1", "0_0", "NaN_1", "Infinity_1", "-Infinity_1",
            "1_99999999999", "1_-1", "_", "__", "1_", "_1", "1_1_1", "abc", "0x10_1", "1,5_1", "٣_١", "1e-400_1",
            new string('9', 5000) + "_1", "1_" + new string('9', 5000),
        ];
        var data = new TheoryData<string, string>();
        foreach (var sort in sorts)
        {
            foreach (var cursor in cursors)
                data.Add(sort, cursor);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cursors))]
    public async Task A_crafted_cursor_gives_a_page_of_reviews_and_logs_no_error(string sort, string cursor)
    {
        var film = await _site.Catalog.AddFilmAsync(3);
        var client = _site.CreateClient("10.16.3.1");
        var errorsBefore = _site.Errors.Count;

        var response = await client.GetAsync($"/title/{film.Slug}/reviews?sort={sort}&after={Uri.EscapeDataString(cursor)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ParseAsync(response);
        Assert.NotEqual("Something went wrong", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(errorsBefore, _site.Errors.Count);
    }

    [Fact]
    public async Task The_next_link_of_every_sort_still_pages_through_every_review_once()
    {
        var film = await _site.Catalog.AddFilmAsync(45);
        var client = _site.CreateClient("10.16.3.2");
        foreach (var sort in new[] { "helpful", "newest", "oldest", "highest", "lowest" })
        {
            var seen = new List<string>();
            string? url = $"/title/{film.Slug}/reviews?sort={sort}";
            while (url is not null)
            {
                var page = await HtmlPage.GetAsync(client, url);
                seen.AddRange(page.QuerySelectorAll("article[id^=review-]").Select(a => a.Id!));
                url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
            }

            Assert.Equal(45, seen.Count);
            Assert.Equal(45, seen.Distinct().Count());
        }
    }
}
