namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// The storyline part: the synopsis (signed "Written by ..." or not), the taglines under
/// "Plot Summary | Add Synopsis" (one per line), the genres and the certificate.
/// </summary>
/// <remarks>
/// An unsigned synopsis has no shape of its own, so it is weighed: a paragraph is the storyline
/// when the storyline's own lines follow it (the tagline marker, a genres or certificate line), when
/// it comes where the page puts the storyline (after the cast or the cards), and when it speaks of
/// the cast's characters. One of these is a hint; together they are evidence.
/// </remarks>
internal sealed class StorylineReader(TitlePageParser page) : FieldReader(page, PagePart.Storyline)
{
    private enum Kind
    {
        None,
        Signed,
        Unsigned,
        Tagline,
        Rated,
        Genres,
        Field,
    }

    /// <summary>After the tagline marker, until the first tagline.</summary>
    private bool taglineExpected;

    /// <summary>After a tagline, until a blank line: the next line is another tagline.</summary>
    private bool inTaglines;

    private int classified = -1;
    private Kind kind;

    public void ExpectTagline()
    {
        taglineExpected = true;
        inTaglines = false;
    }

    public override Fit Opens(int i) => Classify(i, continuing: false);

    public override Fit Continues(int i) => Classify(i, continuing: true);

    public override void Blank() => inTaglines = false;

    public override void Close()
    {
        base.Close();
        taglineExpected = false;
        inTaglines = false;
    }

    private Fit Classify(int i, bool continuing)
    {
        var (k, fit) = Read(i, continuing);
        classified = i;
        kind = k;
        return fit;
    }

    private (Kind, Fit) Read(int i, bool continuing)
    {
        var text = Text(i);
        var field = continuing ? FieldFit(text, i) : Fit.None;
        if (field >= Fit.Strong)
        {
            return (Kind.Field, field);
        }

        if (Shapes.TryStoryline(text, out _, out _))
        {
            return (Kind.Signed, Fit.Certain);
        }

        if (Shapes.TryRated(text, out _, out _))
        {
            return (Kind.Rated, Fit.Strong);
        }

        if (Shapes.TryGenres(text, out _))
        {
            return (Kind.Genres, Fit.Strong);
        }

        if (continuing && (taglineExpected || inTaglines) && IsTaglineShaped(text))
        {
            return (Kind.Tagline, taglineExpected ? Fit.Certain : Fit.Strong);
        }

        if (field > Fit.None)
        {
            return (Kind.Field, field);
        }

        return Title.Storyline is null && UnsignedStoryline(i) is var evidence and > Fit.None ? (Kind.Unsigned, evidence) : (Kind.None, Fit.None);
    }

    private static bool IsTaglineShaped(string text) => text.Length <= 200 && !Shapes.TryTitleRating(text, out _, out _);

    private Fit UnsignedStoryline(int i)
    {
        var text = Text(i);
        if (text.Length < 100 || !".!?\"')…]".Contains(text[^1], StringComparison.Ordinal) || text.Contains(" ... ", StringComparison.Ordinal))
        {
            return Fit.None;
        }

        var evidence = (int)Fit.Weak;

        // The storyline's own lines follow it: the tagline marker, the genres, the certificate.
        var next = Page.NextContent(i);
        if (next >= 0 && (Page.Lines[next].Kind == LineKind.TaglineMarker || Shapes.TryGenres(Text(next), out _)
            || Shapes.TryRated(Text(next), out _, out _) || Text(next).StartsWith("Taglines:", StringComparison.OrdinalIgnoreCase)
            || Text(next).StartsWith("Genres:", StringComparison.OrdinalIgnoreCase) || Text(next).StartsWith("Plot Keywords:", StringComparison.OrdinalIgnoreCase)))
        {
            evidence += 2;
        }

        // The page puts the storyline right after the cast (or the cards, when the cast is missing).
        if (Page.OpenPart is PagePart.Cast or PagePart.Cards)
        {
            evidence++;
        }

        // A synopsis speaks of the film's characters (only worth looking when it could tip the balance).
        if (evidence < (int)Fit.Strong && MentionsCast(text))
        {
            evidence++;
        }

        return (Fit)Math.Min(evidence, (int)Fit.Strong);
    }

    private bool MentionsCast(string text)
    {
        foreach (var member in Title.Cast)
        {
            foreach (var name in (string?[])[member.Character, member.Name])
            {
                // First names are what a synopsis uses: "Yann", not "Yann Le Goff".
                var first = name?.Split(' ', 2)[0];
                if (first is { Length: >= 3 } && IsNameShaped(first) && text.Contains(first, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public override bool Take(int i)
    {
        if (classified != i)
        {
            Classify(i, continuing: Page.OpenPart == PagePart.Storyline);
        }

        var text = Text(i);
        switch (kind)
        {
            case Kind.Signed:
                Shapes.TryStoryline(text, out var storyline, out var author);
                Title.Storyline = Append(Title.Storyline, storyline);
                Title.StorylineAuthor = author;
                return true;
            case Kind.Unsigned:
                Title.Storyline = text;
                return true;
            case Kind.Tagline:
                taglineExpected = false;
                inTaglines = true;
                AddAll(Title.Taglines, [text]);
                return true;
            case Kind.Rated:
                Shapes.TryRated(text, out var certificate, out var reason);
                SetCertificate(null, certificate, reason);
                return true;
            case Kind.Genres:
                return AddGenres(text, i);
            case Kind.Field:
                return TakeFieldValue(text, i);
            default:
                return false;
        }
    }
}
