using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Catalog;

/// <summary>Slugs fold every Latin letter to ASCII without ICU (the site runs with invariant globalization).</summary>
public class SlugTests
{
    [Theory]
    [InlineData("Éloïse", 1999, "eloise-1999")]
    [InlineData("São Paulo", 2001, "sao-paulo-2001")]
    [InlineData("Le Château des Brûmes", 1987, "le-chateau-des-brumes-1987")]
    [InlineData("Łódź Nocą: Żółć", 1999, "lodz-noca-zolc-1999")]
    [InlineData("Ærøskøbing Blues", 2011, "aeroskobing-blues-2011")]
    [InlineData("Åse og Bjørn", 1975, "ase-og-bjorn-1975")]
    [InlineData("İstanbul'da Bir Gece, Ağustos", 1972, "istanbulda-bir-gece-agustos-1972")]
    [InlineData("Mùa hè chiều thẳng đứng", 2000, "mua-he-chieu-thang-dung-2000")]
    [InlineData("Ōsaka Māori Tūī", 1990, "osaka-maori-tui-1990")]
    [InlineData("Straße der Þórs", 1961, "strasse-der-thors-1961")]
    [InlineData("Schindler’s List", 1993, "schindlers-list-1993")]
    [InlineData("Tokyo (Again)", 1994, "tokyo-again-1994")]
    [InlineData("Москва слезам не верит", 1980, "moskva-slezam-ne-verit-1980")]
    public void Accented_letters_fold_to_ascii(string name, int year, string slug) => Assert.Equal(slug, Slug.For(name, year));

    [Fact]
    public void The_year_qualifier_tells_two_films_of_one_name_and_year_apart()
    {
        Assert.Equal("hamlet-1996-i", Slug.For("Hamlet", 1996, "I"));
        Assert.Equal("hamlet-1996-ii", Slug.For("Hamlet", 1996, "II"));
        Assert.Equal("hamlet-1996", Slug.For("Hamlet", 1996));
    }

    [Fact]
    public void A_name_with_no_letters_or_digits_gets_a_stable_key()
    {
        Assert.Equal(Slug.For("!!!", 2000), Slug.For("!!!", 2000));
        Assert.StartsWith("title-", Slug.For("!!!", 2000));
        Assert.NotEqual(Slug.For("!!!", 2000), Slug.For("???", 2000));
    }
}
