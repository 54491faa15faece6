namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// The site's footer and chrome ("Contribute to This Page", "Terms of Use | Privacy Policy",
/// the copyright line): navigation wherever it stands, never content.
/// </summary>
internal sealed class FooterReader(TitlePageParser page) : PartReader(page)
{
    public override PagePart Part => PagePart.Footer;

    public override Fit Opens(int i) => IsFooter(Text(i)) ? Fit.Certain : Fit.None;

    public override bool Take(int i)
    {
        Page.MarkNavigation(i);
        return true;
    }

    private static bool IsFooter(string text)
    {
        if (text.Length > 200)
        {
            return false;
        }

        if (!text.Contains('|', StringComparison.Ordinal))
        {
            return IsFooterSegment(text);
        }

        foreach (var segment in text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsFooterSegment(segment))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFooterSegment(string segment) =>
        Vocabulary.FooterPhrases.Contains(segment) || Array.Exists(Vocabulary.FooterOpenings, o => segment.StartsWith(o, StringComparison.OrdinalIgnoreCase));
}
