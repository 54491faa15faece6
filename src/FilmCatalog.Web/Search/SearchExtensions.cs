using FilmCatalog.Web.Browse;

namespace FilmCatalog.Web.Search;

public static class SearchExtensions
{
    /// <summary>Search, the browse lists, and the derived indexes they read (the provider's <see cref="ISearchIndex"/> is registered with the catalog).</summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CatalogSearch>();
        builder.Services.AddScoped<CatalogIndexes>();
        builder.Services.AddScoped<TitleLists>();
        return builder;
    }
}
