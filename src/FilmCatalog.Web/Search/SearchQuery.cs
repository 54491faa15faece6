using System.Globalization;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Search;

/// <summary>
/// What a visitor typed, read for searching: folded into words (<see cref="TextFold"/>), so case,
/// accents and punctuation do not matter and nothing typed is ever query syntax; bounded, so a
/// thousand characters cost what twenty do; and a year among other words taken as a narrowing
/// ("hamlet 1996").
/// </summary>
public sealed record SearchQuery
{
    /// <summary>Characters read from the query; the rest is ignored. No film or person name comes near it.</summary>
    public const int MaxLength = 200;

    /// <summary>Words read from the query.</summary>
    public const int MaxWords = 12;

    private const int FirstYear = 1870;

    /// <summary>The text as typed (cut to <see cref="MaxLength"/>), to show back in the search box.</summary>
    public required string Text { get; init; }

    /// <summary>Every word, folded, the year included.</summary>
    public required IReadOnlyList<string> Words { get; init; }

    /// <summary>A year among the words (the last one that looks like a year, when there are other words).</summary>
    public int? Year { get; init; }

    /// <summary>The words without the year.</summary>
    public IReadOnlyList<string> NameWords => Year is { } year ? WithoutLast(Words, year.ToString(CultureInfo.InvariantCulture)) : Words;

    public bool IsEmpty => Words.Count == 0;

    /// <summary>A query that is one year and nothing else ("1977"): never a narrowing, since nothing is left to narrow.</summary>
    public int? OnlyYear => Words is [var only] ? AsYear(only) : null;

    public static SearchQuery Parse(string? text)
    {
        text ??= "";
        if (text.Length > MaxLength)
            text = text[..MaxLength];
        var words = TextFold.Words(text).Take(MaxWords).ToList();

        int? year = null;
        if (words.Count > 1)
            year = words.Select(AsYear).LastOrDefault(y => y is not null);

        // Control characters are nothing a visitor meant to type, and cannot be shown back in the box.
        var shown = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return new SearchQuery { Text = shown, Words = words, Year = year };
    }

    private static int? AsYear(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= FirstYear && year <= DateTime.UtcNow.Year + 10
            ? year
            : null;

    private static List<string> WithoutLast(IReadOnlyList<string> words, string word)
    {
        var list = words.ToList();
        list.RemoveAt(list.LastIndexOf(word));
        return list;
    }
}
