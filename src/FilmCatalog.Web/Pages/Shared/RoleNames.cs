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

    /// <summary>The role's key in a people page's address (<c>?role=song-performer</c>).</summary>
    public static string Key(CreditRole role) => Noun(role).ToLowerInvariant().Replace(' ', '-');

    /// <summary>The role whose <see cref="Key"/> is <paramref name="key"/>, if any.</summary>
    public static CreditRole? FromKey(string? key) =>
        key is null ? null : Enum.GetValues<CreditRole>().Where(r => Key(r) == key).Select(r => (CreditRole?)r).FirstOrDefault();
}
