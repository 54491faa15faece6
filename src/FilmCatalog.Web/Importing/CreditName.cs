namespace FilmCatalog.Web.Importing;

/// <summary>
/// A name in a director, writer or star list with the source's note after it: "Joel Coen (screenplay)",
/// "Cormac McCarthy (novel)", "Dana Crane (creator)". The person is the name; the note belongs to the credit,
/// so the writer and the director "Joel Coen" are one person with one page.
/// </summary>
public static class CreditName
{
    public static (string Name, string? Note) Split(string listed)
    {
        var open = listed.LastIndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || !listed.EndsWith(')'))
            return (listed, null);
        var note = listed[(open + 2)..^1].Trim();
        return note.Length == 0 ? (listed[..open].Trim(), null) : (listed[..open].Trim(), note);
    }
}
