using System.Globalization;
using System.Net;
using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FilmCatalog.Testing.ReviewForm;

namespace FilmCatalog.Tests.Pages.Reviews;

/// <summary>
/// A visitor edits or withdraws their own review: the title page (served to everyone from the cache) follows at
/// once, with its counts and rating aggregate; nobody else can, nor can anyone change an imported or hidden review.
/// </summary>
public abstract class EditReviewTests<TCatalog>(TCatalog factory) : IClassFixture<TCatalog>
    where TCatalog : CatalogFactory
{
    private const string SeedSlug = "in-the-soup-1992";
    private const string EditedBody = ValidBody + " On a second viewing the ending lands even better.";

    /// <summary>A film of its own, without reviews, so every review posted to it is on its title page.</summary>
    private async Task<string> NewFilmAsync() => (await factory.Catalog.AddFilmAsync(reviews: 0)).Slug;

    /// <summary>Posts a review as <paramref name="author"/> and returns the title page it lands on, with the review's id.</summary>
    private static async Task<(TitlePage Page, int Id)> PostAsync(HttpClient author, string slug, string headline, string rating, string? name = null)
    {
        var page = await (await OpenForAsync(author, slug)).PostAsync(Values(headline, rating, ValidBody, name));
        return (page, page.ReviewId(headline));
    }

    private Task<Review> StoredAsync(int id) => factory.Catalog.ReadAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<Title> FilmAsync(string slug) => factory.Catalog.ReadAsync(db => db.Titles.AsNoTracking().SingleAsync(t => t.Slug == slug));

    private async Task<HttpClient> ModeratorAsync()
    {
        const string Email = "own-reviews@example.org", Password = "Watch-Own-Reviews-2026";
        if (await factory.InScopeAsync(async s => await s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>().FindByEmailAsync(Email)) is null)
            await factory.AddModeratorAsync(Email, Password);
        return await factory.SignedInModeratorAsync(Email, Password);
    }

    /// <summary>What the refusal page says: why this visitor cannot edit the review.</summary>
    private static string Notice(SitePage page) => SitePage.Text(page.Main.QuerySelector(".notice"));

    /// <summary>The title page's "How visitors here rated it": how many gave each score.</summary>
    private static Dictionary<string, string> Distribution(TitlePage page) =>
        page.Main.QuerySelectorAll(".distribution-table tbody tr").ToDictionary(
            row => SitePage.Text(row.QuerySelector("th")), row => SitePage.Text(row.QuerySelector(".distribution-count")));

    [Fact]
    public async Task The_author_edits_text_and_rating_and_every_visitor_sees_the_new_review_and_rating_at_once()
    {
        var slug = await NewFilmAsync();
        // Four other visitors' ratings, so the page shows the distribution (it needs five).
        for (var i = 0; i < 4; i++)
            await PostAsync(factory.CreateClient($"10.60.{i}.1"), slug, $"Another view {i}", "6");
        var author = factory.CreateClient("10.60.9.1");
        var (posted, id) = await PostAsync(author, slug, "First tkae", "4", name: "Margo");
        var reader = factory.CreateClient("10.60.9.2");
        var before = await TitlePage.GetAsync(reader, slug); // stored in the page cache
        Assert.Equal("1", Distribution(before)["4"]);
        Assert.Null(before.ReviewArticle(id)!.QuerySelector(".review-edited"));

        var edit = await posted.ClickEditOwnReviewAsync();
        Assert.Equal("First tkae", edit.FieldValue("Input.Headline"));
        Assert.Equal("4", edit.Rating);
        Assert.Equal(ValidBody, edit.FieldValue("Input.Body"));
        Assert.Equal("Margo", edit.FieldValue("Input.DisplayName"));
        var saved = await edit.SaveAsync(Values("First take", "9", EditedBody + " *Recommended.*", name: "Margo B.", spoilers: false));

        Assert.Equal($"/title/{slug}", new Uri(saved.Document.Url).AbsolutePath);
        Assert.Equal($"review-{id}", new Uri(saved.Document.Url).Fragment.TrimStart('#'));
        Assert.StartsWith("Your review is updated.", saved.StatusMessage, StringComparison.Ordinal);
        Assert.NotNull(saved.ReviewArticle(id)!.QuerySelector("[role=status].status-message"));

        var after = await TitlePage.GetAsync(reader, slug);
        var review = after.ReviewArticle(id)!;
        Assert.Equal("First take", SitePage.Text(review.QuerySelector(".review-headline")));
        Assert.Equal("Recommended.", review.QuerySelector(".review-body em")!.TextContent);
        Assert.Contains("by Margo B.", review.TextContent);
        Assert.Equal("9/10", SitePage.VisibleText(review.QuerySelector(".review-rating")));
        // Those who read or voted on it before see that it changed since.
        var editedAt = (await StoredAsync(id)).EditedAt;
        Assert.NotNull(editedAt);
        Assert.Equal("edited " + editedAt.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), SitePage.Text(review.QuerySelector(".review-edited")));
        Assert.Equal(after.ReviewCountsLine, before.ReviewCountsLine);
        var distribution = Distribution(after);
        Assert.Equal(("0", "1"), (distribution["4"], distribution["9"]));
        var film = await FilmAsync(slug);
        Assert.Equal((5, 6 * 4 + 9), (film.VisitorRatingCount, film.VisitorRatingSum));
        Assert.Equal(((6.0 * 4 + 9) / 5).ToString("0.0", CultureInfo.InvariantCulture), after.Main.QuerySelector(".rating-visitors .rating-value")!.TextContent);
        Assert.Null(after.StatusMessage);
    }

    [Fact]
    public async Task Saving_the_review_unchanged_does_not_mark_it_edited()
    {
        var slug = await NewFilmAsync();
        var author = factory.CreateClient("10.66.0.1");
        var (_, id) = await PostAsync(author, slug, "Left as it was", "6", name: "Same Name");

        await (await EditReviewPage.OpenAsync(author, id)).SaveAsync(Values("Left as it was", "6", ValidBody, name: "Same Name"));

        Assert.Null((await StoredAsync(id)).EditedAt);
        Assert.Null((await TitlePage.GetAsync(factory.CreateClient("10.66.0.2"), slug)).ReviewArticle(id)!.QuerySelector(".review-edited"));
    }

    [Theory]
    [MemberData(nameof(PostReviewTests<SqliteCatalog>.InvalidReviews), MemberType = typeof(PostReviewTests<SqliteCatalog>))]
    public async Task An_invalid_edit_shows_the_review_forms_message_and_changes_nothing(
        string _, string headline, string rating, string body, string message)
    {
        var author = factory.CreateClient();
        var (_, id) = await PostAsync(author, await NewFilmAsync(), "As it was posted", "7");
        var stored = await StoredAsync(id);

        var values = Values(headline, rating, body, name: "Kept Name");
        if (rating.Length == 0)
            values["Input.Rating"] = ""; // unchoose the rating the form opened with

        var again = await (await EditReviewPage.OpenAsync(author, id)).SaveInvalidAsync(values);

        Assert.Equal(EditReviewPage.UrlOf(id), new Uri(again.Document.Url).AbsolutePath);
        Assert.StartsWith("Error: ", again.Document.Title, StringComparison.Ordinal);
        Assert.Contains(again.FieldErrors, e => e.StartsWith(message, StringComparison.Ordinal));
        Assert.Contains(again.ErrorSummary, e => e.Message.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal("Kept Name", again.FieldValue("Input.DisplayName"));
        var now = await StoredAsync(id);
        Assert.Equal((stored.Headline, stored.Body, stored.Rating, stored.AuthorName), (now.Headline, now.Body, now.Rating, now.AuthorName));
    }

    [Fact]
    public async Task Another_visitor_and_a_browser_without_the_cookie_are_told_they_cannot_edit_and_a_forged_post_changes_nothing()
    {
        var slug = await NewFilmAsync();
        var author = factory.CreateClient("10.61.0.1");
        var (_, id) = await PostAsync(author, slug, "Mine to change", "8");
        var stored = await StoredAsync(id);

        // Another visitor, with a cookie and a form token of their own from the review form.
        var other = factory.CreateClient("10.61.0.2");
        var theirForm = await OpenForAsync(other, slug);
        var refused = await EditReviewPage.RefusedAsync(other, id, HttpStatusCode.Forbidden);
        Assert.Equal("You cannot edit this review", refused.Heading);
        Assert.Contains("Only the visitor who posted a review can edit or withdraw it", Notice(refused));
        Assert.Null(refused.Main.QuerySelector("form"));

        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)theirForm.Form.QuerySelector($"input[name={WritingForms.TokenField}]")!).Value;
        var forgedEdit = await other.PostAsync(EditReviewPage.UrlOf(id), new FormUrlEncodedContent(new Dictionary<string, string>(Values("Not yours", "1", EditedBody))
        {
            [WritingForms.TokenField] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forgedEdit.StatusCode);
        var forgedWithdraw = await other.PostAsync(EditReviewPage.UrlOf(id) + "?handler=Withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ConfirmWithdraw"] = "true",
            [WritingForms.TokenField] = token,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forgedWithdraw.StatusCode);

        // A browser that sends no visitor cookie is told why it is not recognised.
        var cookieless = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var stranger = await EditReviewPage.RefusedAsync(cookieless, id, HttpStatusCode.Forbidden);
        Assert.Contains("did not send the cookie", Notice(stranger));

        // The author's own browser, but a request from another site: no form token.
        var crossSite = await author.PostAsync(EditReviewPage.UrlOf(id), new FormUrlEncodedContent(Values("Forged from elsewhere", "1", EditedBody)));
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);

        var now = await StoredAsync(id);
        Assert.Equal((stored.Headline, stored.Body, stored.Rating, ReviewStatus.Visible), (now.Headline, now.Body, now.Rating, now.Status));
        Assert.NotNull((await TitlePage.GetAsync(other, slug)).ReviewArticle(id));
    }

    [Fact]
    public async Task An_imported_review_cannot_be_edited()
    {
        var client = factory.CreateClient();
        var imported = await factory.Catalog.ReadAsync(db => db.Reviews
            .Where(r => r.Title!.Slug == SeedSlug && r.Origin == ReviewOrigin.Imported && r.Status == ReviewStatus.Visible)
            .Select(r => r.Id).FirstAsync());
        await OpenForAsync(client, SeedSlug); // a visitor with a cookie

        var refused = await EditReviewPage.RefusedAsync(client, imported, HttpStatusCode.Forbidden);

        Assert.Contains("comes from the original site", Notice(refused));
        Assert.Null(refused.Main.QuerySelector("form"));
    }

    [Fact]
    public async Task A_review_hidden_by_reports_cannot_be_edited_by_its_author_and_is_not_there_for_anyone_else()
    {
        var slug = await NewFilmAsync();
        var author = factory.CreateClient("10.62.0.1");
        var (_, id) = await PostAsync(author, slug, "Soon to be reported", "3");
        var openedBefore = await EditReviewPage.OpenAsync(author, id);
        for (var i = 0; i < ReviewReportingThreshold; i++)
            await (await ReportForm.OpenForAsync(factory.CreateClient($"10.62.{i + 1}.1"), id)).SendAsync("Spam");
        Assert.Equal(ReviewStatus.PendingModeration, (await StoredAsync(id)).Status);

        var refused = await EditReviewPage.RefusedAsync(author, id, HttpStatusCode.Forbidden);
        Assert.Contains("hidden until a moderator has looked at it", Notice(refused));
        Assert.DoesNotContain("Soon to be reported", refused.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var other = await EditReviewPage.RefusedAsync(factory.CreateClient("10.62.9.1"), id, HttpStatusCode.NotFound);
        Assert.DoesNotContain("Soon to be reported", other.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // The form the author opened before it was hidden is refused too.
        var late = await openedBefore.SubmitAsync(Values("Quietly changed", "10", EditedBody));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal(("Soon to be reported", 3, ReviewStatus.PendingModeration), (stored.Headline, stored.Rating!.Value, stored.Status));
    }

    private const int ReviewReportingThreshold = FilmCatalog.Web.Reviews.ReviewReporting.HideThreshold;

    /// <summary>"Your reviews" (<c>/reviews/mine</c>): each entry's film, headline and the links it offers.</summary>
    private static async Task<List<(string Film, string Headline, string? Edit, string Meta)>> MyReviewsAsync(HttpClient client)
    {
        var page = await SitePage.GetAsync(client, "/reviews/mine");
        Assert.Equal("noindex", page.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        return [.. page.Main.QuerySelectorAll(".my-reviews li").Select(item => (
            SitePage.Text(item.QuerySelector(".my-review-film")),
            SitePage.Text(item.QuerySelector(".my-review-headline")),
            item.QuerySelector("a[href$='/edit']")?.GetAttribute("href"),
            SitePage.Text(item.QuerySelector(".my-review-meta"))))];
    }

    [Fact]
    public async Task Your_reviews_lists_this_browsers_reviews_newest_first_with_their_edit_links_and_nobody_elses()
    {
        var (first, second) = (await NewFilmAsync(), await NewFilmAsync());
        var author = factory.CreateClient("10.64.0.1");
        var (_, older) = await PostAsync(author, first, "My first review here", "7");
        var (_, newer) = await PostAsync(author, second, "And a second one", "5");
        await PostAsync(factory.CreateClient("10.64.0.2"), first, "Someone else entirely", "9");

        var mine = await MyReviewsAsync(author);

        Assert.Equal(["\u201cAnd a second one\u201d", "\u201cMy first review here\u201d"], mine.Select(r => r.Headline));
        Assert.Equal([EditReviewPage.UrlOf(newer), EditReviewPage.UrlOf(older)], mine.Select(r => r.Edit));
        Assert.StartsWith("5/10", mine[0].Meta, StringComparison.Ordinal);
        Assert.Empty(await MyReviewsAsync(factory.CreateClient("10.64.0.3")));
        var stranger = await SitePage.GetAsync(factory.CreateClient("10.64.0.4"), "/reviews/mine");
        Assert.Contains("No review has been posted from this browser", SitePage.Text(stranger.Main.QuerySelector(".notice")));
    }

    [Fact]
    public async Task Your_reviews_says_which_are_hidden_offers_no_edit_for_them_and_leaves_out_a_withdrawn_one()
    {
        var slug = await NewFilmAsync();
        var author = factory.CreateClient("10.65.0.1");
        var (_, reported) = await PostAsync(author, slug, "One they reported", "2");
        var (_, withdrawn) = await PostAsync(author, slug, "One I take back", "4");
        for (var i = 0; i < ReviewReportingThreshold; i++)
            await (await ReportForm.OpenForAsync(factory.CreateClient($"10.65.{i + 1}.1"), reported)).SendAsync("Spam");
        await (await EditReviewPage.OpenAsync(author, withdrawn)).WithdrawAsync();

        var mine = await MyReviewsAsync(author);

        var only = Assert.Single(mine);
        Assert.Equal("\u201cOne they reported\u201d", only.Headline);
        Assert.Null(only.Edit);
        Assert.Contains("Hidden while a moderator looks at reports about it", only.Meta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_needs_the_box_ticked_then_takes_the_review_off_the_page_and_out_of_the_counts_and_into_its_history()
    {
        var slug = await NewFilmAsync();
        var author = factory.CreateClient("10.63.0.1");
        var (_, id) = await PostAsync(author, slug, "Regretted at once", "2");
        var reader = factory.CreateClient("10.63.0.2");
        Assert.NotNull((await TitlePage.GetAsync(reader, slug)).ReviewArticle(id)); // cached now
        var before = await FilmAsync(slug);
        var edit = await EditReviewPage.OpenAsync(author, id);

        var unconfirmed = await edit.WithdrawUnconfirmedAsync();
        Assert.Contains("Tick the box to confirm that you want to withdraw your review.", unconfirmed.FieldErrors);
        Assert.Equal("ConfirmWithdraw", Assert.Single(unconfirmed.ErrorSummary).FieldId);
        Assert.Equal("Regretted at once", unconfirmed.FieldValue("Input.Headline"));
        Assert.Equal(ReviewStatus.Visible, (await StoredAsync(id)).Status);

        var landed = await unconfirmed.WithdrawAsync();
        Assert.Equal($"/title/{slug}", new Uri(landed.Document.Url).AbsolutePath);
        Assert.Equal("Your review \u201cRegretted at once\u201d is withdrawn: it is no longer on the site.", landed.StatusMessage);
        Assert.Null(landed.ReviewArticle(id));

        var page = await TitlePage.GetAsync(reader, slug);
        Assert.Null(page.ReviewArticle(id));
        var film = await FilmAsync(slug);
        Assert.Equal((before.ReviewCount - 1, before.VisitorRatingCount - 1, before.VisitorRatingSum - 2), (film.ReviewCount, film.VisitorRatingCount, film.VisitorRatingSum));
        Assert.Equal(before.VisitorRatingCounts![1] - 1, film.VisitorRatingCounts![1]);
        Assert.Empty((await OpenForAsync(author, slug)).OwnReviews);

        // Not offered back to its author.
        var gone = await EditReviewPage.RefusedAsync(author, id, HttpStatusCode.NotFound);
        Assert.Contains("You withdrew this review", Notice(gone));

        // Moderators see it, labelled, in its history, with nothing left to decide.
        var moderation = await ModerationPage.OpenAsync(await ModeratorAsync(), $"/moderation/reviews/{id}");
        Assert.Equal("Withdrawn by its author", moderation.Status(id));
        Assert.StartsWith("Withdrawn by its author,", Assert.Single(moderation.History), StringComparison.Ordinal);
        Assert.Empty(moderation.Decisions(id));
    }

    [Fact]
    public async Task Reports_made_before_an_edit_stay_with_the_review_and_moderators_read_the_new_text()
    {
        var author = factory.CreateClient("10.65.0.1");
        var (_, id) = await PostAsync(author, await NewFilmAsync(), "Before the edit", "5");
        await (await ReportForm.OpenForAsync(factory.CreateClient("10.65.0.2"), id)).SendAsync("OffTopic", "About another film.");

        await (await EditReviewPage.OpenAsync(author, id)).SaveAsync(Values("After the edit", "5", EditedBody));

        var queue = await ModerationPage.OpenAsync(await ModeratorAsync(), "/moderation");
        Assert.Contains(id, queue.ReviewIds);
        Assert.Equal(["About another film."], queue.ReportComments(id));
        Assert.Equal("After the edit", SitePage.Text(queue.Review(id).QuerySelector(".moderation-preview .review-headline")));
    }

    [Fact]
    public async Task The_author_finds_the_edit_link_after_posting_and_on_the_form_page_and_nobody_else_does()
    {
        var slug = await NewFilmAsync();
        var author = factory.CreateClient("10.64.0.1");
        var (posted, id) = await PostAsync(author, slug, "Mine to find again", "7");

        Assert.Equal(EditReviewPage.UrlOf(id), posted.StatusEditLink?.PathName);
        Assert.Equal("Edit or withdraw it", SitePage.VisibleText(posted.StatusEditLink));

        var form = await OpenForAsync(author, slug);
        var day = (await StoredAsync(id)).WrittenAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Equal([($"You reviewed this film on {day}: \u201cMine to find again\u201d \u00b7 Edit", EditReviewPage.UrlOf(id))], form.OwnReviews);

        // The title page everyone shares (from the cache) and another visitor's form have no link to it.
        var other = factory.CreateClient("10.64.0.2");
        var shared = await TitlePage.GetAsync(other, slug);
        Assert.NotNull(shared.ReviewArticle(id));
        Assert.Empty(shared.Main.QuerySelectorAll("a[href$='/edit']"));
        Assert.Empty((await OpenForAsync(other, slug)).OwnReviews);
    }
}

public sealed class EditReviewTestsOnSqlite(SqliteCatalog factory) : EditReviewTests<SqliteCatalog>(factory);

public sealed class EditReviewTestsOnPostgres(PostgresCatalog factory) : EditReviewTests<PostgresCatalog>(factory);
