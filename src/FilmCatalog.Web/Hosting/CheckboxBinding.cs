using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// Binds every <see cref="bool"/> a form posts (checkboxes: "true", plus the hidden "false") and
/// turns anything else into a validation message. The framework's binder kept the unparsable text
/// as the field's value, and re-rendering the checkbox then tried to read it as a boolean: a 500
/// for <c>ContainsSpoilers=maybe</c>. Here the field keeps <c>false</c> and the form says what is wrong.
/// </summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new Binder() : null;

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var posted = context.ValueProvider.GetValue(context.ModelName);
            if (posted == ValueProviderResult.None)
                return Task.CompletedTask;

            if (bool.TryParse(posted.FirstValue, out var value))
            {
                context.ModelState.SetModelValue(context.ModelName, posted);
                context.Result = ModelBindingResult.Success(value);
                return Task.CompletedTask;
            }

            context.ModelState.SetModelValue(context.ModelName, rawValue: false, attemptedValue: "false");
            context.ModelState.TryAddModelError(context.ModelName, "Tick the box or leave it empty.");
            context.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}
