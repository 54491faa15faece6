namespace FilmCatalog.Web.Importing.Reading;

/// <summary>
/// The cast list: "Name ..." then the character on the next line, "Name ... Character" on one line,
/// or "..." where the actor's name was a lost link (the character is still a fact of the film).
/// </summary>
internal sealed class CastReader(TitlePageParser page) : PartReader(page)
{
    /// <summary>The row whose character may be on the next line: right under its "Name ..." line only.</summary>
    private int? pending;

    public override PagePart Part => PagePart.Cast;

    public override Fit Opens(int i)
    {
        if (!TrySplit(Text(i), out var name, out var rest))
        {
            return Fit.None;
        }

        // "Hans Albers ..." is a cast row; "And then ... it ends" in a review only looks like one.
        return name is null ? Fit.Likely : IsNameShaped(Shapes.SplitTrailingNotes(name).Main ?? "") ? Fit.Strong : Fit.Weak;
    }

    public override Fit Continues(int i)
    {
        var text = Text(i);
        if (TrySplit(text, out _, out _))
        {
            return Fit.Certain;
        }

        return pending is not null && text.Length <= 150 && !Shapes.TryStoryline(text, out _, out _) ? Fit.Strong : Fit.None;
    }

    public override bool Take(int i)
    {
        var text = Text(i);
        if (TrySplit(text, out var name, out var rest))
        {
            var (person, nameNote) = name is null ? (null, null) : Shapes.SplitTrailingNotes(name);
            var (character, note) = rest is null ? (null, null) : Shapes.SplitTrailingNotes(rest);
            Title.Cast.Add(new ParsedCastMember(person, character, JoinNotes(nameNote, note)));
            pending = rest is null ? Title.Cast.Count - 1 : null;
            return true;
        }

        if (pending is not { } at)
        {
            return false;
        }

        var (role, roleNote) = Shapes.SplitTrailingNotes(text);
        var member = Title.Cast[at];
        Title.Cast[at] = member with { Character = role, Note = JoinNotes(member.Note, roleNote) };
        pending = null;
        return true;
    }

    /// <summary>A character sits right under its "Name ..." line; after a gap it cannot follow.</summary>
    public override void Blank() => pending = null;

    public override void Close() => pending = null;

    /// <summary>"Name ...", "Name ... Character", or "..." alone when the name was a lost link.</summary>
    private static bool TrySplit(string line, out string? name, out string? rest)
    {
        name = null;
        rest = null;
        if (!line.Contains("...", StringComparison.Ordinal) && !line.Contains('…', StringComparison.Ordinal))
        {
            return false;
        }

        var text = line.Replace("…", "...", StringComparison.Ordinal);
        if (text == "...")
        {
            return true;
        }

        if (text.StartsWith("... ", StringComparison.Ordinal))
        {
            rest = Shapes.NullIfEmpty(text[4..]);
            return rest is null || rest.Length <= 150;
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
}
