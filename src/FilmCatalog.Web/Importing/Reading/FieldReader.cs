using System.Text.RegularExpressions;

namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// A part made of value headings and their values: Details, Box Office, Company Credits and
/// Technical Specs as it is, the header and the storyline with shapes of their own on top. A heading
/// may stand alone with its values on the next lines, blank lines between, or hold its value itself;
/// an empty heading is normal.
/// </summary>
internal partial class FieldReader(TitlePageParser page, PagePart part) : PartReader(page)
{
    private Field openField;
    private string? fieldLabel;
    private bool fieldTaken;

    /// <summary>The line of the last value taken: a value right under another is as likely as the first.</summary>
    private int lastValue = -1;

    public override PagePart Part => part;



    /// <summary>These parts open only with a heading: their values have no shape of their own.</summary>
    public override Fit Opens(int i) => Fit.None;

    public override Fit Continues(int i) => FieldFit(Text(i), i);

    public override bool Take(int i) => TakeFieldValue(Text(i), i);

    public override void OpenField(Field next, string heading, string? system)
    {
        openField = next;
        fieldLabel = next == Field.Certificate ? system : heading;
        fieldTaken = false;
    }

    public override void OpenSection(SectionKind kind, string? system)
    {
        openField = kind switch
        {
            SectionKind.Storyline => Field.Storyline,
            SectionKind.Certificate => Field.Certificate,
            _ => Field.None,
        };
        fieldLabel = system;
        fieldTaken = false;
    }

    public override void Close() => CloseField();

    /// <summary>The open heading takes no more values.</summary>
    public void CloseField()
    {
        openField = Field.None;
        fieldLabel = null;
        fieldTaken = false;
    }

    /// <summary>A list of names is open (directors, writers, creators, stars): its values become people.</summary>
    public bool NamesOpen => openField is Field.Directors or Field.Writers or Field.Creators or Field.Stars;

    /// <summary>Fields that take one value; later lines go back to being placed by shape.</summary>
    private static bool IsSingleValued(Field f) =>
        f is Field.Runtime or Field.Color or Field.SoundMix or Field.AspectRatio or Field.Certificate or Field.Rating or Field.Metascore or Field.ReviewCounts;

    /// <summary>
    /// How well a line is a value of the open heading: a value of the right shape is strong evidence,
    /// free text likely for the first value and weak for later ones (it may be the next part, whose
    /// heading was lost).
    /// </summary>
    protected Fit FieldFit(string text, int i)
    {
        var later = fieldTaken && lastValue != i - 1;
        if (openField == Field.None || (fieldTaken && IsSingleValued(openField)))
        {
            return Fit.None;
        }

        return openField switch
        {
            Field.ReleaseDates => Shapes.SplitFacts(text).TrueForAll(f => Shapes.IsReleaseDate(f.Text)) ? Fit.Strong : (later ? Fit.None : Fit.Likely),
            Field.Runtime => Shapes.TryRuntime(text, out _) && text.Length <= 40 ? Fit.Strong : Fit.None,
            Field.Rating => Shapes.TryTitleRating(text, out _, out _) ? Fit.Certain : Fit.None,
            Field.Metascore => Shapes.TryMetascore(text, out _) || int.TryParse(text, out _) ? Fit.Certain : Fit.None,
            Field.ReviewCounts => Shapes.TryReviewCounts(text, out _, out _) ? Fit.Certain : Fit.None,
            Field.BoxOffice => text.Length <= 200 && MoneyFigure().IsMatch(text) ? Fit.Strong : Fit.None,
            Field.Certificate => Shapes.TryRated(text, out _, out _) || Shapes.TryCertificate(Shapes.SplitList(text, alsoPipes: true).FirstOrDefault() ?? "", out _, out _)
                ? Fit.Strong : (later ? Fit.None : Fit.Likely),
            Field.Genres => Shapes.SplitList(text).Count > 0 && text.Length <= 200 ? Fit.Strong : Fit.None,
            Field.Unkept => Fit.None,
            Field.Storyline => Fit.Strong,
            _ => text.Length > 300 ? Fit.None : later ? Fit.Weak : Fit.Likely,
        };
    }

    /// <summary>Stores a value under the open heading; false when it does not fit that heading.</summary>
    public override bool TakeFieldValue(string text, int i)
    {
        var taken = openField switch
        {
            Field.Storyline => TakeStoryline(text),
            Field.Taglines => AddAll(Title.Taglines, [text]),
            Field.Genres => AddGenres(text, i),
            Field.ReleaseDates => AddAll(Title.ReleaseDates, Shapes.SplitFacts(text, PageCountries())),
            Field.AlsoKnownAs => AddAll(Title.AlsoKnownAs, Shapes.SplitFacts(text, PageCountries())),
            Field.FilmingLocations => AddAll(Title.FilmingLocations, [text]),
            Field.Countries => AddAll(Title.Countries, Shapes.SplitList(text)),
            Field.Languages => AddAll(Title.Languages, Shapes.SplitList(text)),
            Field.Runtime => TakeRuntime(text),
            Field.Color => Set(() => Title.Color = JoinPipes(text)),
            Field.SoundMix => Set(() => Title.SoundMix = JoinPipes(text)),
            Field.AspectRatio => Set(() => Title.AspectRatio = text),
            Field.BoxOffice => AddAll(Title.BoxOffice, [new ParsedFact(text, fieldLabel)]),
            Field.Companies => AddAll(Title.Companies, SplitCompanies(text)),
            Field.Certificate => TakeCertificate(text),
            Field.Directors => AddNames(Title.Directors, text),
            Field.Writers => AddNames(Title.Writers, text),
            Field.Creators => AddNames(Title.Writers, text, "creator"),
            Field.Stars => AddNames(Title.Stars, text),
            Field.Rating => TakeRating(text),
            Field.Metascore => TakeMetascore(text),
            Field.ReviewCounts => TakeReviewCounts(text),
            _ => false,
        };

        fieldTaken |= taken;
        lastValue = taken ? i : lastValue;
        if (taken && IsSingleValued(openField))
        {
            openField = Field.None;
        }

        return taken;
    }

    /// <summary>Countries the page itself names, so "(Québec)" reads as a qualifier when the page lists it as a country.</summary>
    private HashSet<string> PageCountries()
    {
        var countries = new HashSet<string>(Title.Countries, StringComparer.OrdinalIgnoreCase);
        foreach (var date in Title.ReleaseDates)
        {
            if (date.Qualifier is { } q)
            {
                countries.Add(q);
            }
        }

        return countries;
    }

    private bool TakeStoryline(string text)
    {
        if (Shapes.TryStoryline(text, out var storyline, out var author))
        {
            Title.Storyline = Append(Title.Storyline, storyline);
            Title.StorylineAuthor = author;
        }
        else
        {
            Title.Storyline = Append(Title.Storyline, text);
        }

        return true;
    }

    protected bool AddGenres(string text, int i)
    {
        var genres = Shapes.SplitList(text);
        foreach (var genre in genres)
        {
            if (!Vocabulary.Genres.Contains(genre) && !Title.Genres.Contains(genre, StringComparer.OrdinalIgnoreCase))
            {
                Page.Note(i, $"genre \"{genre}\" is not one of the source's genres; kept as printed");
            }
        }

        AddDistinct(Title.Genres, genres);
        return genres.Count > 0;
    }

    /// <summary>
    /// "98 min", or several: "98 min | 105 min (director's cut)", "Argentina:95 min | USA:98 min". The
    /// first is the title's runtime; the others are kept with their qualifiers (the catalog's runtime facts).
    /// </summary>
    private bool TakeRuntime(string text)
    {
        var runtimes = Shapes.SplitList(text, alsoPipes: true);
        if (runtimes.Count == 0 || !Shapes.TryRuntime(runtimes[0], out var minutes))
        {
            return false;
        }

        Title.RuntimeMinutes = minutes;
        foreach (var other in runtimes.Skip(1))
        {
            var (runtime, qualifier) = Shapes.SplitTrailingNotes(other);
            AddAll(Title.OtherRuntimes, [new ParsedFact(runtime ?? other, qualifier)]);
        }

        return true;
    }

    protected bool TakeRating(string text)
    {
        if (!Shapes.TryTitleRating(text, out var rating, out var votes, out var metascore))
        {
            return false;
        }

        Title.Rating = rating;
        Title.RatingVotes = votes ?? Title.RatingVotes;
        Title.Metascore = metascore ?? Title.Metascore;
        return true;
    }

    private bool TakeMetascore(string text)
    {
        if (Shapes.TryMetascore(text, out var score) || Shapes.TryMetascore("Metascore: " + text, out score))
        {
            Title.Metascore = score;
            return true;
        }

        if (int.TryParse(text, out score) && score is >= 0 and <= 100)
        {
            Title.Metascore = score;
            return true;
        }

        return false;
    }

    protected bool TakeReviewCounts(string text)
    {
        if (!Shapes.TryReviewCounts(text, out var user, out var critic, out var metacritic))
        {
            return false;
        }

        Title.SourceUserReviews = user ?? Title.SourceUserReviews;
        Title.SourceCriticReviews = critic ?? Title.SourceCriticReviews;
        Title.SourceMetacriticReviews = metacritic ?? Title.SourceMetacriticReviews;
        return true;
    }

    /// <summary>
    /// "Rated PG for mild peril" under a system heading; "Certificate: 15"; or the list
    /// "Certification: UK:15 | USA:R | France:U". The first is the title's certificate, the
    /// others are kept beside it with their countries.
    /// </summary>
    private bool TakeCertificate(string text)
    {
        if (Shapes.TryRated(text, out var rated, out var reason))
        {
            SetCertificate(fieldLabel, rated, reason);
            return true;
        }

        var any = false;
        foreach (var item in Shapes.SplitList(text, alsoPipes: true))
        {
            var (main, note) = Shapes.SplitTrailingNotes(item);
            if (main is null)
            {
                continue;
            }

            any = true;
            if (Shapes.TryCertificate(main, out var system, out var certificate))
            {
                SetCertificate(system ?? fieldLabel, certificate, note);
            }
            else
            {
                var colon = main.IndexOf(':');
                if (colon > 0 && colon < main.Length - 1)
                {
                    SetCertificate(main[..colon].Trim(), main[(colon + 1)..].Trim(), note);
                }
                else
                {
                    SetCertificate(fieldLabel, main, note);
                }
            }
        }

        return any;
    }

    /// <summary>
    /// The first certificate read is the title's, unless an MPAA (USA) one comes later: the site is
    /// read in English, and the header shows that one. Certificates of other systems are kept beside it.
    /// </summary>
    protected void SetCertificate(string? system, string certificate, string? reason)
    {
        var sameValue = Title.Certificate == certificate && (system is null || Title.CertificateSystem is null || system == Title.CertificateSystem);
        if (Title.Certificate is null || sameValue || (system is not null && system == Title.CertificateSystem))
        {
            Title.CertificateSystem = system ?? Title.CertificateSystem;
            Title.Certificate = certificate;
            Title.CertificateReason = reason ?? (sameValue ? Title.CertificateReason : null);
            return;
        }

        if (IsUnitedStates(system) && !IsUnitedStates(Title.CertificateSystem))
        {
            AddOtherCertificate(new ParsedFact(Title.Certificate, Title.CertificateSystem));
            Title.CertificateSystem = system;
            Title.Certificate = certificate;
            Title.CertificateReason = reason;
            return;
        }

        AddOtherCertificate(new ParsedFact(reason is null ? certificate : $"{certificate} ({reason})", system));
    }

    private void AddOtherCertificate(ParsedFact certificate)
    {
        if (!Title.OtherCertificates.Contains(certificate))
        {
            Title.OtherCertificates.Add(certificate);
        }
    }

    private static bool IsUnitedStates(string? system) => system is "MPAA" or "USA";

    /// <summary>Adds each name of a credit list; <paramref name="role"/> notes the credit ("creator") when the name has no note of its own.</summary>
    private bool AddNames(List<string> names, string text, string? role = null)
    {
        foreach (var item in Shapes.SplitCredits(text))
        {
            if (Shapes.TryCreditFragments(item, out var fragments))
            {
                Title.CreditFragments.AddRange(fragments);
            }
            else
            {
                names.Add(role is null || item.EndsWith(')') ? item : $"{item} ({role})");
            }
        }

        return true;
    }

    /// <summary>Company names may end in ", Inc." or ", Ltd.", which is not a second company.</summary>
    private static List<string> SplitCompanies(string text)
    {
        var companies = new List<string>();
        foreach (var item in Shapes.SplitList(text))
        {
            if (companies.Count > 0 && CompanySuffix().IsMatch(item))
            {
                companies[^1] = $"{companies[^1]}, {item}";
            }
            else
            {
                companies.Add(item);
            }
        }

        return companies;
    }

    private static string JoinPipes(string text) => string.Join(" | ", text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool Set(Action assign)
    {
        assign();
        return true;
    }

    /// <summary>Adds what is not there yet (a part may be repeated); true when the line gave any value.</summary>
    protected static bool AddAll<T>(List<T> list, IEnumerable<T> items)
    {
        var any = false;
        foreach (var item in items)
        {
            any = true;
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }

        return any;
    }

    protected static void AddDistinct(List<string> list, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            if (!list.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(item);
            }
        }
    }

    protected static string Append(string? existing, string text) => existing is null ? text : $"{existing}\n\n{text}";

    [GeneratedRegex(@"^(?:Inc|Ltd|LLC|L\.L\.C|Co|Corp|GmbH|S\.A|S\.L|AG|KG|BV|Pty)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex CompanySuffix();

    /// <summary>"$1,250,000 (USA)", "FRF 18,000,000 (estimated)", "€ 2.1 million": a currency and a figure.</summary>
    [GeneratedRegex(@"^(?:[\p{Sc}]|[A-Z]{3}\s?)\s?\d[\d,.]*(?:\s?(?:million|billion|m|k))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyFigure();
}
