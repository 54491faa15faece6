namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>Page numbers for the moderation lists: short lists a moderator works through, so plain numbered pages.</summary>
public readonly record struct Paging(int Number, bool HasNext)
{
    public const int Size = 20;

    /// <summary>A page number from the query string, 1 when it is missing or nonsense.</summary>
    public static int Clamp(int? number) => number is > 0 and < 100_000 ? number.Value : 1;

    public int Skip => (Number - 1) * Size;

    /// <summary>Reads one row past the page to know whether there is a next one.</summary>
    public static (List<T> Rows, Paging Paging) Of<T>(List<T> rowsAndOneMore, int number) =>
        ([.. rowsAndOneMore.Take(Size)], new Paging(number, rowsAndOneMore.Count > Size));
}
