using System.Globalization;

namespace FilmCatalog.Web.Catalog;

/// <summary>
/// What a title is, as its title line says: "Halo 3 (Video Game 2007)", "(TV Series 1994–2004)",
/// "Duel (1971) (TV)". A title line with no kind is a film's. Stored as its number, like the other
/// enums of the catalog: never renumber.
/// </summary>
public enum TitleKind
{
    Film = 1,
    TvMovie = 2,
    TvSeries = 3,
    TvMiniSeries = 4,
    TvEpisode = 5,
    TvShort = 6,
    TvSpecial = 7,
    Video = 8,
    VideoGame = 9,
    Short = 10,
}

/// <summary>The kinds as the source prints them and as the site shows them.</summary>
public static class TitleKinds
{
    /// <summary>
    /// The kind a title line names: "TV Series", "Video Game", and the abbreviations after the year,
    /// "(TV)" a TV movie, "(V)" a video, "(VG)" a video game. Null for anything else.
    /// </summary>
    public static TitleKind? Parse(string? printed) => printed switch
    {
        "TV Movie" or "TV" => TitleKind.TvMovie,
        "TV Series" => TitleKind.TvSeries,
        "TV Mini-Series" => TitleKind.TvMiniSeries,
        "TV Episode" => TitleKind.TvEpisode,
        "TV Short" => TitleKind.TvShort,
        "TV Special" => TitleKind.TvSpecial,
        "Video" or "V" => TitleKind.Video,
        "Video Game" or "VG" => TitleKind.VideoGame,
        "Short" => TitleKind.Short,
        _ => null,
    };

    /// <summary>"TV Series", "Video Game"; null for a film and for a kind not known, which lists and pages leave unsaid.</summary>
    public static string? Label(TitleKind? kind) => kind switch
    {
        TitleKind.TvMovie => "TV Movie",
        TitleKind.TvSeries => "TV Series",
        TitleKind.TvMiniSeries => "TV Mini-Series",
        TitleKind.TvEpisode => "TV Episode",
        TitleKind.TvShort => "TV Short",
        TitleKind.TvSpecial => "TV Special",
        TitleKind.Video => "Video",
        TitleKind.VideoGame => "Video Game",
        TitleKind.Short => "Short",
        _ => null,
    };

    /// <summary>"1994", a run "1994–2004", an open run "2005–"; null without a year.</summary>
    public static string? Years(int? year, int? endYear, bool isOpenRun) => year switch
    {
        null => null,
        { } start when endYear is { } end && end != start => FormattableString.Invariant($"{start}\u2013{end}"),
        { } start when isOpenRun => start.ToString(CultureInfo.InvariantCulture) + "\u2013",
        { } start => start.ToString(CultureInfo.InvariantCulture),
    };
}
