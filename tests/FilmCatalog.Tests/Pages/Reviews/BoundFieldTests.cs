using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FilmCatalog.Tests.Hosting;
using static FilmCatalog.Testing.WritingForms;

namespace FilmCatalog.Tests.Pages.Reviews;

/// <summary>
/// Every field of every form is bound from whatever string arrives: a value the field cannot take
/// is a validation message on the re-rendered form, never a fault and never a write.
/// </summary>
public sealed class BoundFieldTests : IClassFixture<HostileSite>
{
    private readonly HostileSite _site;

    public BoundFieldTests(HostileSite site) => _site = site;

    public static readonly string[] Garbage =
    [
        "maybe", "", " ", "true,false", "TRUE", "on", "1", "-1", "2147483648", "1e3", "null", "NaN", "\u0000", "\uFFFF",
        "\uD800", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "Spam,Offensive", "99", "0", "SpoilerInHeadline",
        new string('x', 70_000),
    ];

    [Fact]
    public async Task A_malformed_spoiler_flag_re_renders_the_review_form_with_a_message_and_posts_nothing()
    {
        var film = await _site.Catalog.AddFilmAsync(0);
        var client = _site.CreateClient("10.16.5.1");
        var (form, _, values) = await OpenAsync(client, Writer.NewReview, film);
        values["Input.ContainsSpoilers"] = "maybe";

        var response = await client.PostAsync(form.Action, Fields(form, values));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlPage.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("main form[method=post]"));
        Assert.Contains(page.QuerySelectorAll(".field-error"), e => e.TextContent.Trim().Length > 0);
        Assert.Equal(0, await _site.Catalog.ScalarAsync($"SELECT COUNT(*) FROM Reviews r JOIN Titles t ON t.Id = r.TitleId WHERE t.Slug = '{film.Slug}'"));
    }

    [Theory]
    [InlineData(Writer.NewReview)]
    [InlineData(Writer.Vote)]
    [InlineData(Writer.Report)]
    public async Task Every_field_survives_any_string(Writer writer)
    {
        var film = await _site.Catalog.AddFilmAsync(1);
        var client = _site.CreateClient("10.16.5.2");
        var (form, _, values) = await OpenAsync(client, writer, film);
        string[] fields = writer switch
        {
            Writer.NewReview => ["Input.Headline", "Input.Rating", "Input.Body", "Input.DisplayName", "Input.ContainsSpoilers"],
            Writer.Vote => ["helpful"],
            _ => ["Input.Reason", "Input.Comment"],
        };
        var failures = new List<string>();

        foreach (var field in fields)
        {
            foreach (var value in Garbage)
            {
                var post = new Dictionary<string, string>(values) { [field] = value };
                if (writer == Writer.Vote)
                    post["helpful"] = value;
                var response = await client.PostAsync(form.Action, Fields(form, post));
                if ((int)response.StatusCode >= 500)
                    failures.Add($"{field}={Shorten(value)}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        Assert.Empty(_site.Errors);
    }

    /// <summary>The form's hidden fields (the antiforgery token) plus <paramref name="values"/>, posted as they are.</summary>
    private static FormUrlEncodedContent Fields(IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !values.ContainsKey(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(values);
        return new FormUrlEncodedContent(fields);
    }

    private static string Shorten(string value) => value.Length > 20 ? value[..20] + "..." : value;
}
