namespace FilmCatalog.Web.Importing;

public static class ImportingExtensions
{
    /// <summary>The importer: title pages in, catalog rows out (the <c>import</c> command and first-start seeding).</summary>
    public static WebApplicationBuilder AddImporting(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CatalogImporter>();
        return builder;
    }
}
