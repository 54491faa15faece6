using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>
/// A long text clamped to a few lines with a "Read more" that works without script:
/// <c>&lt;read-more id="review-12-more" when="@isLong"&gt;...&lt;/read-more&gt;</c>.
/// </summary>
/// <remarks>
/// The toggle is a checkbox before the text and a label after it; CSS opens the text when it is
/// checked (<c>.clamp-toggle:checked ~ .clamp-body</c>), so the cached page carries no state and
/// needs no script. With script on, site.js drops the toggle from texts that fit in their lines
/// anyway. When <see cref="When"/> is false the content is written as it is, with no wrapper.
/// </remarks>
[HtmlTargetElement("read-more")]
public sealed class ReadMoreTagHelper : TagHelper
{
    /// <summary>The checkbox's id: unique on the page.</summary>
    public string Id { get; set; } = "";

    /// <summary>Whether the text is long enough to clamp.</summary>
    public bool When { get; set; } = true;

    /// <summary>What the text is, for the control's name: "Read more of this review".</summary>
    public string? About { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!When)
        {
            output.TagName = null;
            return;
        }

        var content = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "clamp");
        output.Content.AppendHtml("<input type=\"checkbox\" class=\"clamp-toggle\" id=\"").Append(Id).AppendHtml("\">")
            .AppendHtml("<div class=\"clamp-body\">").AppendHtml(content).AppendHtml("</div>")
            .AppendHtml("<label class=\"clamp-more\" for=\"").Append(Id).AppendHtml("\"><span class=\"when-closed\">Read more</span><span class=\"when-open\">Show less</span>");
        if (About is { Length: > 0 } about)
            output.Content.AppendHtml("<span class=\"visually-hidden\"> ").Append(about).AppendHtml("</span>");
        output.Content.AppendHtml("</label>");
    }
}
