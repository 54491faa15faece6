namespace FilmCatalog.Web.Reviews;

public static class ReviewsExtensions
{
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VisitorIdentity>();
        builder.Services.AddScoped<ReviewPosting>();
        builder.Services.AddScoped<ReviewVoting>();
        builder.Services.AddScoped<ReviewReporting>();
        return builder;
    }
}
