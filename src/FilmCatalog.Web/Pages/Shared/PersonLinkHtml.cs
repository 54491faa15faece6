using System.Text.Encodings.Web;
using FilmCatalog.Web.Catalog;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>
/// A person's name as a link to their page, <c>/name/{slug}</c>. The slug follows from the name
/// (<see cref="Slug.ForName"/>), so a title page links every name it prints without asking the
/// database which people exist: every name the importer reads is a person with a page.
/// </summary>
public static class PersonLinkHtml
{
    public static string Href(HttpContext context, string name) => $"{context.Request.PathBase}/name/{Slug.ForName(name)}";

    public static IHtmlContent PersonLink(this IHtmlHelper html, string name) =>
        new HtmlString($"<a class=\"person-link\" href=\"{HtmlEncoder.Default.Encode(Href(html.ViewContext.HttpContext, name))}\">{HtmlEncoder.Default.Encode(name)}</a>");

    /// <summary>Names separated by commas, each a link (a credit whose name the source lost is left out).</summary>
    public static IHtmlContent PersonLinks(this IHtmlHelper html, IEnumerable<string?> names)
    {
        var content = new HtmlContentBuilder();
        var first = true;
        foreach (var name in names.OfType<string>())
        {
            if (!first)
                content.Append(", ");
            content.AppendHtml(html.PersonLink(name));
            first = false;
        }

        return content;
    }

    /// <summary>Credits separated by commas, each name a link followed by the source's note ("(screenplay)").</summary>
    public static IHtmlContent CreditLinks(this IHtmlHelper html, IEnumerable<(string? Name, string? Note)> credits)
    {
        var content = new HtmlContentBuilder();
        var first = true;
        foreach (var (name, note) in credits)
        {
            if (name is null)
                continue;
            if (!first)
                content.Append(", ");
            content.AppendHtml(html.PersonLink(name));
            if (note is not null)
                content.Append($" ({note})");
            first = false;
        }

        return content;
    }

    /// <summary>A soundtrack credit line with the names it clearly gives (<see cref="SoundtrackCredits"/>) as links.</summary>
    public static IHtmlContent SoundtrackLine(this IHtmlHelper html, string line)
    {
        var content = new HtmlContentBuilder();
        var at = 0;
        foreach (var named in SoundtrackCredits.Read(line))
        {
            content.Append(line[at..named.Start]);
            content.AppendHtml(html.PersonLink(named.Name));
            at = named.Start + named.Length;
        }

        content.Append(line[at..]);
        return content;
    }
}
