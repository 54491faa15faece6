namespace FilmCatalog.Web.Hosting;

/// <summary>
/// A setting the site cannot start with. Its message tells the operator what to set; the executable
/// prints it and exits with code 2, without the stack trace an unhandled exception would print.
/// </summary>
public sealed class SiteConfigurationException(string message) : Exception(message);
