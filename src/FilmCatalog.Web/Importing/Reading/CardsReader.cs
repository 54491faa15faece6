using System.Text.RegularExpressions;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// "People who liked this also liked...": cards of title, genres, rating widget, plot, director and
/// stars, in that order. Any part may be lost (a third of the seed's cards lost their title line),
/// so a part the current card already has, or one that comes earlier, begins the next card.
/// </summary>
internal sealed partial class CardsReader(TitlePageParser page) : PartReader(page)
{
    private const int TitleStage = 0, GenresStage = 1, RatingStage = 2, PlotStage = 3, DirectorsStage = 4, StarsStage = 5;

    private readonly List<CardDraft> cards = [];
    private CardDraft? card;

    public override PagePart Part => PagePart.Cards;

    /// <summary>Cards read so far.</summary>
    public int Count => cards.Count;

    /// <summary>"Director: ..." and "Stars: ..." on a card are the card's, not the title's credits.</summary>
    public override bool OwnsBeforeHeadings(int i) => CardCredit().IsMatch(Text(i));

    public override Fit Opens(int i)
    {
        var text = Text(i);
        if (IsWidget(text))
        {
            return CardFollows(Page, i) ? Fit.Certain : Fit.Strong;
        }

        // Another film's title line heads a card when a card's genres or rating widget follows it.
        if (Shapes.TryTitle(text, out _, out _) && Page.NextContent(i) is var next and >= 0
            && (Shapes.TryCardRating(Text(next), out _) || (Shapes.TryGenres(Text(next), out _)
                && Page.NextContent(next) is var after and >= 0 && Shapes.TryCardRating(Text(after), out _))))
        {
            return Fit.Strong;
        }

        return Fit.None;
    }

    private enum Kind
    {
        None,
        Credit,
        Title,
        Genres,
        Widget,
        Plot,
    }

    private int classified = -1;
    private Kind kind;

    public override Fit Continues(int i)
    {
        classified = i;
        var text = Text(i);
        (kind, var fit) = text switch
        {
            // The cards never carry a signed synopsis: the part ended without a heading.
            _ when Shapes.TryStoryline(text, out _, out _) => (Kind.None, Fit.None),
            _ when CardCredit().IsMatch(text) => (Kind.Credit, Fit.Certain),
            _ when Shapes.TryTitle(text, out _, out _) => (Kind.Title, Fit.Certain),
            _ when Shapes.TryGenres(text, out _) => (Kind.Genres, Fit.Certain),
            _ when Shapes.TryCardRating(text, out _) => (Kind.Widget, Fit.Certain),

            // A plot follows the widget; after the credits the card is whole and a paragraph is the next part's.
            _ => card?.Stage switch
            {
                TitleStage or GenresStage or RatingStage => (Kind.Plot, Fit.Strong),
                PlotStage => (Kind.Plot, Fit.Likely),
                _ => (Kind.None, Fit.None),
            },
        };
        return fit;
    }

    public override bool Take(int i)
    {
        if (classified != i)
        {
            Continues(i);
        }

        var text = Text(i);
        switch (kind)
        {
            case Kind.Credit:
                var credit = CardCredit().Match(text);
                var names = Shapes.SplitCredits(credit.Groups["v"].Value);
                if (credit.Groups["h"].Value.StartsWith("Dir", StringComparison.OrdinalIgnoreCase))
                {
                    Advance(DirectorsStage).Directors.AddRange(names);
                }
                else
                {
                    Advance(StarsStage).Stars.AddRange(names);
                }

                return true;
            case Kind.Title:
                Shapes.TryTitle(text, out TitleLineParts line);
                var c = Advance(TitleStage);
                (c.Name, c.Year, c.YearQualifier) = (line.Name, line.Year, line.Qualifier);
                (c.Kind, c.EndYear, c.IsOpenRun) = (line.Kind, line.EndYear, line.IsOpenRun);
                return true;
            case Kind.Genres:
                Shapes.TryGenres(text, out var genres);
                Advance(GenresStage).Genres.AddRange(genres);
                return true;
            case Kind.Widget:
                Shapes.TryCardRating(text, out var rating);
                Advance(RatingStage).Rating = rating;
                return true;
            case Kind.Plot when card is { Stage: PlotStage }:
                card.Plot = $"{card.Plot} {text}";
                return true;
            case Kind.Plot:
                Advance(PlotStage).Plot = text;
                return true;
            default:
                return false;
        }
    }

    public override void Close()
    {
        card = null;
        Title.AlsoLiked = cards.ConvertAll(c => c.ToParsed());
    }

    /// <summary>Moves the current card to <paramref name="stage"/>, or begins the next card.</summary>
    private CardDraft Advance(int stage)
    {
        if (card is null || card.Stage >= stage)
        {
            card = new CardDraft();
            cards.Add(card);
        }

        card.Stage = stage;
        return card;
    }

    /// <summary>The star widget "1 2 3 4 5 6 7 8 9 10 6.8/10 X" that every card carries.</summary>
    public static bool IsWidget(string text) => text.StartsWith("1 2 3", StringComparison.Ordinal) && Shapes.TryCardRating(text, out _);

    /// <summary>A card's credits ("Director: ...", "Stars: ...") within the next few lines: the line at <paramref name="i"/> is part of a card.</summary>
    public static bool CardFollows(TitlePageParser page, int i)
    {
        for (var (next, seen) = (page.NextContent(i), 0); next >= 0 && seen < 4; next = page.NextContent(next), seen++)
        {
            if (CardCredit().IsMatch(page.Lines[next].Text))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?<h>Directors?|Stars?|With)\s*:\s*(?<v>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CardCredit();

    private sealed class CardDraft
    {
        public int Stage { get; set; } = -1;
        public string? Name { get; set; }
        public int? Year { get; set; }
        public string? YearQualifier { get; set; }
        public TitleKind? Kind { get; set; }
        public int? EndYear { get; set; }
        public bool IsOpenRun { get; set; }
        public List<string> Genres { get; } = [];
        public double? Rating { get; set; }
        public string? Plot { get; set; }
        public List<string> Directors { get; } = [];
        public List<string> Stars { get; } = [];

        public ParsedCard ToParsed() => new()
        {
            Name = Name,
            Year = Year,
            YearQualifier = YearQualifier,
            Kind = Kind,
            EndYear = EndYear,
            IsOpenRun = IsOpenRun,
            Genres = Genres,
            Rating = Rating,
            Plot = Plot,
            Directors = Directors,
            Stars = Stars,
        };
    }
}
