using AngleSharp.Html.Dom;

namespace FilmCatalog.Tests.Infrastructure;

/// <summary>
/// Submits a page's form the way a browser would: every field it holds (the antiforgery token
/// included), the values a test fills in, and the chosen submit button's name and value.
/// </summary>
public static class FormSubmitter
{
    /// <param name="values">Field name to value; a radio group or checkbox takes "true"/"false" or the option's value.</param>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        IHtmlFormElement form,
        IHtmlElement? submitButton = null,
        IReadOnlyDictionary<string, string>? values = null,
        Action<HttpRequestMessage>? configure = null)
    {
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
            Fill(form, name, value);

        var submission = submitButton is null ? form.GetSubmission() : form.GetSubmission(submitButton);
        Assert.NotNull(submission);
        var request = new HttpRequestMessage(new HttpMethod(submission.Method.ToString()), new Uri(submission.Target.Href));
        if (submission.Method == AngleSharp.Io.HttpMethod.Post)
        {
            request.Content = new StreamContent(submission.Body);
            foreach (var header in submission.Headers)
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        configure?.Invoke(request);
        return client.SendAsync(request);
    }

    private static void Fill(IHtmlFormElement form, string name, string value)
    {
        var fields = form.Elements.Where(e => e.GetAttribute("name") == name).ToList();
        Assert.True(fields.Count > 0, $"the form has no field named {name}");
        // A checkbox comes with a hidden "false" of the same name for when it is unchecked: leave that be.
        if (fields.Any(f => f is IHtmlInputElement { Type: "checkbox" }))
            fields.RemoveAll(f => f is IHtmlInputElement { Type: "hidden" });
        foreach (var field in fields)
        {
            switch (field)
            {
                case IHtmlInputElement { Type: "radio" } radio:
                    radio.IsChecked = radio.Value == value;
                    break;
                case IHtmlInputElement { Type: "checkbox" } checkbox:
                    checkbox.IsChecked = value is "true" or "on";
                    break;
                case IHtmlInputElement input:
                    input.Value = value;
                    break;
                case IHtmlTextAreaElement textArea:
                    textArea.Value = value;
                    break;
                case IHtmlSelectElement select:
                    select.Value = value;
                    break;
            }
        }
    }
}
