using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Pages.Shared;

/// <summary>What a visitor calls each credit.</summary>
public static class RoleNames
{
    public static string Noun(CreditRole role) => role switch
    {
        CreditRole.Cast => "Actor",
        CreditRole.Director => "Director",
        CreditRole.Writer => "Writer",
        CreditRole.Star => "Star",
        CreditRole.SongWriter => "Songwriter",
        CreditRole.SongPerformer => "Song performer",
        _ => role.ToString(),
    };
}
