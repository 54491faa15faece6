using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>Title lines of titles that are not films, or whose year is not known yet: pages of the family, not files to refuse.</summary>
public class TitleKindTests
{
    [Theory]
    [InlineData("Halo of Ash (Video Game 2007)", "Halo of Ash", 2007, "Video Game")]
    [InlineData("Tiny Toon Spring Break (TV Short 1994)", "Tiny Toon Spring Break", 1994, "TV Short")]
    [InlineData("A Muppet Family Christmas (TV Special 1987)", "A Muppet Family Christmas", 1987, "TV Special")]
    [InlineData("Six Flights Up (TV Series 1994–2004)", "Six Flights Up", 1994, "TV Series")]
    [InlineData("Duel (1971) (TV)", "Duel", 1971, "TV")]
    [InlineData("Untitled Wachowski Project (????)", "Untitled Wachowski Project", null, null)]
    public void A_title_line_of_another_kind_or_an_unknown_year_is_read_and_its_kind_kept_in_the_record(string line, string name, int? year, string? kind)
    {
        var result = TitlePageParser.Parse($"{line}\n\nA man goes somewhere and does something that changes his life forever.\n\nComedy | Drama\n");

        Assert.Equal((name, year, kind), (result.Title.Name, result.Title.Year, result.Title.Kind));
        Assert.Equal("A man goes somewhere and does something that changes his life forever.", result.Title.Summary);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_card_titled_with_its_kind_keeps_its_title()
    {
        var result = TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("title_kind_video_game.txt")));

        var card = Assert.Single(result.Title.AlsoLiked);
        Assert.Equal(("Wine Tycoon", 2009), (card.Name, card.Year));
        Assert.Equal("Run a vineyard from a single row of vines to a château.", card.Plot);
    }
}
