using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Importing;
using FilmCatalog.Web.Moderation;
using FilmCatalog.Web.Reviews;

var (command, siteArgs) = SiteCommand.Parse(args);

var builder = WebApplication.CreateBuilder(siteArgs);
command?.Configure(builder);
builder.AddSiteLogging();
builder.AddCatalog();
builder.AddImporting();
builder.AddReviews();
builder.AddModeration();
builder.AddSite();

var app = builder.Build();

if (command is not null)
    return await command.RunAsync(app);

await app.InitializeCatalogAsync();
app.UseSite();
await app.RunAsync();
return 0;
