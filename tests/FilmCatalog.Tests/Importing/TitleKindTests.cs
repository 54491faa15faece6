using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>Title lines of titles that are not films, or whose year is not known yet: pages of the family, not files to refuse.</summary>
public class TitleKindTests
{
    [Theory]
    [InlineData("Halo of Ash (Video Game 2007)", "Halo of Ash", 2007, TitleKind.VideoGame, null, false)]
    [InlineData("Tiny Toon Spring Break (TV Short 1994)", "Tiny Toon Spring Break", 1994, TitleKind.TvShort, null, false)]
    [InlineData("A Muppet Family Christmas (TV Special 1987)", "A Muppet Family Christmas", 1987, TitleKind.TvSpecial, null, false)]
    [InlineData("Six Flights Up (TV Series 1994–2004)", "Six Flights Up", 1994, TitleKind.TvSeries, 2004, false)]
    [InlineData("Harbour Lights (TV Series 2005– )", "Harbour Lights", 2005, TitleKind.TvSeries, null, true)]
    [InlineData("Harbour Lights (TV Series 2005–)", "Harbour Lights", 2005, TitleKind.TvSeries, null, true)]
    [InlineData("Duel (1971) (TV)", "Duel", 1971, TitleKind.TvMovie, null, false)]
    [InlineData("Night Shift Tapes (1989) (V)", "Night Shift Tapes", 1989, TitleKind.Video, null, false)]
    [InlineData("Pocket Racer (1998) (VG)", "Pocket Racer", 1998, TitleKind.VideoGame, null, false)]
    [InlineData("Untitled Wachowski Project (????)", "Untitled Wachowski Project", null, null, null, false)]
    [InlineData("The Quiet Field (1999)", "The Quiet Field", 1999, null, null, false)]
    public void A_title_line_of_another_kind_or_an_unknown_year_is_read_and_its_kind_and_run_kept_in_the_record(
        string line, string name, int? year, TitleKind? kind, int? endYear, bool openRun)
    {
        var result = TitlePageParser.Parse($"{line}\n\nA man goes somewhere and does something that changes his life forever.\n\nComedy | Drama\n");

        Assert.Equal((name, year, kind, endYear, openRun), (result.Title.Name, result.Title.Year, result.Title.Kind, result.Title.EndYear, result.Title.IsOpenRun));
        Assert.Equal("A man goes somewhere and does something that changes his life forever.", result.Title.Summary);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_card_titled_with_its_kind_keeps_its_title()
    {
        var result = TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("title_kind_video_game.txt")));

        var card = Assert.Single(result.Title.AlsoLiked);
        Assert.Equal(("Wine Tycoon", 2009, TitleKind.VideoGame), (card.Name, card.Year, card.Kind));
        Assert.Equal("Run a vineyard from a single row of vines to a château.", card.Plot);
    }

    [Fact]
    public void A_series_page_keeps_its_run_and_its_cards_and_connections_keep_theirs()
    {
        var result = TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("title_kind_tv_series.txt")));
        var page = result.Title;

        Assert.Equal(("Harbour Lights", 1994, TitleKind.TvSeries, 2004, false), (page.Name, page.Year, page.Kind, page.EndYear, page.IsOpenRun));
        Assert.Equal(
            [("Tidewater", 2005, TitleKind.TvSeries, null, true), ("Keeper's Log", 2008, TitleKind.VideoGame, null, false)],
            page.AlsoLiked.Select(c => (c.Name, c.Year, c.Kind, c.EndYear, c.IsOpenRun)));
        var connection = Assert.Single(page.Connections);
        Assert.Equal(("Featured in", "Lights Along the Coast", 2006, TitleKind.Video), (connection.Kind, connection.OtherName, connection.OtherYear, connection.OtherKind));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("Featured in Six Flights Up (TV Series 1994–2004)", "Six Flights Up", 1994, TitleKind.TvSeries, 2004, false)]
    [InlineData("Referenced in Tidewater (TV Series 2005– )", "Tidewater", 2005, TitleKind.TvSeries, null, true)]
    [InlineData("Spoofed in Duel Again (1983) (TV)", "Duel Again", 1983, TitleKind.TvMovie, null, false)]
    [InlineData("Follows Hamlet (1996/I)", "Hamlet", 1996, null, null, false)]
    public void A_connection_keeps_the_kind_and_run_of_the_title_it_names(string line, string name, int year, TitleKind? kind, int? endYear, bool openRun)
    {
        var result = TitlePageParser.Parse($"Some Film (2001)\n\nA man goes somewhere and does something that changes his life forever.\n\nDid You Know?\nConnections: {line}\n");

        var connection = Assert.Single(result.Title.Connections);
        Assert.Equal((name, year, kind, endYear, openRun), (connection.OtherName, connection.OtherYear, connection.OtherKind, connection.OtherEndYear, connection.OtherIsOpenRun));
    }
}
