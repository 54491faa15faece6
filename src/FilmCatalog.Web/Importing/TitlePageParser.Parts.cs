using System.Text.RegularExpressions;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Importing;

/// <summary>The list parts of a page: cards, cast, "did you know", FAQ and user reviews.</summary>
public sealed partial class TitlePageParser
{
    private enum DidYouKnowKind
    {
        ByShape,
        Trivia,
        Goofs,
        Quotes,
        CrazyCredits,
        Connections,
        Soundtracks,
    }

    private readonly List<CardDraft> cards = [];
    private CardDraft? card;

    private int? pendingCast;

    private readonly List<PageLine> block = [];
    private readonly List<SoundtrackDraft> soundtrack = [];
    private DidYouKnowKind explicitKind;
    private string? connectionVerb;

    private readonly List<FaqDraft> faqs = [];
    private FaqDraft? currentFaq;

    private readonly List<ReviewDraft> reviews = [];
    private ReviewDraft? currentReview;
    private bool pendingSpoiler;
    private int? pendingRating;
    private (int Helpful, int Voted)? pendingHelpful;

    // ---- People who liked this also liked: title, genres, rating, plot, director, stars ----

    private const int CardTitle = 0, CardGenres = 1, CardRating = 2, CardPlot = 3, CardDirectors = 4, CardStars = 5;

    /// <summary>
    /// Moves the current card to <paramref name="stage"/>; a card's parts come in a fixed order, so a
    /// part the card already has (or one that comes earlier) begins the next card.
    /// </summary>
    private CardDraft AdvanceCard(int stage)
    {
        if (card is null || card.Stage >= stage)
        {
            card = new CardDraft();
            cards.Add(card);
        }

        card.Stage = stage;
        return card;
    }

    private bool TryCardCredit(string text)
    {
        var m = CardCredit().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var names = Shapes.SplitList(m.Groups["v"].Value);
        if (m.Groups["h"].Value.StartsWith("Dir", StringComparison.OrdinalIgnoreCase))
        {
            AdvanceCard(CardDirectors).Directors.AddRange(names);
        }
        else
        {
            AdvanceCard(CardStars).Stars.AddRange(names);
        }

        return true;
    }

    private bool TryCard(string text)
    {
        if (Shapes.TryStoryline(text, out _, out _))
        {
            // The cards never carry a signed synopsis: the region ended without a heading.
            LeaveCurrentPart(Part.General);
            return false;
        }

        if (Shapes.TryTitle(text, out var name, out var year))
        {
            var c = AdvanceCard(CardTitle);
            c.Name = name;
            c.Year = year;
        }
        else if (Shapes.TryGenres(text, out var genres))
        {
            AdvanceCard(CardGenres).Genres.AddRange(genres);
        }
        else if (Shapes.TryCardRating(text, out var rating))
        {
            AdvanceCard(CardRating).Rating = rating;
        }
        else if (card is { Stage: CardPlot })
        {
            card.Plot = $"{card.Plot} {text}";
        }
        else
        {
            AdvanceCard(CardPlot).Plot = text;
        }

        return true;
    }

    // ---- Cast: "Name ..." then the character on the next line ----

    private bool TryCast(string text)
    {
        if (TrySplitCastLine(text, out var name, out var rest))
        {
            var (person, nameNote) = name is null ? (null, null) : Shapes.SplitTrailingNotes(name);
            var (character, note) = rest is null ? (null, null) : Shapes.SplitTrailingNotes(rest);
            title.Cast.Add(new ParsedCastMember(person, character, JoinNotes(nameNote, note)));
            pendingCast = rest is null ? title.Cast.Count - 1 : null;
            return true;
        }

        if (pendingCast is { } at && at < title.Cast.Count && text.Length <= 150 && !Shapes.TryStoryline(text, out _, out _))
        {
            var (character, note) = Shapes.SplitTrailingNotes(text);
            var member = title.Cast[at];
            title.Cast[at] = member with { Character = character, Note = JoinNotes(member.Note, note) };
            pendingCast = null;
            return true;
        }

        // The cast list ended without a heading (the storyline's was lost): place the line by shape.
        LeaveCurrentPart(Part.General);
        return false;
    }

    /// <summary>"Name ...", "Name ... Character", or "..." alone when the name was a lost link.</summary>
    private static bool TrySplitCastLine(string line, out string? name, out string? rest)
    {
        var text = line.Replace("…", "...", StringComparison.Ordinal);
        name = null;
        rest = null;
        if (text == "...")
        {
            return true;
        }

        if (text.StartsWith("... ", StringComparison.Ordinal))
        {
            rest = Shapes.NullIfEmpty(text[4..]);
            return true;
        }

        if (text.EndsWith(" ...", StringComparison.Ordinal))
        {
            name = text[..^4].Trim();
            return Shapes.LooksLikeCastName(name) && !name.Contains("...", StringComparison.Ordinal);
        }

        var at = text.IndexOf(" ... ", StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        name = text[..at].Trim();
        rest = Shapes.NullIfEmpty(text[(at + 5)..]);
        return Shapes.LooksLikeCastName(name) && rest is not null && rest.Length <= 150;
    }

    private static string? JoinNotes(string? a, string? b) => a is null ? b : b is null ? a : $"{a}, {b}";

    // ---- Did you know: trivia, goofs, quotes, crazy credits, connections, soundtrack ----

    private static bool TryDidYouKnowHeading(string heading, out DidYouKnowKind kind)
    {
        kind = heading switch
        {
            "trivia" => DidYouKnowKind.Trivia,
            "goofs" => DidYouKnowKind.Goofs,
            "quotes" => DidYouKnowKind.Quotes,
            "crazy credits" => DidYouKnowKind.CrazyCredits,
            "connections" or "movie connections" => DidYouKnowKind.Connections,
            "soundtrack" or "soundtracks" => DidYouKnowKind.Soundtracks,
            _ => DidYouKnowKind.ByShape,
        };
        return kind != DidYouKnowKind.ByShape;
    }

    /// <summary>Items are told apart by blank lines, so lines gather until the next gap.</summary>
    private bool AddToBlock(PageLine line)
    {
        if (!haveTitle)
        {
            return false;
        }

        block.Add(line);
        return true;
    }

    private void EndBlock()
    {
        if (block.Count == 0)
        {
            return;
        }

        switch (explicitKind)
        {
            case DidYouKnowKind.Trivia:
                block.ForEach(l => title.Trivia.Add(new ParsedTrivia(TriviaKind.Trivia, l.Text)));
                break;
            case DidYouKnowKind.Goofs:
                block.ForEach(l => title.Trivia.Add(new ParsedTrivia(TriviaKind.Goof, l.Text)));
                break;
            case DidYouKnowKind.CrazyCredits:
                block.ForEach(l => title.Trivia.Add(new ParsedTrivia(TriviaKind.CrazyCredit, l.Text)));
                break;
            case DidYouKnowKind.Quotes:
                title.Trivia.Add(new ParsedTrivia(TriviaKind.Quote, string.Join("\n", block.Select(l => l.Text))));
                break;
            case DidYouKnowKind.Connections:
                block.ForEach(AddListedConnection);
                break;
            case DidYouKnowKind.Soundtracks:
                block.ForEach(l => AddSoundtrackLine(l.Text));
                soundtrack.ForEach(s => s.Closed = true);
                break;
            default:
                ClassifyByShape();
                break;
        }

        block.Clear();
    }

    /// <summary>Under a "Connections" heading a verb may stand alone above the titles it applies to.</summary>
    private void AddListedConnection(PageLine line)
    {
        if (Shapes.TryConnectionVerb(line.Text, out var verb))
        {
            connectionVerb = verb;
        }
        else if (Shapes.TryConnection(line.Text, requireYear: false, out var connection))
        {
            title.Connections.Add(connection);
        }
        else if (connectionVerb is not null && Shapes.TryTitle(line.Text, out var name, out var year))
        {
            title.Connections.Add(new ParsedConnection(connectionVerb, name, year, null));
        }
        else
        {
            Warn(line, "could not read this connection");
        }
    }

    private void AddSoundtrackLine(string text)
    {
        if (Shapes.IsSoundtrackCredit(text))
        {
            if (soundtrack.Count == 0 || soundtrack[^1].Closed)
            {
                soundtrack.Add(new SoundtrackDraft(null));
            }

            soundtrack[^1].CreditLines.Add(text);
        }
        else
        {
            if (soundtrack.Count > 0)
            {
                soundtrack[^1].Closed = true;
            }

            soundtrack.Add(new SoundtrackDraft(text));
        }
    }

    /// <summary>The sub-headings were lost: a connection starts with its verb, a song is followed by its credits, a quote is "Character: line".</summary>
    private void ClassifyByShape()
    {
        var i = 0;
        while (i < block.Count)
        {
            var text = block[i].Text;
            var next = i + 1 < block.Count ? block[i + 1].Text : null;
            if (Shapes.TryConnection(text, requireYear: true, out var connection))
            {
                title.Connections.Add(connection);
                i++;
            }
            else if (Shapes.IsGoof(text))
            {
                title.Trivia.Add(new ParsedTrivia(TriviaKind.Goof, text));
                i++;
            }
            else if ((next is not null && Shapes.IsSoundtrackCredit(next)) || (Shapes.IsSoundtrackCredit(text) && next is not null))
            {
                i = TakeSoundtrackEntry(i);
            }
            else if (Shapes.IsQuoteLine(text, out _))
            {
                i = TakeQuote(i);
            }
            else
            {
                title.Trivia.Add(new ParsedTrivia(TriviaKind.Trivia, text));
                i++;
            }
        }
    }

    private int TakeSoundtrackEntry(int start)
    {
        var i = start;
        var entry = new SoundtrackDraft(Shapes.IsSoundtrackCredit(block[i].Text) ? null : block[i++].Text);
        while (i < block.Count && Shapes.IsSoundtrackCredit(block[i].Text))
        {
            entry.CreditLines.Add(block[i++].Text);
        }

        entry.Closed = true;
        soundtrack.Add(entry);
        return i;
    }

    /// <summary>Consecutive "Character: line" lines (and stage directions) are one quote.</summary>
    private int TakeQuote(int start)
    {
        var i = start;
        var quoteLines = new List<string>();
        var speakers = 0;
        while (i < block.Count && Shapes.IsQuoteLine(block[i].Text, out var hasSpeaker))
        {
            speakers += hasSpeaker ? 1 : 0;
            quoteLines.Add(block[i++].Text);
        }

        var kind = speakers > 0 ? TriviaKind.Quote : TriviaKind.Trivia;
        title.Trivia.Add(new ParsedTrivia(kind, string.Join("\n", quoteLines)));
        return i;
    }

    // ---- Frequently asked questions ----

    private bool TryFaq(string text)
    {
        if (Shapes.IsFaqEmpty(text))
        {
            title = title with { FaqEmpty = true };
            return true;
        }

        if (text.EndsWith('?') && text.Length <= 300)
        {
            currentFaq = new FaqDraft(text);
            faqs.Add(currentFaq);
            return true;
        }

        if (currentFaq is null)
        {
            return false;
        }

        currentFaq.Answer = Append(currentFaq.Answer, text);
        return true;
    }

    // ---- User reviews: headline, date line, paragraphs, "N of M people found this review helpful." ----

    private bool TryReview(int index, PageLine line)
    {
        var text = line.Text;
        if (Shapes.IsSpoilerWarning(text))
        {
            if (currentReview is { Paragraphs.Count: 0 })
            {
                currentReview.Spoilers = true;
            }
            else
            {
                pendingSpoiler = true;
            }

            return true;
        }

        if (Shapes.TryHelpful(text, out var helpful, out var voted, out var aboveReview))
        {
            return TakeHelpful(helpful, voted, aboveReview);
        }

        if (Shapes.TryReviewDate(text, out var date, out var author))
        {
            // A date with no headline above it: the headline was lost, not invented here.
            var review = currentReview is { Date: null, Paragraphs.Count: 0 } ? currentReview : StartReview("");
            review.Date = date;
            review.Author = author;
            return true;
        }

        if (IsHeadlineAt(index))
        {
            StartReview(text);
            return true;
        }

        if (Shapes.TryReviewRating(text, out var rating))
        {
            if (currentReview is { Paragraphs.Count: 0, Rating: null })
            {
                currentReview.Rating = rating;
                return true;
            }

            if (IsHeadlineAt(NextContent(index)))
            {
                pendingRating = rating;
                return true;
            }
        }

        if (currentReview is { Paragraphs.Count: 0, Author: null, Date: not null } && Shapes.TryAuthorFrom(text, out var from))
        {
            currentReview.Author = from;
            return true;
        }

        if (currentReview is null)
        {
            return false;
        }

        currentReview.Paragraphs.Add(text);
        return true;
    }

    private bool TakeHelpful(int helpful, int voted, bool aboveReview)
    {
        if (aboveReview)
        {
            pendingHelpful = (helpful, voted);
            return true;
        }

        if (currentReview is null)
        {
            return false;
        }

        currentReview.Helpful = helpful;
        currentReview.Voted = voted;
        currentReview = null;
        return true;
    }

    private ReviewDraft StartReview(string headline)
    {
        var review = new ReviewDraft(headline)
        {
            Spoilers = pendingSpoiler,
            Rating = pendingRating,
            Helpful = pendingHelpful?.Helpful ?? 0,
            Voted = pendingHelpful?.Voted ?? 0,
        };
        pendingSpoiler = false;
        pendingRating = null;
        pendingHelpful = null;
        reviews.Add(review);
        currentReview = review;
        return review;
    }

    /// <summary>A headline is the line right above a review's date line (a rating or spoiler line may sit between).</summary>
    private bool IsHeadlineAt(int index)
    {
        if (index < 0 || index >= lines.Count || lines[index].Text.Length > 300
            || Shapes.TryReviewRating(lines[index].Text, out _) || Shapes.IsSpoilerWarning(lines[index].Text))
        {
            return false;
        }

        var next = NextContent(index);
        for (var skipped = 0; next >= 0 && skipped < 2; skipped++)
        {
            var text = lines[next].Text;
            if (!Shapes.TryReviewRating(text, out _) && !Shapes.IsSpoilerWarning(text))
            {
                break;
            }

            next = NextContent(next);
        }

        return next >= 0 && Shapes.TryReviewDate(lines[next].Text, out _, out _)
            && !Shapes.TryReviewDate(lines[index].Text, out _, out _);
    }

    private int NextContent(int index)
    {
        for (var i = index + 1; i >= 1 && i < lines.Count; i++)
        {
            if (lines[i].Kind == LineKind.Content)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?<h>Directors?|Stars?|With)\s*:\s*(?<v>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CardCredit();

    private sealed class CardDraft
    {
        public int Stage { get; set; } = -1;
        public string? Name { get; set; }
        public int? Year { get; set; }
        public List<string> Genres { get; } = [];
        public double? Rating { get; set; }
        public string? Plot { get; set; }
        public List<string> Directors { get; } = [];
        public List<string> Stars { get; } = [];

        public ParsedCard ToParsed() => new()
        {
            Name = Name,
            Year = Year,
            Genres = Genres,
            Rating = Rating,
            Plot = Plot,
            Directors = Directors,
            Stars = Stars,
        };
    }

    private sealed class SoundtrackDraft(string? song)
    {
        public string? Song { get; } = song;
        public List<string> CreditLines { get; } = [];

        /// <summary>A later credit line belongs to a new entry whose song title was lost.</summary>
        public bool Closed { get; set; }
    }

    private sealed class FaqDraft(string question)
    {
        public string Question { get; } = question;
        public string? Answer { get; set; }
    }

    private sealed class ReviewDraft(string headline)
    {
        public string Headline { get; } = headline;
        public DateOnly? Date { get; set; }
        public string? Author { get; set; }
        public int? Rating { get; set; }
        public bool Spoilers { get; set; }
        public List<string> Paragraphs { get; } = [];
        public int Helpful { get; set; }
        public int Voted { get; set; }

        public ParsedReview ToParsed() => new()
        {
            Headline = Headline,
            Date = Date,
            Author = Author,
            Rating = Rating,
            ContainsSpoilers = Spoilers,
            Paragraphs = Paragraphs,
            Helpful = Helpful,
            Voted = Voted,
        };
    }
}
