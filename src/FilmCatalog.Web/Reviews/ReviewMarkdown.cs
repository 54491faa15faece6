namespace FilmCatalog.Web.Reviews;

/// <summary>Placeholder until the sanitizing pipeline lands from its branch.</summary>
public sealed class ReviewMarkdown
{
    public const int MaxSourceLength = 10_000;

    public string ToHtml(string markdown) => "<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>";

    public static string EscapeAsMarkdown(string plainParagraph) => plainParagraph;
}
