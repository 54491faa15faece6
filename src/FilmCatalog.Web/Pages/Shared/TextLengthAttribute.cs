using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>
/// <see cref="StringLengthAttribute"/> whose message writes its numbers as the form's hints do
/// ("6,000", not "6000"): {0} the field, {1} the maximum, {2} the minimum.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TextLengthAttribute(int maximumLength) : StringLengthAttribute(maximumLength)
{
    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, ErrorMessageString, name,
            MaximumLength.ToString("N0", CultureInfo.InvariantCulture), MinimumLength.ToString("N0", CultureInfo.InvariantCulture));
}
