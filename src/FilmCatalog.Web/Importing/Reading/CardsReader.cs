using System.Text.RegularExpressions;

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

    public override Fit Continues(int i)
    {
        var text = Text(i);
        if (Shapes.TryStoryline(text, out _, out _))
        {
            // The cards never carry a signed synopsis: the part ended without a heading.
            return Fit.None;
        }

        if (Shapes.TryTitle(text, out _, out _) || Shapes.TryGenres(text, out _) || Shapes.TryCardRating(text, out _))
        {
            return Fit.Certain;
        }

        // A plot follows the widget; after the credits the card is whole and a paragraph is the next part's.
        return card?.Stage switch
        {
            TitleStage or GenresStage or RatingStage => Fit.Strong,
            PlotStage => Fit.Likely,
            _ => Fit.None,
        };
    }

    public override bool Take(int i)
    {
        var text = Text(i);
        var credit = CardCredit().Match(text);
        if (credit.Success)
        {
            var names = Shapes.SplitList(credit.Groups["v"].Value);
            if (credit.Groups["h"].Value.StartsWith("Dir", StringComparison.OrdinalIgnoreCase))
            {
                Advance(DirectorsStage).Directors.AddRange(names);
            }
            else
            {
                Advance(StarsStage).Stars.AddRange(names);
            }
        }
        else if (Shapes.TryTitle(text, out var name, out var year, out var qualifier))
        {
            var c = Advance(TitleStage);
            c.Name = name;
            c.Year = year;
            c.YearQualifier = qualifier;
        }
        else if (Shapes.TryGenres(text, out var genres))
        {
            Advance(GenresStage).Genres.AddRange(genres);
        }
        else if (Shapes.TryCardRating(text, out var rating))
        {
            Advance(RatingStage).Rating = rating;
        }
        else if (card is { Stage: PlotStage })
        {
            card.Plot = $"{card.Plot} {text}";
        }
        else
        {
            Advance(PlotStage).Plot = text;
        }

        return true;
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
            Genres = Genres,
            Rating = Rating,
            Plot = Plot,
            Directors = Directors,
            Stars = Stars,
        };
    }
}
