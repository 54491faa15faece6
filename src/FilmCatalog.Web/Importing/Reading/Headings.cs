namespace FilmCatalog.Web.Importing.Reading;

/// <summary>What a section heading names within its part.</summary>
internal enum SectionKind
{
    Whole,
    Storyline,
    Certificate,
    Trivia,
    Goofs,
    Quotes,
    CrazyCredits,
    Connections,
    Soundtracks,
}

/// <summary>The heading whose values the next lines hold ("Release Date:" then "14 October 1987 (France)").</summary>
internal enum Field
{
    None,
    Storyline,
    Taglines,
    Genres,
    Certificate,
    ReleaseDates,
    AlsoKnownAs,
    FilmingLocations,
    Countries,
    Languages,
    Runtime,
    Color,
    SoundMix,
    AspectRatio,
    BoxOffice,
    Companies,
    Directors,
    Writers,

    /// <summary>A series' "Creators:": the catalog has no creator role, so they are its writers, noted "(creator)".</summary>
    Creators,
    Stars,
    Rating,
    ReviewCounts,
    Metascore,

    /// <summary>"Trivia: ..." and its kin in the 2010-2011 layout: an item with its label on one line.</summary>
    DidYouKnowItem,

    /// <summary>A heading the catalog keeps nothing for (its values were links): values become warnings.</summary>
    Unkept,
}

/// <summary>Which part each heading of the site belongs to.</summary>
internal static class Headings
{
    public static (PagePart Part, SectionKind Kind)? Section(string heading)
    {
        var h = heading.Trim().TrimEnd(':').Trim().ToLowerInvariant();
        return h switch
        {
            _ when h.StartsWith("people who liked", StringComparison.Ordinal) || h == "recommendations" => (PagePart.Cards, SectionKind.Whole),
            _ when h.StartsWith("cast", StringComparison.Ordinal) || h.Contains("credited cast", StringComparison.Ordinal)
                || h.StartsWith("rest of cast", StringComparison.Ordinal) => (PagePart.Cast, SectionKind.Whole),
            "storyline" => (PagePart.Storyline, SectionKind.Storyline),
            _ when h.StartsWith("motion picture rating", StringComparison.Ordinal) => (PagePart.Storyline, SectionKind.Certificate),
            "details" => (PagePart.Details, SectionKind.Whole),
            "box office" => (PagePart.BoxOffice, SectionKind.Whole),
            "company credits" => (PagePart.Companies, SectionKind.Whole),
            "technical specs" => (PagePart.TechSpecs, SectionKind.Whole),
            "did you know" or "did you know?" => (PagePart.DidYouKnow, SectionKind.Whole),
            "trivia" => (PagePart.DidYouKnow, SectionKind.Trivia),
            "goofs" => (PagePart.DidYouKnow, SectionKind.Goofs),
            "quotes" => (PagePart.DidYouKnow, SectionKind.Quotes),
            "crazy credits" => (PagePart.DidYouKnow, SectionKind.CrazyCredits),
            "connections" or "movie connections" => (PagePart.DidYouKnow, SectionKind.Connections),
            "soundtrack" or "soundtracks" => (PagePart.DidYouKnow, SectionKind.Soundtracks),
            "frequently asked questions" or "faq" => (PagePart.Faq, SectionKind.Whole),
            "user reviews" => (PagePart.Reviews, SectionKind.Whole),
            _ => null,
        };
    }

    public static (PagePart Part, Field Field) Field(string heading)
    {
        var h = heading.Trim().ToLowerInvariant();
        return h switch
        {
            _ when h.StartsWith("release date", StringComparison.Ordinal) => (PagePart.Details, Reading.Field.ReleaseDates),
            "also known as" => (PagePart.Details, Reading.Field.AlsoKnownAs),
            _ when h.StartsWith("filming location", StringComparison.Ordinal) => (PagePart.Details, Reading.Field.FilmingLocations),
            "country" or "countries" => (PagePart.Details, Reading.Field.Countries),
            "language" or "languages" => (PagePart.Details, Reading.Field.Languages),
            _ when h.StartsWith("official site", StringComparison.Ordinal) => (PagePart.Details, Reading.Field.Unkept),
            _ when h.StartsWith("budget", StringComparison.Ordinal) || h.StartsWith("opening weekend", StringComparison.Ordinal)
                || h.Contains("gross", StringComparison.Ordinal) => (PagePart.BoxOffice, Reading.Field.BoxOffice),
            _ when h.StartsWith("production co", StringComparison.Ordinal) => (PagePart.Companies, Reading.Field.Companies),
            "runtime" => (PagePart.TechSpecs, Reading.Field.Runtime),
            "color" or "colour" => (PagePart.TechSpecs, Reading.Field.Color),
            "sound mix" => (PagePart.TechSpecs, Reading.Field.SoundMix),
            "aspect ratio" => (PagePart.TechSpecs, Reading.Field.AspectRatio),
            "tagline" or "taglines" => (PagePart.Storyline, Reading.Field.Taglines),
            "genre" or "genres" => (PagePart.Storyline, Reading.Field.Genres),
            _ when h.StartsWith("certifica", StringComparison.Ordinal) || h.StartsWith("motion picture rating", StringComparison.Ordinal) => (PagePart.Storyline, Reading.Field.Certificate),
            "plot keywords" or "parents guide" => (PagePart.Storyline, Reading.Field.Unkept),
            "director" or "directors" => (PagePart.Header, Reading.Field.Directors),
            "creator" or "creators" => (PagePart.Header, Reading.Field.Creators),
            _ when h.StartsWith("writer", StringComparison.Ordinal) => (PagePart.Header, Reading.Field.Writers),
            "star" or "stars" => (PagePart.Header, Reading.Field.Stars),
            "rating" or "ratings" => (PagePart.Header, Reading.Field.Rating),
            "reviews" => (PagePart.Header, Reading.Field.ReviewCounts),
            "metascore" => (PagePart.Header, Reading.Field.Metascore),
            "trivia" or "goofs" or "quotes" or "crazy credits" or "connections" or "movie connections" or "soundtrack" or "soundtracks"
                => (PagePart.DidYouKnow, Reading.Field.DidYouKnowItem),
            _ => (PagePart.Details, Reading.Field.Unkept),
        };
    }
}
