using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Tests.Catalog;

public class TextFoldTests
{
    [Theory]
    [InlineData("Amélie", "amelie")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Søren Kierkegaard", "soren kierkegaard")]
    [InlineData("Die Straße der Träume", "die strasse der traume")]
    [InlineData("Schindler's List", "schindlers list")]
    [InlineData("Rock ’n’ Roll", "rock n roll")]
    [InlineData("  Faut que ça danse!  ", "faut que ca danse")]
    [InlineData("Æon Flux", "aeon flux")]
    [InlineData("Đorđe Balašević", "dorde balasevic")]
    [InlineData("ﬁnal ＦＬＩＧＨＴ", "final flight")]
    [InlineData("Paŀlissa", "pallissa")]
    [InlineData("Москва слезам не верит", "москва слезам не верит")]
    [InlineData("Ὀδύσσεια", "οδυσσεια")]
    [InlineData("\"NEAR\" * -x: y\u0000z\t", "near x y z")]
    [InlineData("!!!", "")]
    public void Folds_case_accents_strokes_and_punctuation(string text, string folded) =>
        Assert.Equal(folded, TextFold.Fold(text));

    [Fact]
    public void Folding_a_folded_text_changes_nothing() =>
        Assert.All(new[] { "Łódź Amélie", "Straße", "Ὀδύσσεια" }, text => Assert.Equal(TextFold.Fold(text), TextFold.Fold(TextFold.Fold(text))));
}

public class SlugTests
{
    [Theory]
    [InlineData("In the Soup", 1992, "in-the-soup-1992")]
    [InlineData("Schindler's List", 1993, "schindlers-list-1993")]
    [InlineData("Łódź", 1990, "lodz-1990")]
    [InlineData("Die Straße", null, "die-strasse")]
    [InlineData("Amélie", 2001, "amelie-2001")]
    public void Title_slugs_spell_the_folded_name_in_ascii(string name, int? year, string slug) =>
        Assert.Equal(slug, Slug.For(name, year));

    [Fact]
    public void A_name_without_latin_letters_gets_a_stable_key()
    {
        var slug = Slug.For("Москва", 1980);
        Assert.Matches("^title-[0-9a-f]{10}-1980$", slug);
        Assert.Equal(slug, Slug.For("Москва", 1980));
        Assert.Matches("^name-[0-9a-f]{10}$", Slug.ForName("Андрей Тарковский"));
    }

    [Fact]
    public void People_whose_names_fold_alike_share_a_key() =>
        Assert.Equal(Slug.ForName("Zoë Müller"), Slug.ForName("Zoe Muller"));
}

public class SoundtrackCreditsTests
{
    [Theory]
    [InlineData("Written by Don Cherry", "SongWriter:Don Cherry")]
    [InlineData("Written by Don Cherry and Ed Blackwell", "SongWriter:Don Cherry|SongWriter:Ed Blackwell")]
    [InlineData("Performed by The Skatalites", "SongPerformer:The Skatalites")]
    [InlineData("Written and performed by Jiří Dvořák (as J. Dvorak)", "SongWriter+SongPerformer:Jiří Dvořák")]
    [InlineData("Music by Ennio Morricone, Bruno Nicolai & Carlo de Rosa", "SongWriter:Ennio Morricone|SongWriter:Bruno Nicolai|SongWriter:Carlo de Rosa")]
    [InlineData("Performed by Don Cherry with His Orchestra", "SongPerformer:Don Cherry")]
    [InlineData("Courtesy of Eternal River Publishing BMI", "")]
    [InlineData("Written by", "")]
    [InlineData("Written by traditional", "")]
    [InlineData("Written by Eternal River Publishing", "")]
    [InlineData("Performed by 2 Unlimited", "")]
    [InlineData("Writtenby Nobody", "")]
    public void Reads_the_names_a_writing_or_performing_line_gives(string line, string expected)
    {
        var spans = SoundtrackCredits.Read(line);
        Assert.Equal(expected, string.Join("|", spans.Select(s => string.Join("+", s.Roles) + ":" + s.Name)));
        Assert.All(spans, s => Assert.Equal(s.Name, line.Substring(s.Start, s.Length)));
    }
}
