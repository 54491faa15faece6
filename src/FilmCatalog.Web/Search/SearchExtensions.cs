namespace FilmCatalog.Web.Search;

public static class SearchExtensions
{
    /// <summary>Search and the derived indexes it reads (the provider's <see cref="ISearchIndex"/> is registered with the catalog).</summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CatalogSearch>();
        builder.Services.AddScoped<CatalogIndexes>();
        return builder;
    }
}
