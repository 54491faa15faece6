using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Moderation;
using FilmCatalog.Web.Reviews;
using FilmCatalog.Web.Search;

var (command, siteArgs) = SiteCommand.Parse(args);

var builder = WebApplication.CreateBuilder(siteArgs);
command?.Configure(builder);
builder.AddSiteLogging();
builder.AddCatalog();
builder.AddImporting();
builder.AddReviews();
builder.AddSearch();
builder.AddModeration();
builder.AddSite();

var app = builder.Build();

if (command is not null)
    return await command.RunAsync(app);

await app.InitializeCatalogAsync();
app.UseSite();
await app.RunAsync();
return 0;
