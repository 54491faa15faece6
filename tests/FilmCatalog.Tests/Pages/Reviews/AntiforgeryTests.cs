using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Web.Reviews;

using static FilmCatalog.Testing.WritingForms;

namespace FilmCatalog.Tests.Pages.Reviews;

/// <summary>
/// ASVS V3.5 (CSRF): every POST handler refuses a request without this visitor's own, intact
/// antiforgery token with 400 and writes nothing; GETs never change the catalog.
/// </summary>
public sealed class AntiforgeryTests : IClassFixture<AntiforgeryTests.Factory>
{
    private readonly Factory _factory;

    public AntiforgeryTests(Factory factory) => _factory = factory;

    public sealed class Factory : CatalogFactory
    {
        public Factory() => WritesPerWindow = 1000;
    }

    public enum TokenCase
    {
        Missing,

        /// <summary>A real token, but issued to another visitor (their cookie, not this one's).</summary>
        Foreign,
        Tampered,
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_post_without_the_visitors_own_intact_token_is_refused_with_400_and_changes_nothing(Writer writer, TokenCase tokenCase)
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var client = _factory.CreateClient("10.1.0.1");
        var (form, button, values) = await OpenAsync(client, writer, film);
        var token = form.QuerySelector<IHtmlInputElement>($"input[name={TokenField}]");
        Assert.NotNull(token);
        switch (tokenCase)
        {
            case TokenCase.Missing:
                token.Remove();
                break;
            case TokenCase.Foreign:
                var (otherForm, _, _) = await OpenAsync(_factory.CreateClient("10.1.0.2"), writer, film);
                token.Value = otherForm.QuerySelector<IHtmlInputElement>($"input[name={TokenField}]")!.Value;
                break;
            case TokenCase.Tampered:
                var chars = token.Value.ToCharArray();
                chars[chars.Length / 2] = chars[chars.Length / 2] == 'A' ? 'B' : 'A';
                token.Value = new string(chars);
                break;
        }

        var before = await _factory.Catalog.DumpAsync();

        var response = await client.SubmitAsync(form, values, button);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _factory.Catalog.DumpAsync());
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(VisitorIdentity.CookieName, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Writer.NewReview)]
    [InlineData(Writer.Vote)]
    [InlineData(Writer.Report)]
    public async Task The_same_form_with_its_token_intact_is_accepted_and_writes(Writer writer)
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var client = _factory.CreateClient("10.1.0.3");
        var (form, button, values) = await OpenAsync(client, writer, film);
        var before = await _factory.Catalog.DumpAsync();

        var response = await client.SubmitAsync(form, values, button);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"got {(int)response.StatusCode}");
        Assert.NotEqual(before, await _factory.Catalog.DumpAsync());
    }

    [Theory]
    [InlineData(Writer.NewReview, "PUT")]
    [InlineData(Writer.Vote, "PUT")]
    [InlineData(Writer.Vote, "DELETE")]
    [InlineData(Writer.Report, "PATCH")]
    public async Task Other_unsafe_methods_without_a_token_are_refused_and_change_nothing(Writer writer, string method)
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var client = _factory.CreateClient("10.1.0.4");
        var before = await _factory.Catalog.DumpAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), UrlOf(writer, film) + "?helpful=yes")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes", ["Input.Reason"] = "Spam" }),
        });

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} got {(int)response.StatusCode}");
        Assert.Equal(before, await _factory.Catalog.DumpAsync());
    }

    [Fact]
    public async Task A_script_vote_without_the_token_header_is_refused_and_changes_nothing()
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var client = _factory.CreateClient("10.1.0.5");
        var before = await _factory.Catalog.DumpAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, $"/reviews/{film.ReviewIds[0]}/vote")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["helpful"] = "yes" }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _factory.Catalog.DumpAsync());
    }

    [Fact]
    public async Task Getting_every_writing_page_with_write_parameters_changes_nothing()
    {
        var film = await _factory.Catalog.AddFilmAsync();
        var client = _factory.CreateClient("10.1.0.6");
        var before = await _factory.Catalog.DumpAsync();

        foreach (var url in new[]
        {
            $"/reviews/{film.ReviewIds[0]}/vote?helpful=yes",
            $"/reviews/{film.ReviewIds[0]}/vote?helpful=no&handler=Post",
            $"/reviews/{film.ReviewIds[0]}/report?Input.Reason=Spam&Input.Comment=x",
            $"/title/{film.Slug}/review?Input.Headline=Hello&Input.Rating=7&Input.Body=" + new string('x', 200),
            "/antiforgery/token",
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await _factory.Catalog.DumpAsync());
    }

    public static TheoryData<Writer, TokenCase> Cases()
    {
        var data = new TheoryData<Writer, TokenCase>();
        foreach (var writer in Enum.GetValues<Writer>())
        {
            foreach (var tokenCase in Enum.GetValues<TokenCase>())
                data.Add(writer, tokenCase);
        }

        return data;
    }
}
