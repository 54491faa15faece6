using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>
/// A form field's wrapper that shows when the field is in error, the same on every form:
/// <c>&lt;div class="field" error-for="Input.Email"&gt;</c> gets <c>has-error</c> (the red bar
/// beside the field, site.css) when the model state holds an error for that field.
/// </summary>
/// <remarks>The controls inside are marked by <see cref="InvalidControlTagHelper"/>.</remarks>
[HtmlTargetElement("div", Attributes = ErrorForAttribute)]
[HtmlTargetElement("fieldset", Attributes = ErrorForAttribute)]
public sealed class FieldErrorTagHelper : TagHelper
{
    internal const string ErrorForAttribute = "error-for";

    [HtmlAttributeName(ErrorForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (InvalidControlTagHelper.HasError(ViewContext, For))
            output.AddClass("has-error", HtmlEncoder.Default);
    }
}

/// <summary>
/// A control whose field is in error says so to assistive technology: <c>aria-invalid="true"</c> on an
/// input, textarea or select bound with <c>asp-for</c>, and on controls written out by hand that name
/// their field with <c>error-for</c> (a group of radio buttons: <c>error-for="Input.Rating"</c>).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = FieldErrorTagHelper.ErrorForAttribute, TagStructure = TagStructure.WithoutEndTag)]
public sealed class InvalidControlTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(FieldErrorTagHelper.ErrorForAttribute)]
    public ModelExpression? ErrorFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var hidden = output.Attributes.TryGetAttribute("type", out var type)
            && string.Equals(type.Value?.ToString(), "hidden", StringComparison.OrdinalIgnoreCase);
        if (!hidden && (ErrorFor ?? For) is { } field && HasError(ViewContext, field))
            output.Attributes.SetAttribute("aria-invalid", "true");
    }

    internal static bool HasError(ViewContext viewContext, ModelExpression field)
    {
        var key = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);
        return viewContext.ViewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;
    }
}
