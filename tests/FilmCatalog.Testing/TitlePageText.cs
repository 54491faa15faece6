using System.Globalization;
using System.Text;

namespace FilmCatalog.Testing;

/// <summary>
/// A title page in the seeds format (see docs/FORMAT.md), written from a few facts, for tests that
/// need films of their own through the real importer: <c>new TitlePageText("Hamlet", 1996) { Genres = ["Drama"] }.Bytes</c>.
/// Only the parts given are written, in the order and labelled form the parser reads.
/// </summary>
public sealed record TitlePageText(string Name, int? Year)
{
    /// <summary>The kind the title line names before the year ("TV Series"); null for a film.</summary>
    public string? Kind { get; init; }

    /// <summary>What follows the year in the title line: a run's end ("–2004"), or a dash alone for an open run.</summary>
    public string? Run { get; init; }

    public string Summary { get; init; } = "A film made for a test, with a summary that is long enough to read as one.";
    public double? Rating { get; init; }
    public int? Votes { get; init; }
    public int? UserReviews { get; init; }
    public IReadOnlyList<string> Genres { get; init; } = [];
    public IReadOnlyList<string> Directors { get; init; } = [];
    public IReadOnlyList<string> Stars { get; init; } = [];

    /// <summary>Cast rows: the actor, then the character (null for none).</summary>
    public IReadOnlyList<(string Actor, string? Character)> Cast { get; init; } = [];

    /// <summary>Also-known-as titles: the title, then where it is used (null for nowhere said).</summary>
    public IReadOnlyList<(string Title, string? Where)> AlsoKnownAs { get; init; } = [];

    public IReadOnlyList<Card> Cards { get; init; } = [];

    /// <summary>Soundtrack entries: the song, then its credit lines ("Written by ...").</summary>
    public IReadOnlyList<(string Song, string[] Lines)> Soundtrack { get; init; } = [];

    /// <summary>A "people who liked this also liked" card; a null <see cref="Name"/> is a card whose title line was lost.</summary>
    public sealed record Card(string? Name, int? Year, string Genres, double Rating, string Director, params string[] Stars)
    {
        /// <summary>The kind the card's title line names before the year ("Video Game"); null for a film.</summary>
        public string? Kind { get; init; }

        /// <summary>What follows the year in the card's title line: "–2004", or "–" for an open run.</summary>
        public string? Run { get; init; }
    }

    /// <summary>"Name (1996)", "Name (TV Series 1994–2004)": the page's own with a no-break space before the parenthesis, as the site printed it.</summary>
    private static string TitleLine(string name, int? year, string? kind, string? run, char space) =>
        year is { } y ? $"{name}{space}({(kind is null ? "" : kind + " ")}{y.ToString(CultureInfo.InvariantCulture)}{run})" : name;

    public string Slug => Web.Catalog.Slug.For(Name, Year);

    public byte[] Bytes => new UTF8Encoding(false).GetBytes(Text);

    public string Text
    {
        get
        {
            var page = new StringBuilder();
            void Line(string text = "") => page.Append(text).Append('\n');

            if (UserReviews is { } users)
            {
                Line(FormattableString.Invariant($"{users:N0} user | 3 critic"));
                Line();
            }

            Line(TitleLine(Name, Year, Kind, Run, '\u00a0'));
            Line();
            if (Rating is { } rating)
            {
                Line(FormattableString.Invariant($"Ratings: {rating:0.0}/10") + (Votes is { } votes ? FormattableString.Invariant($" from {votes:N0} users") : ""));
                Line();
            }

            Line(Summary);
            Line();
            if (Directors.Count > 0)
                Line((Directors.Count == 1 ? "Director: " : "Directors: ") + string.Join(", ", Directors));
            if (Stars.Count > 0)
                Line("Stars: " + string.Join(", ", Stars));
            Line();

            if (Cards.Count > 0)
            {
                Line("People who liked this also liked...\u00a0");
                Line();
                foreach (var card in Cards)
                {
                    if (card.Name is { } cardName)
                        Line(card.Year is { } cardYear ? TitleLine(cardName, cardYear, card.Kind, card.Run, ' ') : cardName);
                    Line(card.Genres);
                    Line(FormattableString.Invariant($"    1 2 3 4 5 6 7 8 9 10 {card.Rating:0.0}/10 X  "));
                    Line();
                    Line("A card's plot, which says what the film is about in a sentence or two.");
                    Line();
                    Line("Director: " + card.Director);
                    Line("Stars: " + string.Join(", ", card.Stars));
                }

                Line();
            }

            if (Cast.Count > 0)
            {
                Line("Cast overview, first billed only:");
                foreach (var (actor, character) in Cast)
                {
                    Line(actor + " ...");
                    if (character is not null)
                        Line(character);
                }

                Line();
            }

            if (Genres.Count > 0)
            {
                Line("Genres: " + string.Join(" | ", Genres));
                Line();
            }

            Line("Details");
            Line();
            if (AlsoKnownAs.Count > 0)
            {
                Line("Also Known As:");
                foreach (var (title, where) in AlsoKnownAs)
                    Line(where is null ? title : $"{title} ({where})");
                Line();
            }

            if (Soundtrack.Count > 0)
            {
                Line("Did You Know?");
                Line();
                Line("Soundtracks");
                foreach (var (song, lines) in Soundtrack)
                {
                    Line(song);
                    foreach (var credit in lines)
                        Line(credit);
                }

                Line();
            }

            Line("User Reviews");
            Line();
            Line(string.Create(CultureInfo.InvariantCulture, $"Review this title | See all {UserReviews ?? 0} user reviews \u00bb"));
            return page.ToString();
        }
    }
}
