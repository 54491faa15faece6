namespace FilmCatalog.Web.Importing.Reading;

/// <summary>Frequently asked questions: a question ending in "?", its answer in the lines under it.</summary>
internal sealed class FaqReader(TitlePageParser page) : PartReader(page)
{
    private readonly List<(string Question, string? Answer)> entries = [];
    private int? current;

    public override PagePart Part => PagePart.Faq;

    /// <summary>Questions read so far.</summary>
    public int Count => entries.Count;

    public override Fit Opens(int i)
    {
        var text = Text(i);
        return Shapes.IsFaqEmpty(text) ? Fit.Certain : IsQuestion(text) ? Fit.Weak : Fit.None;
    }

    public override Fit Continues(int i)
    {
        var text = Text(i);
        return Shapes.IsFaqEmpty(text) ? Fit.Certain : IsQuestion(text) ? Fit.Strong : current is not null ? Fit.Likely : Fit.None;
    }

    public override bool Take(int i)
    {
        var text = Text(i);
        if (Shapes.IsFaqEmpty(text))
        {
            Title.FaqEmpty = true;
        }
        else if (IsQuestion(text))
        {
            entries.Add((text, null));
            current = entries.Count - 1;
        }
        else if (current is { } at)
        {
            var (question, answer) = entries[at];
            entries[at] = (question, answer is null ? text : $"{answer}\n\n{text}");
        }
        else
        {
            return false;
        }

        return true;
    }

    public override void Close()
    {
        current = null;
        Title.Faq = entries.ConvertAll(e => new ParsedFaq(e.Question, e.Answer));
    }

    private static bool IsQuestion(string text) => text.EndsWith('?') && text.Length <= 300;
}
