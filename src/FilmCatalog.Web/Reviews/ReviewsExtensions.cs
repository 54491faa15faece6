using FilmCatalog.Web.Data;

namespace FilmCatalog.Web.Reviews;

public static class ReviewsExtensions
{
    /// <summary>Reviews: the Markdown pipeline (also used by the importer), visitor identity, posting, voting and reporting.</summary>
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReviewMarkdown>();
        builder.Services.AddSingleton<VisitorIdentity>();
        var keys = Path.Combine(builder.Configuration.DataFolder(builder.Environment.ContentRootPath), "keys");
        builder.Services.AddSingleton(_ => ClientAddress.FromConfiguration(builder.Configuration, keys));
        builder.Services.AddSingleton(new VoteLimits(builder.Configuration.GetValue("Reviews:CountedVotesPerAddress", VoteLimits.DefaultCountedPerAddress)));
        builder.Services.AddScoped<ReviewPosting>();
        builder.Services.AddScoped<ReviewVoting>();
        builder.Services.AddScoped<ReviewReporting>();
        return builder;
    }
}
