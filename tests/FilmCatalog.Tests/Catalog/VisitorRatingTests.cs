using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Pages.Titles;

namespace FilmCatalog.Tests.Catalog;

public sealed class VisitorRatingTests
{
    [Fact]
    public void Adding_and_removing_ratings_keeps_count_sum_and_distribution_in_step()
    {
        var title = TestCatalog.NewTitle("Rated", 2000);

        title.AddVisitorRating(8);
        title.AddVisitorRating(8);
        title.AddVisitorRating(3);
        title.RemoveVisitorRating(8);

        Assert.Equal(2, title.VisitorRatingCount);
        Assert.Equal(11, title.VisitorRatingSum);
        Assert.Equal([0, 0, 1, 0, 0, 0, 0, 1, 0, 0], title.VisitorRatingCounts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_rating_outside_1_to_10_is_refused(int rating) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestCatalog.NewTitle("Rated", 2000).AddVisitorRating(rating));

    public static TheoryData<int[]> Distributions => new()
    {
        new[] { 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 },
        new[] { 0, 0, 0, 0, 0, 0, 2, 3, 0, 1 },
        new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 },
        new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 7 },
        new[] { 333, 333, 334, 0, 0, 0, 0, 0, 0, 1 },
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Shares_add_up_to_exactly_100_and_each_is_its_exact_share_rounded_up_or_down(int[] counts)
    {
        var distribution = RatingDistribution.From(counts);

        Assert.Equal(100, distribution.Percentages.Sum());
        for (var i = 0; i < 10; i++)
        {
            var exact = counts[i] * 100.0 / counts.Sum();
            Assert.InRange(distribution.Percentages[i], Math.Floor(exact), Math.Ceiling(exact));
        }
    }

    [Fact]
    public void Thirds_go_to_the_higher_score_on_a_tie_and_the_mean_is_exact()
    {
        var distribution = RatingDistribution.From([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);

        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 33, 33, 34], distribution.Percentages);
        Assert.Equal(9.0, distribution.Mean);
        Assert.False(distribution.IsEnough);
    }

    [Fact]
    public void No_counts_or_malformed_counts_are_no_ratings()
    {
        Assert.Equal(0, RatingDistribution.From(null).Total);
        Assert.Equal(0, RatingDistribution.From([1, 2]).Total);
        Assert.Null(RatingDistribution.From(null).Mean);
        Assert.All(RatingDistribution.From(null).Percentages, p => Assert.Equal(0, p));
    }
}
