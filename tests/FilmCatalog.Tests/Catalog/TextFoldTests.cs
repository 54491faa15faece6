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
    [InlineData("Москва слезам не верит", "moskva slezam ne verit")]
    [InlineData("\"NEAR\" * -x: y\u0000z\t", "near x y z")]
    [InlineData("!!!", "")]
    public void Folds_case_accents_strokes_other_scripts_and_punctuation(string text, string folded) =>
        Assert.Equal(folded, TextFold.Fold(text));

    [Fact]
    public void Folding_a_folded_text_changes_nothing() =>
        Assert.All(new[] { "Łódź Amélie", "Straße", "Москва", "İstanbul'da" }, text => Assert.Equal(TextFold.Fold(text), TextFold.Fold(TextFold.Fold(text))));
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
