using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Moderation;
using FilmCatalog.Web.Reviews;
using FilmCatalog.Web.Search;

var (command, siteArgs) = SiteCommand.Parse(args);
if (command is SiteCommand.Help help)
    return await help.PrintAsync();

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(siteArgs);
    command?.Configure(builder);
    builder.AddSiteLogging();
    builder.AddCatalog();
    builder.AddImporting();
    builder.AddReviews();
    builder.AddSearch();
    builder.AddModeration();
    builder.AddSite();
    app = builder.Build();
}
catch (SiteConfigurationException e)
{
    // An operator's mistake in the settings: say what to set, not where in the code it was found.
    await Console.Error.WriteLineAsync($"FilmCatalog cannot start: {e.Message}");
    return 2;
}

try
{
    if (command is not null)
        return await command.RunAsync(app);

    await app.InitializeCatalogAsync();
}
catch (SiteConfigurationException e)
{
    // Found only once the catalog is opened (a file that is no database): as above.
    await Console.Error.WriteLineAsync($"FilmCatalog cannot start: {e.Message}");
    return 2;
}
catch (System.Data.Common.DbException e)
{
    // The database refused or could not be reached (a wrong password, a server that is down, a folder named
    // as the file): the operator needs its answer, not a stack trace; the log keeps the whole exception.
    app.Services.GetRequiredService<ILogger<SiteCommand>>().LogCritical(e, "The catalog database could not be used");
    await Console.Error.WriteLineAsync($"FilmCatalog cannot start: the catalog database (ConnectionStrings:Catalog) answered: {e.Message}");
    return 2;
}

app.UseSite();
await app.RunAsync();
return 0;
