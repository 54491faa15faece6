using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace FilmCatalog.Web.Hosting;

/// <summary>
/// The layout reads TempData on every page (the visitor's confirmation after a write), and the
/// cookie provider answers every such read with a Set-Cookie that deletes the TempData cookie, even
/// when the request had none. That header would make every page uncacheable and is pointless:
/// this provider only deletes the cookie when the request carried it.
/// </summary>
internal sealed class QuietTempDataProvider(ITempDataProvider inner) : ITempDataProvider
{
    public const string CookieName = ".AspNetCore.Mvc.CookieTempDataProvider";

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(CookieName))
            return;
        inner.SaveTempData(context, values);
    }
}

public static class QuietTempDataExtensions
{
    /// <summary>Wraps the registered provider (the cookie provider Razor Pages adds).</summary>
    public static IServiceCollection AddQuietTempData(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ITempDataProvider));
        services.Remove(registered);
        services.AddSingleton<ITempDataProvider>(provider => new QuietTempDataProvider(
            registered.ImplementationFactory is { } factory
                ? (ITempDataProvider)factory(provider)
                : (ITempDataProvider)(registered.ImplementationInstance ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!))));
        return services;
    }
}
