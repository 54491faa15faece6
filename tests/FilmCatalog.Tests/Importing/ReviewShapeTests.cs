using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>User reviews of the older layouts: labelled authors and dates, and votes above a review that could not be read.</summary>
public class ReviewShapeTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    [Fact]
    public void Votes_above_a_review_that_could_not_be_read_are_reported_and_not_given_to_the_next_review()
    {
        var result = Parse("reviews_unread_review_and_labelled_author.txt");

        Assert.Equal(
            [("Labelled and dated", 3, 9), ("Nobody voted on this one", 0, 0), ("Quietly menacing", 4, 6)],
            result.Title.Reviews.Select(r => (r.Headline, r.Helpful, r.Voted)));
        Assert.Contains(result.Warnings, w => w.Line == 6 && w.Message.Contains("could not be read", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Line == 7);
        Assert.Contains(result.Warnings, w => w.Line == 10);
        Assert.Equal(0, result.Unaccounted);
    }

    [Fact]
    public void The_older_spoiler_warning_about_a_comment_marks_the_review_as_the_newer_one_does()
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture("reviews_unread_review_and_labelled_author.txt"));
        Assert.Contains("This review may contain spoilers", text, StringComparison.Ordinal);
        var newer = Parse("reviews_unread_review_and_labelled_author.txt");

        var older = TitlePageParser.Parse(System.Text.Encoding.UTF8.GetBytes(text.Replace("This review may contain spoilers", "This comment may contain spoilers", StringComparison.Ordinal)));

        Assert.Contains(older.Title.Reviews, r => r.ContainsSpoilers);
        Assert.Equal(newer.Title.Reviews.Select(r => (r.Headline, r.ContainsSpoilers)), older.Title.Reviews.Select(r => (r.Headline, r.ContainsSpoilers)));
        Assert.Equal(newer.Warnings.Select(w => w.Line), older.Warnings.Select(w => w.Line));
    }

    [Fact]
    public void An_author_label_is_not_part_of_the_name_and_a_dash_before_see_all_my_reviews_is_not_part_of_the_place()
    {
        var reviews = Parse("reviews_unread_review_and_labelled_author.txt").Title.Reviews;

        Assert.Equal(
            [
                ("jbond007", "United States", new DateOnly(2009, 3, 15), true),
                (null, "Colchester", new DateOnly(2010, 4, 2), false),
                ("moviefan77", "London", new DateOnly(2011, 10, 14), false),
            ],
            reviews.Select(r => (r.Author, r.AuthorPlace, r.Date, r.ContainsSpoilers)));
        Assert.Equal(["The last twenty minutes undo everything that came before."], reviews[0].Paragraphs);
    }
}
