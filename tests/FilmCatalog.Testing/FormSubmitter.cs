using AngleSharp.Html.Dom;

namespace FilmCatalog.Testing;

/// <summary>
/// Submits a page's real form, as a browser would: AngleSharp builds the submission from the form's
/// fields (antiforgery token included), so tests exercise what visitors exercise.
/// </summary>
public static class FormSubmitter
{
    /// <summary>Fills <paramref name="values"/> by field name, then submits with <paramref name="submitButton"/> (or the form's default).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        IHtmlFormElement form,
        IReadOnlyDictionary<string, string>? values = null,
        IHtmlElement? submitButton = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
            Fill(form, name, value);

        var submission = submitButton is null ? form.GetSubmission() : form.GetSubmission(submitButton);
        Assert.NotNull(submission);
        var target = new Uri(submission!.Target.Href);
        var isPost = submission.Method == AngleSharp.Io.HttpMethod.Post;
        var request = new HttpRequestMessage(isPost ? System.Net.Http.HttpMethod.Post : System.Net.Http.HttpMethod.Get, target);
        if (isPost)
        {
            request.Content = new StreamContent(submission.Body);
            foreach (var header in submission.Headers)
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return client.SendAsync(request);
    }

    /// <summary>The form that holds the element matched by <paramref name="selector"/>, e.g. a submit button.</summary>
    public static IHtmlFormElement FormOf(IHtmlDocument page, string selector)
    {
        var element = page.QuerySelector(selector);
        Assert.True(element is not null, $"no element matches {selector}");
        var form = element as IHtmlFormElement ?? element!.Closest("form") as IHtmlFormElement;
        Assert.True(form is not null, $"{selector} is not in a form");
        return form!;
    }

    private static void Fill(IHtmlFormElement form, string name, string value)
    {
        var fields = form.Elements.Where(e => e.GetAttribute("name") == name).ToList();
        Assert.True(fields.Count > 0, $"the form has no field named {name}");
        foreach (var field in fields)
        {
            switch (field)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox" } choice:
                    choice.IsChecked = choice.Value == value || (choice.Type == "checkbox" && value == "true");
                    break;
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlTextAreaElement area:
                    area.Value = value;
                    break;
                case IHtmlSelectElement select:
                    select.Value = value;
                    break;
            }
        }
    }
}
