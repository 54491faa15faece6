namespace FilmCatalog.Web.Reviews;

public static class ReviewsExtensions
{
    /// <summary>Reviews: the Markdown pipeline (also used by the importer), visitor identity, posting, voting and reporting.</summary>
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReviewMarkdown>();
        builder.Services.AddSingleton<VisitorIdentity>();
        builder.Services.AddScoped<ReviewPosting>();
        builder.Services.AddScoped<ReviewVoting>();
        builder.Services.AddScoped<ReviewReporting>();
        return builder;
    }
}
