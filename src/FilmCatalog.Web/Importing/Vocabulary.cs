namespace FilmCatalog.Web.Importing;

/// <summary>
/// The words the source site itself uses: its genres, certificate systems, connection verbs, goof
/// categories, soundtrack credits, headings and qualifiers. They are the site's vocabulary, not any
/// film's; the readers weigh a line against them. A word outside them is kept where the line's shape
/// says it belongs, with a warning, never dropped.
/// </summary>
internal static class Vocabulary
{
    /// <summary>The source's list of genres.</summary>
    public static readonly HashSet<string> Genres = new(StringComparer.OrdinalIgnoreCase)
    {
        "Action", "Adult", "Adventure", "Animation", "Biography", "Comedy", "Crime", "Documentary",
        "Drama", "Family", "Fantasy", "Film-Noir", "Film Noir", "Game-Show", "History", "Horror", "Music",
        "Musical", "Mystery", "News", "Reality-TV", "Romance", "Sci-Fi", "Science Fiction", "Short",
        "Sport", "Talk-Show", "Thriller", "War", "Western",
    };

    /// <summary>
    /// Certificates of the rating systems a title page prints ("Certificate: 15", "UK:15", "FSK 12"),
    /// beyond the MPAA's. A bare value is a certificate only in a certificate's place (a header line's
    /// segment, a certificate heading); elsewhere "15" is just a number.
    /// </summary>
    public static readonly HashSet<string> Certificates = new(StringComparer.OrdinalIgnoreCase)
    {
        // MPAA and US television
        "G", "PG", "PG-13", "R", "NC-17", "NR", "X", "M", "GP", "Unrated", "Not Rated", "Approved", "Passed",
        "TV-Y", "TV-Y7", "TV-G", "TV-PG", "TV-14", "TV-MA",
        // BBFC (UK), IFCO (Ireland)
        "U", "Uc", "A", "AA", "H", "12", "12A", "15", "15A", "16", "18", "R18", "E",
        // FSK (Germany), CNC (France), and the age-number systems of most of Europe
        "0", "6", "7", "9", "10", "11", "13", "14", "-12", "-16", "-18", "o.Al.", "FSK 0", "FSK 6", "FSK 12", "FSK 16", "FSK 18", "K-7", "K-12", "K-16", "K-18", "Btl", "T", "S",
        // Australia, New Zealand, Canada, Brazil, India
        "MA", "MA15+", "M15+", "R18+", "X18+", "RP13", "RP16", "R13", "R15", "R16", "14A", "18A", "L", "UA", "Livre",
    };

    /// <summary>Countries the source names as a rating system, in "Certificate: UK:15 | USA:R".</summary>
    public const string CertificateCountries =
        "USA|UK|Canada|Ireland|Germany|West Germany|France|Italy|Spain|Portugal|Netherlands|Belgium|Switzerland|Austria|Sweden|Norway|Denmark|Finland|Iceland|Poland|Hungary|Czech Republic|Slovakia|Greece|Turkey|Russia|Japan|South Korea|Hong Kong|Singapore|Malaysia|Philippines|India|Australia|New Zealand|Brazil|Argentina|Mexico|Chile|Peru|Colombia|South Africa|Israel|Iran|Taiwan|China|Indonesia|Thailand|Estonia|Latvia|Lithuania|Quebec|Ontario";

    public static readonly string[] SoundtrackCreditStarts =
    [
        "Written by", "Performed by", "Composed by", "Music by", "Lyrics by", "Courtesy of", "Produced by",
        "Arranged by", "Conducted by", "Under license from", "By arrangement with", "Written and performed by",
        "Words and music by", "Music and lyrics by", "Sung by", "Played by", "Traditional",
    ];

    public static readonly HashSet<string> GoofCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "Continuity", "Factual errors", "Anachronisms", "Revealing mistakes", "Errors in geography",
        "Crew or equipment visible", "Plot holes", "Audio/visual unsynchronized", "Character error",
        "Incorrectly regarded as goofs", "Miscellaneous", "Boom mic visible", "Errors made by characters (possibly deliberate errors)",
    };

    /// <summary>
    /// Phrases that describe a mistake in a film. A did-you-know item without its category prefix is
    /// a goof when it speaks this language; one phrase is a hint, two are evidence.
    /// </summary>
    public static readonly string[] GoofLanguage =
    [
        "visible", "can be seen", "is seen", "are seen", "in the next shot", "in one shot", "between shots", "from shot to shot",
        "in the following shot", "changes from", "changes to", "change between", "switches", "disappears", "reappears",
        "wasn't invented", "was not invented", "weren't invented", "didn't exist", "did not exist", "not introduced until",
        "wasn't released until", "was not released until", "not available until", "not built until", "anachronis",
        "boom mic", "microphone", "crew member", "camera crew", "reflection of", "stunt double", "continuity",
        "is wrong", "was wrong", "incorrect", "inaccurate", "mistake", "despite", "even though",
    ];

    public const string ConnectionVerbs =
        @"Featured in|Referenced in|References|Followed by|Follows|Remade as|Remake of|Spoofed in|Spoofs|Edited into|Edited from|Alternate-language version of|Version of|Spin-off from|Spin-off|Spun-off from|Features|Parodied in|Parodies";

    /// <summary>
    /// Words of a qualifier in parentheses after an also-known-as title or a date: "(working title)",
    /// "(International: English title)", "(video)". A trailing group made of none of them, and naming
    /// no country, belongs to the title itself: "Tokyo (Again)".
    /// </summary>
    public static readonly HashSet<string> QualifierWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "titles", "version", "release", "re-release", "reissue", "working", "video", "tv", "dvd", "vhs", "blu-ray",
        "festival", "premiere", "limited", "dubbed", "subtitled", "cut", "alternative", "alternate", "literal", "translation",
        "english", "international", "original", "new", "short", "informal", "poster", "promotional", "copyright", "review",
        "imdb", "display", "series", "episode", "cable", "theatrical", "restored", "director's", "extended", "rough",
        "estimated", "worldwide", "weekend", "screens", "market", "script", "transliterated", "reissue", "archive",
    };

    /// <summary>Country names as the source prints them in qualifiers, besides those the page itself names.</summary>
    public static readonly HashSet<string> Countries = new(
        CertificateCountries.Split('|').Concat(
        [
            "Soviet Union", "USSR", "Yugoslavia", "Czechoslovakia", "East Germany", "Serbia", "Croatia", "Slovenia", "Bulgaria",
            "Romania", "Ukraine", "Belarus", "Georgia", "Armenia", "Kazakhstan", "Egypt", "Morocco", "Tunisia", "Algeria", "Nigeria",
            "Kenya", "Senegal", "Lebanon", "Syria", "Jordan", "Iraq", "Pakistan", "Bangladesh", "Sri Lanka", "Nepal", "Vietnam",
            "Cuba", "Venezuela", "Uruguay", "Bolivia", "Ecuador", "Paraguay", "Luxembourg", "Monaco", "Malta", "Cyprus",
            "Albania", "Bosnia and Herzegovina", "North Macedonia", "Macedonia", "Moldova", "Mongolia", "UAE", "Qatar",
            "Saudi Arabia", "Puerto Rico", "Jamaica", "Trinidad and Tobago", "Korea", "North Korea", "Scotland", "Wales",
            "England", "Northern Ireland", "Faroe Islands", "Greenland", "Liechtenstein", "Andorra", "San Marino",
        ]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Segments of the site's footer and chrome that are navigation, whole ("Terms of Use | Privacy Policy").</summary>
    public static readonly HashSet<string> FooterPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "Contribute to This Page", "Getting Started", "Contributor Zone", "Edit page", "Add episode", "Add to Watchlist",
        "Terms of Use", "Privacy Policy", "Interest-Based Ads", "IMDb Everywhere", "An Amazon.com Company", "Site Index",
        "IMDbPro", "Box Office Mojo", "Withoutabox", "Press Room", "Advertising", "Jobs", "Conditions of Use", "Message Boards",
        "Recently Viewed", "Clear your history", "Top Rated Movies", "Most Popular Movies",
    };

    /// <summary>Openings of footer lines whose rest varies: "Copyright © 1990-2013 ...".</summary>
    public static readonly string[] FooterOpenings =
    [
        "Copyright ©", "Copyright (c)", "© 19", "© 20", "Discuss this title with other users", "Find showtimes, watch trailers",
        "Follow IMDb on", "IMDb Mobile site",
    ];
}
