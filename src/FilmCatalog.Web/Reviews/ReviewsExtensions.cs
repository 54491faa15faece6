using FilmCatalog.Web.Data;

namespace FilmCatalog.Web.Reviews;

public static class ReviewsExtensions
{
    /// <summary>Reviews: the Markdown pipeline (also used by the importer), visitor identity, posting, editing, voting and reporting.</summary>
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReviewMarkdown>();
        builder.Services.AddSingleton<VisitorIdentity>();
        var keys = Path.Combine(builder.Configuration.DataFolder(builder.Environment.ContentRootPath), "keys");
        // A key that is set is checked now, so a wrong one stops the start rather than the first vote.
        if (ClientAddress.Configured(builder.Configuration) is { } configured)
            builder.Services.AddSingleton(configured);
        else
            builder.Services.AddSingleton(_ => ClientAddress.FromKeysFolder(keys));
        builder.Services.AddSingleton(new VoteLimits(builder.Configuration.GetValue("Reviews:CountedVotesPerAddress", VoteLimits.DefaultCountedPerAddress)));
        builder.Services.AddScoped<ReviewPosting>();
        builder.Services.AddScoped<ReviewEditing>();
        builder.Services.AddScoped<ReviewVoting>();
        builder.Services.AddScoped<ReviewReporting>();
        return builder;
    }
}
