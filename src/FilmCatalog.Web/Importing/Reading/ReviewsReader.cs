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
    private (int Helpful, int Voted, int Line)? pendingHelpful;

    public override PagePart Part => PagePart.Reviews;

    /// <summary>Reviews read so far.</summary>
    public int Count => reviews.Count;

    private enum Kind
    {
        None,
        Spoiler,
        Helpful,
        Date,
        Headline,
        Rating,
        RatingAbove,
        Author,
        Paragraph,
    }

    private int classified = -1;
    private Kind kind;

    /// <summary>Only a review's own lines begin the part; a paragraph cannot.</summary>
    public override Fit Opens(int i)
    {
        Classify(i);
        return kind switch
        {
            Kind.Helpful => Shapes.TryHelpful(Text(i), out _, out _, out var above) && above ? Fit.Certain : Fit.Strong,
            Kind.Spoiler or Kind.Date or Kind.Headline => Fit.Strong,
            _ => Fit.None,
        };
    }

    public override Fit Continues(int i) => Classify(i);

    private Fit Classify(int i)
    {
        classified = i;
        (kind, var fit) = Read(i);
        return fit;
    }

    private (Kind, Fit) Read(int i)
    {
        var text = Text(i);
        if (Shapes.IsSpoilerWarning(text))
        {
            return (Kind.Spoiler, Fit.Certain);
        }

        if (Shapes.TryHelpful(text, out _, out _, out _))
        {
            return (Kind.Helpful, Fit.Certain);
        }

        if (Shapes.TryReviewDate(text, out _, out _))
        {
            return (Kind.Date, Fit.Certain);
        }

        // "Author from Place" under the headline (2010-2011 layout), though a date follows it as one follows a headline.
        if (current is { Date: null, Paragraphs.Count: 0, Author: null, Headline.Length: > 0 } && Shapes.TryAuthorFrom(text, out _))
        {
            return (Kind.Author, Fit.Certain);
        }

        if (IsHeadlineAt(i))
        {
            return (Kind.Headline, Fit.Certain);
        }

        if (Shapes.TryReviewRating(text, out _))
        {
            // Under a headline it is the review's rating; above one, the next review's; with only a
            // date under it and no headline above, it is itself the headline ("8/10").
            if (current is { Paragraphs.Count: 0, Rating: null })
            {
                return (Kind.Rating, Fit.Certain);
            }

            if (IsHeadlineAt(Page.NextContent(i)))
            {
                return (Kind.RatingAbove, Fit.Certain);
            }

            if (Page.NextContent(i) is var next and >= 0 && Shapes.TryReviewDate(Text(next), out _, out _))
            {
                return (Kind.Headline, Fit.Certain);
            }
        }

        if (current is { Paragraphs.Count: 0, Author: null } && Shapes.TryAuthorFrom(text, out _))
        {
            return (Kind.Author, Fit.Strong);
        }

        return current is null ? (Kind.None, Fit.None) : (Kind.Paragraph, Fit.Likely);
    }

    public override bool Take(int i)
    {
        if (classified != i)
        {
            Classify(i);
        }

        var text = Text(i);
        switch (kind)
        {
            case Kind.Spoiler:
                if (current is { Paragraphs.Count: 0 })
                {
                    current.Spoilers = true;
                }
                else
                {
                    pendingSpoiler = true;
                }

                return true;
            case Kind.Helpful:
                Shapes.TryHelpful(text, out var helpful, out var voted, out var aboveReview);
                return TakeHelpful(helpful, voted, aboveReview, i);
            case Kind.Date:
                Shapes.TryReviewDate(text, out var date, out var author, out var place);

                // A date with no headline above it: the headline was lost, not invented here.
                var review = current is { Date: null, Paragraphs.Count: 0 } ? current : Start("", i);
                review.Date = date;
                if (review.Author is null && review.AuthorPlace is null)
                {
                    (review.Author, review.AuthorPlace) = (author, place);
                }

                return true;
            case Kind.Headline:
                Start(text, i);
                return true;
            case Kind.Rating:
                Shapes.TryReviewRating(text, out var rating);
                current!.Rating = rating;
                return true;
            case Kind.RatingAbove:
                Shapes.TryReviewRating(text, out var next);
                pendingRating = next;
                return true;
            case Kind.Author:
                Shapes.TryAuthorFrom(text, out var from, out var fromPlace);
                (current!.Author, current.AuthorPlace) = (Shapes.NullIfEmpty(from), Shapes.NullIfEmpty(fromPlace));
                return true;
            case Kind.Paragraph:
                current!.Paragraphs.Add(text);
                return true;
            default:
                return false;
        }
    }

    public override void Close()
    {
        DiscardPendingHelpful();
        current = null;
        Title.Reviews = reviews.ConvertAll(r => r.ToParsed());
    }

    private bool TakeHelpful(int helpful, int voted, bool aboveReview, int line)
    {
        if (aboveReview)
        {
            DiscardPendingHelpful();
            pendingHelpful = (helpful, voted, line);
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

    private ReviewDraft Start(string headline, int line)
    {
        if (pendingHelpful is { } votes && !HeadsReviewAt(votes.Line, line))
        {
            DiscardPendingHelpful();
        }

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
    /// "12 out of 15 people found the following review useful:" heads the review right under it (a
    /// rating or a spoiler warning may sit between); when other lines came between, its review could
    /// not be read, and its votes are not the next review's.
    /// </summary>
    private bool HeadsReviewAt(int helpfulLine, int reviewLine)
    {
        for (var at = Page.NextContent(helpfulLine); at >= 0 && at < reviewLine; at = Page.NextContent(at))
        {
            if (!Shapes.TryReviewRating(Text(at), out _) && !Shapes.IsSpoilerWarning(Text(at)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Votes whose review could not be read go with it, reported on their line.</summary>
    private void DiscardPendingHelpful()
    {
        if (pendingHelpful is { } votes)
        {
            Page.Note(votes.Line, $"the review these votes ({votes.Helpful} of {votes.Voted}) were for could not be read; they are not kept");
        }

        pendingHelpful = null;
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
        public string? AuthorPlace { get; set; }
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
            AuthorPlace = AuthorPlace,
            Rating = Rating,
            ContainsSpoilers = Spoilers,
            Paragraphs = Paragraphs,
            Helpful = Helpful,
            Voted = Voted,
        };
    }
}
