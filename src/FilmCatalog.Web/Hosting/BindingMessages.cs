using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// The site's words for a value that model binding refuses before any validation attribute runs ("abc" for a number,
/// a reason the form does not offer): plain, and naming the field, where the framework said "The value '99' is invalid.".
/// A field that can say it better carries <see cref="InvalidValueMessageAttribute"/>.
/// </summary>
public static class BindingMessages
{
    /// <summary>Sets the site's wording on every message of <paramref name="messages"/>.</summary>
    public static DefaultModelBindingMessageProvider Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is not a valid value for {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"'{value}' is not a valid value.");
        messages.SetValueIsInvalidAccessor(value => $"'{value}' is not a valid value.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"The value sent for {field} is not valid.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "The value sent is not valid.");
        messages.SetValueMustNotBeNullAccessor(_ => "This needs a value.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field} needs a value.");
        messages.SetMissingKeyOrValueAccessor(() => "This needs a value.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "The form was sent empty.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "This must be a number.");
        return messages;
    }
}

/// <summary>What a field says, in place of <see cref="BindingMessages"/>' general words, for a value it cannot take.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InvalidValueMessageAttribute(string message) : Attribute
{
    public string Message { get; } = message;
}

/// <summary>Gives a field with <see cref="InvalidValueMessageAttribute"/> its own words for every binding refusal.</summary>
public sealed class InvalidValueMessageProvider : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.PropertyAttributes?.OfType<InvalidValueMessageAttribute>().FirstOrDefault() is not { Message: var message })
            return;
        var messages = BindingMessages.Apply(new DefaultModelBindingMessageProvider());
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => message);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => message);
        messages.SetValueIsInvalidAccessor(_ => message);
        messages.SetUnknownValueIsInvalidAccessor(_ => message);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => message);
        messages.SetValueMustNotBeNullAccessor(_ => message);
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }
}

/// <summary>
/// Binds an enum from its name only, as the forms post it (<c>Reason=Spam</c>). The framework's binder took numbers
/// too (<c>Reason=3</c> was a reason) and names joined by commas (flags: two reasons made a third); anything but one
/// of the names is refused with the field's message.
/// </summary>
public sealed class EnumNameBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType.IsEnum ? new Binder() : null;

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var posted = context.ValueProvider.GetValue(context.ModelName);
            if (posted == ValueProviderResult.None)
                return Task.CompletedTask;

            context.ModelState.SetModelValue(context.ModelName, posted);
            var metadata = context.ModelMetadata;
            var text = posted.FirstValue;
            if (string.IsNullOrEmpty(text) && metadata.IsReferenceOrNullableType)
            {
                // Nothing chosen: a null, which [Required] words for the field.
                context.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }

            var type = metadata.UnderlyingOrModelType;
            if (text is not null && Enum.GetNames(type).Contains(text, StringComparer.Ordinal))
            {
                context.Result = ModelBindingResult.Success(Enum.Parse(type, text));
                return Task.CompletedTask;
            }

            context.ModelState.TryAddModelError(context.ModelName,
                metadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text ?? "", metadata.DisplayName ?? metadata.Name ?? context.ModelName));
            context.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}
