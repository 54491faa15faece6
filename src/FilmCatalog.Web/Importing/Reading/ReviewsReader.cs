namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// User reviews: headline, an optional rating and spoiler warning, the date line (with the author
/// when the link kept its text, or "Author from Place" next to it), paragraphs, and the
/// helpfulness line, below the review or (in older captures) above it.
/// </summary>
/// <remarks>
/// A review's paragraphs have no shape, so a review ends at its helpfulness line, at the next
/// review's headline, or where another part's evidence is stronger than "one more paragraph"
/// (a signed storyline, a connection, a cast row): a review with no helpfulness line must not
/// swallow the part after it.
/// </remarks>
internal sealed class ReviewsReader(TitlePageParser page) : PartReader(page)
{
    private readonly List<ReviewDraft> reviews = [];
    private ReviewDraft? current;
    private bool pendingSpoiler;
    private int? pendingRating;
    private (int Helpful, int Voted)? pendingHelpful;

    public override PagePart Part => PagePart.Reviews;

    public override Fit Opens(int i)
    {
        var text = Text(i);
        if (Shapes.TryHelpful(text, out _, out _, out var above))
        {
            return above ? Fit.Certain : Fit.Strong;
        }

        return Shapes.IsSpoilerWarning(text) || IsHeadlineAt(i) ? Fit.Strong : Fit.None;
    }

    public override Fit Continues(int i)
    {
        var text = Text(i);
        if (Shapes.IsSpoilerWarning(text) || Shapes.TryHelpful(text, out _, out _, out _) || Shapes.TryReviewDate(text, out _, out _) || IsHeadlineAt(i))
        {
            return Fit.Certain;
        }

        if (Shapes.TryReviewRating(text, out _) && (current is { Paragraphs.Count: 0, Rating: null } || IsHeadlineAt(Page.NextContent(i))))
        {
            return Fit.Certain;
        }

        if (current is { Paragraphs.Count: 0, Author: null } && Shapes.TryAuthorFrom(text, out _))
        {
            return Fit.Strong;
        }

        return current is null ? Fit.None : Fit.Likely;
    }

    public override bool Take(int i)
    {
        var text = Text(i);
        if (Shapes.IsSpoilerWarning(text))
        {
            if (current is { Paragraphs.Count: 0 })
            {
                current.Spoilers = true;
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
            var review = current is { Date: null, Paragraphs.Count: 0 } ? current : Start("");
            review.Date = date;
            review.Author ??= author;
            return true;
        }

        if (IsHeadlineAt(i))
        {
            Start(text);
            return true;
        }

        if (Shapes.TryReviewRating(text, out var rating))
        {
            if (current is { Paragraphs.Count: 0, Rating: null })
            {
                current.Rating = rating;
                return true;
            }

            if (IsHeadlineAt(Page.NextContent(i)))
            {
                pendingRating = rating;
                return true;
            }
        }

        if (current is { Paragraphs.Count: 0, Author: null } && Shapes.TryAuthorFrom(text, out var from))
        {
            current.Author = from;
            return true;
        }

        if (current is null)
        {
            return false;
        }

        current.Paragraphs.Add(text);
        return true;
    }

    public override void Close()
    {
        current = null;
        Title.Reviews = reviews.ConvertAll(r => r.ToParsed());
    }

    private bool TakeHelpful(int helpful, int voted, bool aboveReview)
    {
        if (aboveReview)
        {
            pendingHelpful = (helpful, voted);
            return true;
        }

        if (current is null)
        {
            return false;
        }

        current.Helpful = helpful;
        current.Voted = voted;
        current = null;
        return true;
    }

    private ReviewDraft Start(string headline)
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
        current = review;
        return review;
    }

    /// <summary>
    /// A headline is the line right above a review's date line; a rating, a spoiler warning or an
    /// "Author from Place" line (the 2010-2011 layout) may sit between.
    /// </summary>
    private bool IsHeadlineAt(int index)
    {
        var lines = Page.Lines;
        if (index < 0 || index >= lines.Count || lines[index].Kind != LineKind.Content || lines[index].Text.Length > 300
            || Shapes.TryReviewRating(lines[index].Text, out _) || Shapes.IsSpoilerWarning(lines[index].Text)
            || Shapes.TryReviewDate(lines[index].Text, out _, out _))
        {
            return false;
        }

        var next = Page.NextContent(index);
        for (var skipped = 0; next >= 0 && skipped < 3; skipped++)
        {
            var text = lines[next].Text;
            if (!Shapes.TryReviewRating(text, out _) && !Shapes.IsSpoilerWarning(text) && !Shapes.TryAuthorFrom(text, out _))
            {
                break;
            }

            next = Page.NextContent(next);
        }

        return next >= 0 && Shapes.TryReviewDate(lines[next].Text, out _, out _);
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
