using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// How the parts of a title page look once their headings or links are gone. Every method takes a
/// cleaned line and either recognises it or says no; none of them throws.
/// </summary>
internal static partial class Shapes
{
    /// <summary>Longer lines are paragraphs; the short-line shapes are not even tried on them.</summary>
    private const int ShortLine = 300;

    public static bool TryTitle(string text, out string name, out int? year) => TryTitle(text, out name, out year, out _);

    /// <summary>"Name (1996)", "Name (TV 1996)", "Tokyo (Again) (1994/I)": <paramref name="qualifier"/> is the "I".</summary>
    public static bool TryTitle(string text, out string name, out int? year, out string? qualifier)
    {
        var found = TryTitle(text, out TitleLineParts parts);
        (name, year, qualifier) = (parts.Name, parts.Year, parts.Qualifier);
        return found;
    }

    /// <summary>
    /// Every part of a title line. Also the kinds, normalised: "Halo 3 (Video Game 2007)", "Name (TV Short 1994)",
    /// "Duel (1971) (TV)" (a TV movie); a series' run, "(TV Series 1994–2004)", "(TV Series 2005–)" (open); and a year
    /// not known yet, "Untitled Project (????)" (no year).
    /// </summary>
    public static bool TryTitle(string text, out TitleLineParts parts)
    {
        parts = TitleLineParts.None;
        // Every title line ends with its year's parenthesis: most lines are rejected without a regex.
        if (text.Length > ShortLine || !text.EndsWith(')') || TryConnection(text, requireYear: true, out _))
        {
            return false;
        }

        var m = TitleLine().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var name = m.Groups["name"].Value.Trim();
        var year = ParseInt(m.Groups["year"].Value);
        var printed = m.Groups["kind"].Success ? m.Groups["kind"].Value : m.Groups["after"].Success ? m.Groups["after"].Value : null;
        var (endYear, open) = RunOf(m);
        parts = new TitleLineParts(name, year, m.Groups["q"].Success ? m.Groups["q"].Value : null, Catalog.TitleKinds.Parse(printed), endYear, open);
        var unknownYear = m.Groups["year"].Value == "????";
        return name.Length > 0 && (unknownYear || (year >= FirstFilmYear && year <= LastPlausibleYear));
    }

    /// <summary>The end of a run after the year: "–2004" is 2004, a dash alone is a run still open.</summary>
    private static (int? EndYear, bool IsOpenRun) RunOf(Match m) =>
        !m.Groups["dash"].Success ? (null, false)
        : m.Groups["end"].Success ? (ParseInt(m.Groups["end"].Value), false)
        : (null, true);

    /// <summary>The kinds of title the site prints before a year: "(TV Series 1994–2004)", "(Video Game 2007)".</summary>
    private const string TitleKinds = "TV Movie|TV Series|TV Episode|TV Mini-Series|TV Short|TV Special|TV|Video Game|Video|V|VG|Short";

    /// <summary>Films are from 1870 on; a "(3524)" is not a year of release but noise in parentheses.</summary>
    private const int FirstFilmYear = 1870;

    private static readonly int LastPlausibleYear = DateTime.UtcNow.Year + 20;

    public static bool TryReviewCounts(string text, out int? user, out int? critic) => TryReviewCounts(text, out user, out critic, out _);

    /// <summary>"13 user 21 critic", or the 2010-2011 layout's "Reviews: 31 user | 12 critic | 9 from Metacritic.com".</summary>
    public static bool TryReviewCounts(string text, out int? user, out int? critic, out int? metacritic)
    {
        user = null;
        critic = null;
        metacritic = null;
        if (text.Length > 120)
        {
            return false;
        }

        var m = ReviewCounts().Match(text);
        if (!m.Success || !(m.Groups["u"].Success || m.Groups["c"].Success || m.Groups["m"].Success))
        {
            return false;
        }

        user = m.Groups["u"].Success ? ParseInt(m.Groups["u"].Value) : null;
        critic = m.Groups["c"].Success ? ParseInt(m.Groups["c"].Value) : null;
        metacritic = m.Groups["m"].Success ? ParseInt(m.Groups["m"].Value) : null;
        return true;
    }

    /// <summary>"1,204 users" alone: the vote count of a rating printed on the line above.</summary>
    public static bool TryVoteCount(string text, out int votes)
    {
        votes = 0;
        var m = VoteCount().Match(text);
        if (!m.Success || ParseInt(m.Groups["v"].Value) is not { } v)
        {
            return false;
        }

        votes = v;
        return true;
    }

    /// <summary>"Metascore: 58/100" (alone, or at the end of a ratings line).</summary>
    public static bool TryMetascore(string text, out int metascore)
    {
        metascore = 0;
        var m = MetascoreAlone().Match(text);
        if (!m.Success || ParseInt(m.Groups["m"].Value) is not { } value || value > 100)
        {
            return false;
        }

        metascore = value;
        return true;
    }

    /// <summary>The title's own rating: "Ratings: 6.6/10 from 12,345 users", "6.6/10 12,345 users".</summary>
    public static bool TryTitleRating(string text, out double rating, out int? votes) => TryTitleRating(text, out rating, out votes, out _);

    /// <summary>Also the 2010-2011 layout's "Ratings: 6.4/10 from 3,118 users   Metascore: 58/100".</summary>
    public static bool TryTitleRating(string text, out double rating, out int? votes, out int? metascore)
    {
        rating = 0;
        votes = null;
        metascore = null;
        if (text.Length > 160)
        {
            return false;
        }

        var m = TitleRating().Match(text);
        if (!m.Success || !TryParseRating(m.Groups["r"].Value, out rating))
        {
            return false;
        }

        votes = m.Groups["v"].Success ? ParseInt(m.Groups["v"].Value) : null;
        metascore = m.Groups["ms"].Success && ParseInt(m.Groups["ms"].Value) is { } ms and <= 100 ? ms : null;
        return true;
    }

    /// <summary>"6.4" alone on its line: the title's rating as the 2012 layout's star box prints it.</summary>
    public static bool TryBareRating(string text, out double rating)
    {
        rating = 0;
        return text.Length <= 5 && BareRating().IsMatch(text) && TryParseRating(text, out rating);
    }

    /// <summary>
    /// A line that reads as a sentence: four words or more, some of them in small letters. A summary
    /// or a plot is one; a bare rating, "Watch Trailer" or "Your rating:" is not.
    /// </summary>
    public static bool IsSentenceLike(string text)
    {
        var words = 0;
        var inWord = false;
        var lower = false;
        foreach (var c in text)
        {
            lower |= char.IsLower(c);
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words >= 4 && lower;
    }

    /// <summary>A card's rating widget: "1 2 3 4 5 6 7 8 9 10 6.8/10 X", or "... -/10 X" for a film nobody rated (<paramref name="rating"/> null).</summary>
    public static bool TryCardRating(string text, out double? rating)
    {
        rating = null;
        if (text.Length > 80 || CardRating().Match(text) is not { Success: true } m)
        {
            return false;
        }

        if (!m.Groups["r"].Success)
        {
            return true;
        }

        var read = TryParseRating(m.Groups["r"].Value, out var value);
        rating = read ? value : null;
        return read;
    }

    public static bool IsAwards(string text) => text.Length <= ShortLine && Awards().IsMatch(text);

    /// <summary>"(as Someone)," left over from a lost credit link; gives "as Someone".</summary>
    public static bool TryCreditFragments(string text, out List<string> fragments)
    {
        fragments = [];
        if (text.Length > ShortLine || !CreditFragmentLine().IsMatch(text))
        {
            return false;
        }

        foreach (Match m in CreditFragment().Matches(text))
        {
            var fragment = m.Groups["f"].Value.Trim();
            if (fragment.Length > 0)
            {
                fragments.Add(fragment);
            }
        }

        return fragments.Count > 0;
    }

    /// <summary>A synopsis paragraph signed "Written by Someone" at its end.</summary>
    public static bool TryStoryline(string text, out string storyline, out string author)
    {
        storyline = "";
        author = "";
        const string marker = " Written by ";
        var at = text.LastIndexOf(marker, StringComparison.Ordinal);
        if (at < 40)
        {
            return false;
        }

        storyline = text[..at].Trim();
        author = text[(at + marker.Length)..].Trim().Trim('<', '>').Trim();
        return author.Length is > 0 and <= 100
            && storyline.Length > 0
            && ".!?\"')…]".Contains(storyline[^1], StringComparison.Ordinal);
    }

    /// <summary>"Drama | War": every part a genre-like word, and at least one a known genre.</summary>
    public static bool TryGenres(string text, out List<string> genres) => TryGenres(text, out genres, out _);

    /// <summary>
    /// A genres line: every part genre-shaped (one to three capitalised words), at least one of them a
    /// genre of the source's list. Parts outside the list are kept and named in <paramref name="unknown"/>.
    /// </summary>
    public static bool TryGenres(string text, out List<string> genres, out List<string> unknown)
    {
        genres = [];
        unknown = [];
        if (text.Length > 200)
        {
            return false;
        }

        // Letters, spaces, hyphens and separators only: anything else is not a genres line (checked before splitting).
        foreach (var c in text)
        {
            if (!char.IsLetter(c) && c is not (' ' or '|' or ',' or '-' or '\''))
            {
                return false;
            }
        }

        var known = 0;
        foreach (var part in text.Split('|', ','))
        {
            var genre = part.Trim();
            if (!GenreWord().IsMatch(genre))
            {
                genres = [];
                unknown = [];
                return false;
            }

            if (Vocabulary.Genres.Contains(genre))
            {
                known++;
            }
            else
            {
                unknown.Add(genre);
            }

            genres.Add(genre);
        }

        // "Comedy, Paris" is a place after a genre, not two genres: unknown words need pipes (the source's genre separator).
        return known > 0 && (unknown.Count == 0 || text.Contains('|', StringComparison.Ordinal));
    }

    /// <summary>"Rated PG-13 for some violence" → certificate "PG-13", reason "for some violence".</summary>
    public static bool TryRated(string text, out string certificate, out string? reason)
    {
        certificate = "";
        reason = null;
        if (text.Length > ShortLine)
        {
            return false;
        }

        var m = Rated().Match(text);
        if (!m.Success)
        {
            return false;
        }

        certificate = m.Groups["c"].Value;
        reason = NullIfEmpty(m.Groups["r"].Value);
        return true;
    }

    public static bool TryRuntime(string text, out int minutes)
    {
        minutes = 0;

        // "104 min", "1h 44min", "2 hours": a digit is needed, and an 'h' or "min" (cheap checks before two unanchored regexes).
        if (!text.AsSpan().ContainsAnyInRange('0', '9') || (!text.Contains("min", StringComparison.OrdinalIgnoreCase) && !text.Contains('h', StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var hours = HoursMinutes().Match(text);
        if (hours.Success)
        {
            var h = ParseInt(hours.Groups["h"].Value) ?? 0;
            var min = hours.Groups["m"].Success ? ParseInt(hours.Groups["m"].Value) ?? 0 : 0;
            minutes = (h * 60) + min;
            return minutes > 0;
        }

        var m = Minutes().Match(text);
        if (m.Success && ParseInt(m.Groups["m"].Value) is { } value)
        {
            minutes = value;
            return true;
        }

        return false;
    }

    public static bool IsReleaseDate(string text) =>
        text.Length <= 120 && ReleaseDateValue().IsMatch(text);

    /// <summary>"Featured in Other Film (2007)" and the other connection verbs.</summary>
    public static bool TryConnection(string text, bool requireYear, out ParsedConnection connection)
    {
        connection = new ParsedConnection("", "", null, null);
        if (text.Length > 500)
        {
            return false;
        }

        var m = Connection().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var kind = m.Groups["kind"].Value;
        var rest = m.Groups["rest"].Value.Trim();
        var titled = ConnectionTitle().Match(rest);
        if (titled.Success)
        {
            var note = NullIfEmpty(titled.Groups["note"].Value.Trim().TrimStart('-', '–', ':').Trim());
            var (endYear, open) = RunOf(titled);
            connection = new ParsedConnection(
                Capitalise(kind), titled.Groups["name"].Value.Trim(), ParseInt(titled.Groups["year"].Value), note)
            {
                OtherYearQualifier = titled.Groups["q"].Success ? titled.Groups["q"].Value : null,
                OtherKind = Catalog.TitleKinds.Parse(titled.Groups["kind"].Success ? titled.Groups["kind"].Value : titled.Groups["after"].Success ? titled.Groups["after"].Value : null),
                OtherEndYear = endYear,
                OtherIsOpenRun = open,
            };
            return connection.OtherName.Length > 0;
        }

        if (requireYear || rest.Length == 0)
        {
            return false;
        }

        connection = new ParsedConnection(Capitalise(kind), rest, null, null);
        return true;
    }

    /// <summary>A line that is only a connection verb: the heading of a list under "Connections".</summary>
    public static bool TryConnectionVerb(string text, out string kind)
    {
        kind = "";
        var m = ConnectionVerbOnly().Match(text);
        if (!m.Success)
        {
            return false;
        }

        kind = Capitalise(m.Groups["kind"].Value);
        return true;
    }

    public static bool IsSoundtrackCredit(string text)
    {
        foreach (var start in Vocabulary.SoundtrackCreditStarts)
        {
            if (text.StartsWith(start, StringComparison.OrdinalIgnoreCase)
                && (text.Length == start.Length || !char.IsLetter(text[start.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits a line before each soundtrack credit it holds: "Song Written by A Performed by B" gives three parts.</summary>
    public static List<string> SplitSoundtrackCredits(string text)
    {
        var cuts = new List<int>();
        foreach (var start in Vocabulary.SoundtrackCreditStarts)
        {
            for (var at = text.IndexOf(" " + start + " ", StringComparison.Ordinal); at >= 0; at = text.IndexOf(" " + start + " ", at + 1, StringComparison.Ordinal))
            {
                cuts.Add(at + 1);
            }
        }

        cuts.Sort();
        var parts = new List<string>();
        var from = 0;
        foreach (var cut in cuts.Distinct())
        {
            if (cut > from)
            {
                parts.Add(text[from..cut].Trim());
                from = cut;
            }
        }

        parts.Add(text[from..].Trim());
        return parts;
    }

    /// <summary>A goof printed with its category: "Continuity: ...".</summary>
    public static bool IsGoof(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Vocabulary.GoofCategories.Contains(text[..colon]);
    }

    /// <summary>How many of the goof phrases (<see cref="Vocabulary.GoofLanguage"/>) the text uses.</summary>
    public static int GoofPhrases(string text)
    {
        // One multi-string search (SearchValues) instead of a scan per phrase; a phrase counts once.
        var count = 0;
        var seen = 0UL;
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(GoofLanguage); at >= 0; at = rest.IndexOfAny(GoofLanguage))
        {
            var index = PhraseAt(rest[at..]);
            if (index >= 0 && (seen & (1UL << index)) == 0)
            {
                seen |= 1UL << index;
                count++;
            }

            rest = rest[(at + 1)..];
        }

        return count;
    }

    private static int PhraseAt(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < Vocabulary.GoofLanguage.Length; i++)
        {
            if (text.StartsWith(Vocabulary.GoofLanguage[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly SearchValues<string> GoofLanguage = SearchValues.Create(Vocabulary.GoofLanguage, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "Character: line" or a stage direction "[they leave]". <paramref name="speaker"/> is what
    /// stands before the colon; whether it is a speaker is for the reader to weigh (a character of
    /// the cast list, a name-shaped word), since trivia may have a colon too.
    /// </summary>
    public static bool IsQuoteLine(string text, out string? speaker)
    {
        speaker = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 0 and <= 62 && text.Length <= 2000 && QuoteLine().Match(text) is { Success: true } m && !IsGoof(text)
            && !text.StartsWith("Director Cameo", StringComparison.OrdinalIgnoreCase)
            && !text.StartsWith("Spoilers", StringComparison.OrdinalIgnoreCase))
        {
            speaker = m.Groups["s"].Value.Trim();
            return true;
        }

        return text.StartsWith('[') && text.EndsWith(']');
    }

    /// <summary>
    /// A speaker as quotes name them: one to four words, each capitalised or a particle
    /// ("Yann", "Mrs. Kerbrat", "Old Man", "Jean de la Croix"), not a sentence's opening.
    /// </summary>
    public static bool LooksLikeSpeaker(string speaker) => speaker.Length <= 40 && SpeakerName().IsMatch(speaker);

    public static bool IsFaqEmpty(string text) => text.StartsWith("This FAQ is empty", StringComparison.OrdinalIgnoreCase);

    /// <summary>"*** This review may contain spoilers ***", or in older captures "*** This comment may contain spoilers ***".</summary>
    public static bool IsSpoilerWarning(string text) =>
        text.Length < 80 && (text.Contains("review may contain spoilers", StringComparison.OrdinalIgnoreCase)
            || text.Contains("comment may contain spoilers", StringComparison.OrdinalIgnoreCase));

    /// <summary>"2 of 2 people found this review helpful." (or, in older captures, "the following review useful:").</summary>
    public static bool TryHelpful(string text, out int helpful, out int voted, out bool aboveReview)
    {
        helpful = 0;
        voted = 0;
        aboveReview = false;
        if (text.Length > 200)
        {
            return false;
        }

        var m = Helpful().Match(text);
        if (!m.Success || ParseInt(m.Groups["n"].Value) is not { } n || ParseInt(m.Groups["m"].Value) is not { } total)
        {
            return false;
        }

        helpful = n;
        voted = total;
        aboveReview = m.Groups["following"].Success;
        return true;
    }

    public static bool TryReviewDate(string text, out DateOnly? date, out string? author) => TryReviewDate(text, out date, out author, out _);

    /// <summary>"2 March 2005 | by Someone (Place)": the date, and the author and their place when the link kept its text.</summary>
    public static bool TryReviewDate(string text, out DateOnly? date, out string? author, out string? place)
    {
        date = null;
        author = null;
        place = null;
        if (text.Length > 200)
        {
            return false;
        }

        var m = ReviewDate().Match(text);
        if (!m.Success)
        {
            return false;
        }

        date = ParseDate(m.Groups["date"].Value);
        if (date is null)
        {
            return false;
        }

        (author, place) = m.Groups["by"].Success ? AuthorAndPlace(m.Groups["by"].Value) : (null, null);
        return true;
    }

    public static bool TryAuthorFrom(string text, out string author) => TryAuthorFrom(text, out author, out _);

    /// <summary>"Someone from Some Place", the line under the date (or above it) in some captures.</summary>
    public static bool TryAuthorFrom(string text, out string author, out string place)
    {
        author = "";
        place = "";
        if (text.Length > 100)
        {
            return false;
        }

        // "Author: jbond007 from United States", "Author: from Colchester", "Author: jbond007": the label is not the name.
        if (AuthorLabel().Match(text) is { Success: true } labelled)
        {
            var rest = labelled.Groups["rest"].Value.Trim();
            if (rest.StartsWith("from ", StringComparison.Ordinal))
            {
                place = rest[5..].Trim();
                return place.Length > 0;
            }

            var (name, at) = AuthorFrom().Match(rest) is { Success: true } with
                ? (with.Groups["name"].Value.Trim(), with.Groups["place"].Value.Trim())
                : (rest, "");
            (author, place) = (name, at);
            return author.Length is > 0 and <= 60;
        }

        if (!text.Contains(" from ", StringComparison.Ordinal))
        {
            return false;
        }

        var m = AuthorFrom().Match(text);
        if (!m.Success)
        {
            return false;
        }

        author = m.Groups["name"].Value.Trim();
        place = m.Groups["place"].Value.Trim();
        return author.Length > 0;
    }

    public static bool TryReviewRating(string text, out int rating)
    {
        rating = 0;
        var m = ReviewRating().Match(text);
        if (m.Success && ParseInt(m.Groups["n"].Value) is { } n and >= 0 and <= 10)
        {
            rating = n;
            return true;
        }

        // A row of stars is the source's picture of the rating: one star a point.
        if (text.Length is > 0 and <= 10 && text.All(c => c == '*'))
        {
            rating = text.Length;
            return true;
        }

        return false;
    }

    /// <summary>
    /// An actor's name before "...": short, and not the end of a sentence, though a name may end in a
    /// suffix or initials ("Harry Connick Jr.", "Louis C.K.").
    /// </summary>
    public static bool LooksLikeCastName(string text) => text.Length <= 80 && (!text.EndsWith('.') || NameEndingInDot().IsMatch(text));

    /// <summary>Splits "Fisherman (uncredited)" into "Fisherman" and "uncredited"; several notes join with ", ".</summary>
    public static (string? Main, string? Note) SplitTrailingNotes(string text)
    {
        var notes = new List<string>();
        var rest = text.Trim();
        while (rest.EndsWith(')'))
        {
            var open = rest.LastIndexOf('(');
            if (open < 0 || rest.IndexOf(')', open) != rest.Length - 1)
            {
                break;
            }

            var note = rest[(open + 1)..^1].Trim();
            if (note.Length > 0)
            {
                notes.Insert(0, note);
            }

            rest = rest[..open].TrimEnd().TrimEnd(',').TrimEnd();
        }

        return (NullIfEmpty(rest), notes.Count == 0 ? null : string.Join(", ", notes));
    }

    /// <summary>Splits on commas outside parentheses, so "Name (screenplay, story)" stays whole.</summary>
    public static List<string> SplitList(string text, bool alsoPipes = true)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ',';
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if ((c == ',' || (alsoPipes && c == '|')) && (depth == 0 || i == text.Length))
            {
                var item = text[start..i].Trim();
                if (item.Length > 0)
                {
                    items.Add(item);
                }

                start = i + 1;
            }
        }

        return items;
    }

    /// <summary>
    /// A credit list of names: "Tommy Lee Jones, Javier Bardem and Kelly Macdonald", "Ethan Coen
    /// (written by) &amp; Joel Coen (written by)". Splits on commas and pipes, and on " and " and
    /// " &amp; " outside parentheses.
    /// </summary>
    public static List<string> SplitCredits(string text)
    {
        var names = new List<string>();
        foreach (var item in SplitList(text, alsoPipes: true))
        {
            var depth = 0;
            var start = 0;
            for (var i = 0; i < item.Length; i++)
            {
                depth += item[i] == '(' ? 1 : item[i] == ')' && depth > 0 ? -1 : 0;
                if (depth == 0 && item[i] == ' ' && CreditJoin().Match(item, i) is { Success: true } join)
                {
                    AddTrimmed(names, item[start..i]);
                    start = i + join.Length;
                    i = start - 1;
                }
            }

            AddTrimmed(names, item[start..]);
        }

        return names;

        static void AddTrimmed(List<string> names, string name)
        {
            if (name.Trim() is { Length: > 0 } trimmed)
            {
                names.Add(trimmed);
            }
        }
    }

    /// <summary>
    /// Splits "A (x), B (y)" into facts, and takes trailing parentheses as the qualifier when they
    /// read as one: a country (<see cref="Vocabulary.Countries"/> or one the page names, in
    /// <paramref name="countries"/>), a date, or qualifier words ("working title"). Any other group
    /// is part of the text: "Tokyo (Again) (Japan)" is "Tokyo (Again)" in Japan.
    /// </summary>
    public static List<ParsedFact> SplitFacts(string text, IReadOnlySet<string>? countries = null)
    {
        var facts = new List<ParsedFact>();
        foreach (var piece in FactSeparator().Split(text))
        {
            var (main, qualifier) = SplitQualifiers(piece, countries);
            if (main is not null)
            {
                facts.Add(new ParsedFact(main, qualifier));
            }
            else if (qualifier is not null)
            {
                facts.Add(new ParsedFact(qualifier, null));
            }
        }

        return facts;
    }

    private static (string? Main, string? Qualifier) SplitQualifiers(string text, IReadOnlySet<string>? countries)
    {
        var notes = new List<string>();
        var rest = text.Trim();
        while (rest.EndsWith(')'))
        {
            var open = MatchingOpen(rest);
            if (open < 0)
            {
                break;
            }

            var note = rest[(open + 1)..^1].Trim();
            var before = rest[..open].TrimEnd().TrimEnd(',').TrimEnd();
            if (before.Length > 0 && !IsQualifier(note, countries))
            {
                break;
            }

            if (note.Length > 0)
            {
                notes.Insert(0, note);
            }

            rest = before;
        }

        return (NullIfEmpty(rest), notes.Count == 0 ? null : string.Join(", ", notes));
    }

    /// <summary>Index of the '(' that the final ')' closes, or -1.</summary>
    private static int MatchingOpen(string text)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (text[i] == ')')
            {
                depth++;
            }
            else if (text[i] == '(' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsQualifier(string note, IReadOnlySet<string>? countries)
    {
        if (note.Length == 0 || Vocabulary.Countries.Contains(note) || countries?.Contains(note) == true || ParseDate(note) is not null)
        {
            return true;
        }

        // "International: English title", "USA (working title)", "estimated": every word a qualifier word or a country.
        foreach (var word in note.Split([' ', ':', ',', '/', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Vocabulary.QualifierWords.Contains(word) && !Vocabulary.Countries.Contains(word) && countries?.Contains(word) != true
                && !word.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A certificate of some rating system, "UK:15" or a bare "15" (<see cref="Vocabulary.Certificates"/>).</summary>
    public static bool TryCertificate(string text, out string? system, out string certificate)
    {
        system = null;
        certificate = "";
        var m = CountryCertificate().Match(text);
        if (m.Success)
        {
            system = m.Groups["sys"].Value.Trim();
            certificate = m.Groups["c"].Value.Trim();
            return true;
        }

        var bare = text.StartsWith("Rated ", StringComparison.Ordinal) ? text[6..] : text;
        if (Vocabulary.Certificates.Contains(bare))
        {
            certificate = bare;
            return true;
        }

        return false;
    }

    public static int? ParseInt(string text)
    {
        var digits = text.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Trim();
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public static DateOnly? ParseDate(string text)
    {
        string[] formats = ["d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : null;
    }

    public static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>"Someone from Some Place" or "Someone (Some Place)".</summary>
    private static (string? Author, string? Place) AuthorAndPlace(string by)
    {
        var name = by.Trim();
        var from = AuthorFrom().Match(name);
        if (from.Success)
        {
            return (NullIfEmpty(from.Groups["name"].Value), NullIfEmpty(from.Groups["place"].Value));
        }

        var (author, place) = SplitTrailingNotes(name);
        return (author, place);
    }

    private static bool TryParseRating(string text, out double rating) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out rating)
        && rating is >= 0 and <= 10;

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();

    [GeneratedRegex(@"^(?<name>\S.{0,250}?)\s*\((?:(?<kind>" + TitleKinds + @") )?(?<year>\d{4}|\?{4})(?:\s*(?<dash>[–-])\s*(?<end>\d{4})?)?(?:/(?<q>[IVXL]+))?\)(?:\s*\((?<after>TV|V|VG)\))?$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^(?:Reviews?:?\s*)?(?:(?<u>\d[\d,]*)\s+users?(?:\s+reviews?)?)?\s*\|?\s*(?:(?<c>\d[\d,]*)\s+critics?(?:\s+reviews?)?)?\s*\|?\s*(?:(?<m>\d[\d,]*)\s+from\s+Metacritic(?:\.com)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewCounts();

    [GeneratedRegex(@"^\(?(?<v>\d{1,3}(?:,\d{3})+|\d+)\s+(?:users|votes|ratings)\)?$", RegexOptions.IgnoreCase)]
    private static partial Regex VoteCount();

    [GeneratedRegex(@"^(?:Metascore:?\s*(?<m>\d{1,3})\s*/\s*100|(?<m>\d{1,3})\s*/\s*100\s+Metascore)$", RegexOptions.IgnoreCase)]
    private static partial Regex MetascoreAlone();

    [GeneratedRegex(@"^(?:(?:IMDb )?Ratings?:?\s*|Users rated this\s+)?(?:1 2 3 4 5 6 7 8 9 10\s+)?(?<r>\d{1,2}(?:[.,]\d{1,2})?)\s*/\s*10(?:\s*X)?(?:\s*(?:from|-|–)?\s*\(?(?<v>\d{1,3}(?:,\d{3})+|\d+)\s+(?:users?|votes?|ratings?)\)?)?[\s.]*(?:\|?\s*Metascore:?\s*(?<ms>\d{1,3})\s*/\s*100[\s.]*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleRating();

    /// <summary>The last word of a name that ends in a dot: "Jr.", "Sr.", "St.", or initials "C.K.", "J.".</summary>
    [GeneratedRegex(@"(?:^|\s)(?:Jr|Sr|St|Dr|Mr|Mrs|Ms|Snr|Jnr|(?:\p{Lu}\.)*\p{Lu})\.$")]
    private static partial Regex NameEndingInDot();

    [GeneratedRegex(@"\G (?:and|&) ")]
    private static partial Regex CreditJoin();

    [GeneratedRegex(@"^\d{1,2}[.,]\d$")]
    private static partial Regex BareRating();

    [GeneratedRegex(@"^(?:1 2 3 4 5 6 7 8 9 10\s+)?(?:(?<r>\d{1,2}(?:[.,]\d{1,2})?)|(?<=10\s+)-)\s*/\s*10(?:\s*X)?$")]
    private static partial Regex CardRating();

    [GeneratedRegex(@"^(?:(?:Won|Nominated for)\s+(?:\d+|an?|one)\s|(?:Another\s+)?\d+\s+(?:wins?|nominations?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Awards();

    [GeneratedRegex(@"^(?:\([^()]{1,150}\)\s*,?\s*)+$")]
    private static partial Regex CreditFragmentLine();

    [GeneratedRegex(@"\((?<f>[^()]{1,150})\)")]
    private static partial Regex CreditFragment();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*){0,2}$")]
    private static partial Regex GenreWord();

    [GeneratedRegex(@"^(?<sys>" + Vocabulary.CertificateCountries + @")\s*:\s*(?<c>[\p{L}\p{N}+.-]{1,12}(?: [\p{L}\p{N}+.-]{1,6})?)(?:\s*\((?<note>[^()]{1,60})\))?$")]
    private static partial Regex CountryCertificate();

    [GeneratedRegex(@"^Rated\s+(?<c>[A-Z0-9][A-Za-z0-9-]*)(?:\s+(?<r>.+))?$")]
    private static partial Regex Rated();

    [GeneratedRegex(@"\b(?<m>\d{1,4})\s*min\b", RegexOptions.IgnoreCase)]
    private static partial Regex Minutes();

    [GeneratedRegex(@"\b(?<h>\d{1,2})\s*h(?:ours?|rs?)?\b\s*(?:(?<m>\d{1,2})\s*min)?", RegexOptions.IgnoreCase)]
    private static partial Regex HoursMinutes();

    [GeneratedRegex(@"^(?:\d{1,2} \p{L}+ \d{4}|\p{L}+ \d{1,2}, \d{4}|\p{L}+ \d{4}|\d{4})(?: ?\([^()]{1,80}\))*$")]
    private static partial Regex ReleaseDateValue();

    [GeneratedRegex(@"^(?<kind>" + Vocabulary.ConnectionVerbs + @")\s+(?<rest>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Connection();

    [GeneratedRegex(@"^(?<kind>" + Vocabulary.ConnectionVerbs + @")\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionVerbOnly();

    [GeneratedRegex(@"^(?<name>.{1,300}?)\s*\((?:(?<kind>" + TitleKinds + @") )?(?<year>\d{4})(?:\s*(?<dash>[–-])\s*(?<end>\d{4})?)?(?:/(?<q>[IVXL]+))?\)(?:\s*\((?<after>TV|V|VG)\))?(?<note>.*)$")]
    private static partial Regex ConnectionTitle();

    [GeneratedRegex(@"^(?<s>[\p{Lu}\p{N}][^:\[\]]{0,60}):\s+\S")]
    private static partial Regex QuoteLine();

    [GeneratedRegex(@"^(?:(?:\p{Lu}[\p{L}'.-]*|#?\d+|de|la|le|van|von|der|da|di|du|del|the|of|in)\s?){1,4}$")]
    private static partial Regex SpeakerName();

    [GeneratedRegex(@"^(?<n>[\d,]+)\s+(?:out\s+)?of\s+(?<m>[\d,]+)\s+people\s+found\s+(?:this|(?<following>the following))\s+review\s+(?:helpful|useful)", RegexOptions.IgnoreCase)]
    private static partial Regex Helpful();

    [GeneratedRegex(@"^(?:Date:\s*)?(?<date>\d{1,2} \p{L}+ \d{4}|\p{L}+ \d{1,2}, \d{4})\s*(?:\|\s*(?:by\b\s*(?<by>\S.*)?)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewDate();

    [GeneratedRegex(@"^(?:by\s+)?(?<name>[^()|]{1,60}?)\s+from\s+(?<place>[^()|]{1,80})$")]
    private static partial Regex AuthorFrom();

    [GeneratedRegex(@"^Author:\s*(?<rest>.*)$")]
    private static partial Regex AuthorLabel();

    [GeneratedRegex(@"^(?<n>\d{1,2})\s*/\s*10$")]
    private static partial Regex ReviewRating();

    /// <summary>Separates facts on one line: "A (France), B (Norway)" splits after the parenthesis.</summary>
    [GeneratedRegex(@"(?<=\))\s*[,|]\s*|\s+\|\s+")]
    private static partial Regex FactSeparator();
}
