using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Catalog;

public class TitleKindsTests
{
    [Theory]
    [InlineData(1994, 2004, false, "1994–2004")]
    [InlineData(2005, null, true, "2005–")]
    [InlineData(2007, null, false, "2007")]
    [InlineData(1994, 1994, false, "1994")]
    [InlineData(null, null, false, null)]
    public void A_run_reads_as_its_years(int? year, int? endYear, bool openRun, string? expected) =>
        Assert.Equal(expected, TitleKinds.Years(year, endYear, openRun));

    [Theory]
    [InlineData("TV", TitleKind.TvMovie)]
    [InlineData("V", TitleKind.Video)]
    [InlineData("VG", TitleKind.VideoGame)]
    [InlineData("TV Mini-Series", TitleKind.TvMiniSeries)]
    [InlineData("Documentary", null)]
    public void A_printed_kind_is_one_of_the_catalog_s_kinds(string printed, TitleKind? kind) =>
        Assert.Equal(kind, TitleKinds.Parse(printed));

    [Fact]
    public void A_film_has_no_label_and_every_other_kind_has_one() =>
        Assert.All(Enum.GetValues<TitleKind>(), kind => Assert.Equal(kind == TitleKind.Film, TitleKinds.Label(kind) is null));
}
