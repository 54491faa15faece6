using FilmCatalog.Web.Pages.Shared;

namespace FilmCatalog.Tests.Pages.Shared;

public sealed class PosterTileTests
{
    [Fact]
    public void A_film_gets_the_same_look_every_time_from_its_slug_alone()
    {
        // Fixed values: the look must not change between processes, machines or releases of .NET.
        Assert.Equal(PosterLook.For("in-the-soup-1992"), PosterLook.For("in-the-soup-1992"));
        Assert.Equal(new PosterLook(2, 0), PosterLook.For("in-the-soup-1992"));
    }

    [Fact]
    public void Looks_spread_over_every_palette_and_layout()
    {
        var looks = Enumerable.Range(0, 2000).Select(i => PosterLook.For($"film-{i}-{1900 + (i % 120)}")).ToList();

        Assert.Equal(PosterLook.Palettes, looks.Select(l => l.Palette).Distinct().Count());
        Assert.Equal(PosterLook.Layouts, looks.Select(l => l.Layout).Distinct().Count());
        // No palette takes more than twice its fair share.
        Assert.All(looks.GroupBy(l => l.Palette), g => Assert.InRange(g.Count(), 1, 2 * 2000 / PosterLook.Palettes));
    }

    [Theory]
    [InlineData("Up", "name-short")]
    [InlineData("In the Soup", "name-medium")]
    [InlineData("The Man Who Wasn't There", "name-long")]
    [InlineData("Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb", "name-very-long")]
    [InlineData("Kundskabens", "name-very-long")]
    [InlineData("The Lighthouse Keeper", "name-very-long")]
    [InlineData("Our Daughter", "name-long")]
    public void Type_is_sized_by_the_names_length_and_its_longest_word(string name, string expected) =>
        Assert.Equal(expected, PosterLook.LengthClass(name));

    [Theory]
    [InlineData("Up", "word-3")]
    [InlineData("The Engineer", "word-8")]
    [InlineData("Kundskabens træ", "word-11")]
    [InlineData("Supercalifragilisticexpialidocious", "word-16")]
    public void The_longest_word_caps_the_type_size(string name, string expected) =>
        Assert.Equal(expected, PosterLook.WordClass(name));
}
