namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// Reads one part of a title page. Like a Markdig block parser it says whether a line opens its
/// part (<see cref="Opens"/>), whether the next line continues it (<see cref="Continues"/>), and is
/// closed explicitly (<see cref="Close"/>); unlike one, it answers with how well the line fits, so
/// the parser can weigh the parts against each other when the headings were lost.
/// </summary>
internal abstract class PartReader(TitlePageParser page)
{
    protected TitlePageParser Page { get; } = page;

    protected ParsedTitle Title => Page.Title;

    public abstract PagePart Part { get; }

    /// <summary>How well line <paramref name="i"/>, read while another part is open, begins this part.</summary>
    public abstract Fit Opens(int i);

    /// <summary>How well line <paramref name="i"/> continues this part, which is open.</summary>
    public virtual Fit Continues(int i) => Opens(i);

    /// <summary>A line this open part takes even though it looks like a heading ("Director: ..." on a card).</summary>
    public virtual bool OwnsBeforeHeadings(int i) => false;

    /// <summary>Places line <paramref name="i"/>, after <see cref="Opens"/> or <see cref="Continues"/> won it; false when it cannot after all.</summary>
    public abstract bool Take(int i);

    /// <summary>A section heading of this part opened it ("Trivia" for the did-you-know part).</summary>
    public virtual void OpenSection(SectionKind kind, string? system)
    {
    }

    /// <summary>A value heading of this part ("Release Date:"); its value, when on the same line, comes through <see cref="TakeFieldValue"/>.</summary>
    public virtual void OpenField(Field field, string heading, string? system)
    {
    }

    /// <summary>Stores a value of the open heading; false when it does not fit that heading.</summary>
    public virtual bool TakeFieldValue(string text, int i) => false;

    /// <summary>A blank line while this part is open.</summary>
    public virtual void Blank()
    {
    }

    /// <summary>Another part opens: finish what is pending.</summary>
    public virtual void Close()
    {
    }

    protected string Text(int i) => Page.Lines[i].Text;

    /// <summary>Is the text a person's or character's name: one to five capitalised words?</summary>
    protected static bool IsNameShaped(string text) => text.Length is > 0 and <= 60 && Shapes.LooksLikeSpeaker(text);
}
