using System.Net;
using AngleSharp.Html.Dom;
using FilmCatalog.Tests.Hosting;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Mvc.Testing;
using static FilmCatalog.Testing.WritingForms;

namespace FilmCatalog.Tests.Pages.Reviews;

/// <summary>
/// Reports and votes count only from visitors the site knows: the identity is issued with the form
/// and required on the POST, and hiding a review takes reports from distinct visitors on distinct
/// client addresses (an IPv6 /64 is one address). One client cannot hide a review or stuff its votes
/// by dropping or minting cookies.
/// </summary>
public sealed class VisitorIdentityTests : IClassFixture<VisitorIdentityTests.Site>
{
    private readonly Site _site;

    public VisitorIdentityTests(Site site) => _site = site;

    public sealed class Site : HostileSite
    {
        public Site() => Settings = new Dictionary<string, string>(Settings) { ["Reviews:CountedVotesPerAddress"] = "5" };
    }

    [Theory]
    [InlineData(Writer.NewReview)]
    [InlineData(Writer.Report)]
    [InlineData(Writer.Vote)]
    public async Task Every_writing_form_issues_the_visitor_identity_with_the_form(Writer writer)
    {
        var film = await _site.Catalog.AddFilmAsync(1);

        var response = await _site.CreateClient("10.16.8.1").GetAsync(UrlOf(writer, film));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(VisitorIdentity.CookieName + "=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Writer.NewReview)]
    [InlineData(Writer.Report)]
    [InlineData(Writer.Vote)]
    public async Task A_post_with_a_valid_token_but_no_visitor_cookie_is_refused_and_writes_nothing(Writer writer)
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = CookielessClient("10.16.8.2");
        var (action, fields) = await OpenWithoutIdentityAsync(client, writer, film);
        var before = await _site.Catalog.DumpAsync();

        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _site.Catalog.DumpAsync());
        var page = await HtmlPage.ParseAsync(response);
        Assert.Contains("cookie", page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Three_cookieless_reports_from_one_address_do_not_hide_a_review()
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = CookielessClient("10.16.8.3");

        for (var i = 0; i < 3; i++)
        {
            var (action, fields) = await OpenWithoutIdentityAsync(client, Writer.Report, film);
            await client.PostAsync(action, new FormUrlEncodedContent(fields));
        }

        Assert.Equal(HttpStatusCode.OK, (await _site.CreateClient("10.16.8.4").GetAsync(UrlOf(Writer.Vote, film))).StatusCode);
        Assert.Equal(0, await StatusAsync(film.ReviewIds[0]));
    }

    [Theory]
    [InlineData("10.16.9.1", "10.16.9.1", "10.16.9.1")]
    [InlineData("2001:db8:16:9::1", "2001:db8:16:9::2", "2001:db8:16:9:ffff::3")]
    [InlineData("10.16.9.2", "10.16.9.2", "10.16.9.3")]
    public async Task Reports_by_three_visitors_from_fewer_than_three_addresses_do_not_hide_a_review(string first, string second, string third)
    {
        var film = await _site.Catalog.AddFilmAsync(1);

        foreach (var address in new[] { first, second, third })
            Assert.Equal(HttpStatusCode.OK, (await ReportAsync(_site.CreateClient(address), film)).StatusCode);

        Assert.Equal(3, await _site.Catalog.ScalarAsync($"SELECT COUNT(*) FROM ReviewReports WHERE ReviewId = {film.ReviewIds[0]}"));
        Assert.Equal(0, await StatusAsync(film.ReviewIds[0]));
    }

    [Fact]
    public async Task Reports_by_three_visitors_from_three_addresses_hide_the_review()
    {
        var film = await _site.Catalog.AddFilmAsync(1);

        foreach (var address in new[] { "10.16.10.1", "10.16.10.2", "2001:db8:16:10::1" })
            Assert.Equal(HttpStatusCode.OK, (await ReportAsync(_site.CreateClient(address), film)).StatusCode);

        Assert.Equal(1, await StatusAsync(film.ReviewIds[0]));
        Assert.Equal(HttpStatusCode.NotFound, (await _site.CreateClient("10.16.10.3").GetAsync(UrlOf(Writer.Vote, film))).StatusCode);
    }

    [Fact]
    public async Task Visitors_minted_on_one_address_count_only_a_few_votes_on_one_review()
    {
        var film = await _site.Catalog.AddFilmAsync(1);

        for (var i = 0; i < 12; i++)
        {
            var client = _site.CreateClient("10.16.11.1");
            var (form, button, values) = await OpenAsync(client, Writer.Vote, film);
            var response = await client.SubmitAsync(form, values, button);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(5, await _site.Catalog.ScalarAsync($"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId = {film.ReviewIds[0]}"));
        Assert.Equal(5, await _site.Catalog.ScalarAsync($"SELECT SiteHelpful FROM Reviews WHERE Id = {film.ReviewIds[0]}"));
        Assert.Empty(await _site.Catalog.CounterMismatchesAsync());

        // Another address still counts.
        var other = _site.CreateClient("10.16.11.2");
        var (otherForm, otherButton, _) = await OpenAsync(other, Writer.Vote, film);
        await other.SubmitAsync(otherForm, submitButton: otherButton);
        Assert.Equal(6, await _site.Catalog.ScalarAsync($"SELECT COUNT(*) FROM HelpfulVotes WHERE ReviewId = {film.ReviewIds[0]}"));
    }

    private Task<long> StatusAsync(int review) => _site.Catalog.ScalarAsync($"SELECT Status FROM Reviews WHERE Id = {review}");

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, TestCatalog.Film film)
    {
        var (form, button, values) = await OpenAsync(client, Writer.Report, film);
        return await client.SubmitAsync(form, values, button);
    }

    /// <summary>A client that keeps no cookies: it sends only what a test puts in its requests.</summary>
    private HttpClient CookielessClient(string address)
    {
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(CatalogFactory.ClientHeader, address);
        return client;
    }

    /// <summary>
    /// Opens the form as a script would and keeps only what antiforgery needs: the token, and the
    /// antiforgery cookie sent back on every post; the visitor cookie the form came with is dropped.
    /// </summary>
    private static async Task<(string Action, List<KeyValuePair<string, string>> Fields)> OpenWithoutIdentityAsync(HttpClient client, Writer writer, TestCatalog.Film film)
    {
        client.DefaultRequestHeaders.Remove("Cookie");
        var response = await client.GetAsync(UrlOf(writer, film));
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fc_af=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", antiforgery);
        var page = await HtmlPage.ParseAsync(response);
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var fields = new List<KeyValuePair<string, string>> { new(TokenField, ((IHtmlInputElement)form.QuerySelector($"input[name={TokenField}]")!).Value) };
        fields.AddRange(writer switch
        {
            Writer.NewReview => [new("Input.Headline", "A fair headline"), new("Input.Rating", "7"), new("Input.Body", string.Concat(Enumerable.Repeat("A review that says something about the film. ", 4)))],
            Writer.Vote => [new("helpful", "yes")],
            _ => [new("Input.Reason", "Spam")],
        });
        return (UrlOf(writer, film), fields);
    }
}
