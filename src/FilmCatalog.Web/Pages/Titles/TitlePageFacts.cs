using System.Text.Json;
using System.Text.Json.Serialization;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Pages.Titles;

/// <summary>
/// What a title's source page says, shaped and ordered as the title page shows it: the content of its
/// <see cref="TitlePageDocument"/>. Nothing in it depends on another title (links to other titles'
/// pages are read live) or on visitors (reviews, ratings and counts are columns of the title).
/// </summary>
public sealed record TitlePageFacts(
    List<FactView> Facts,
    List<CreditView> Credits,
    List<TriviaView> Trivia,
    List<ConnectionFacts> Connections,
    List<SoundtrackView> Soundtrack,
    List<FaqView> Faq,
    List<CardFacts> Cards)
{
    /// <summary>The document shape: raise it when the shape changes, and every document is rebuilt at the next start.</summary>
    /// <remarks>Version 2: a connection keeps the other title's kind and run.</remarks>
    public const int Version = 2;

    /// <summary>
    /// The document of title <paramref name="titleId"/> from its rows (those of other titles are skipped),
    /// filtered and ordered exactly as the title page's query over the tables reads them
    /// (<see cref="DetailsModel.QueryFromTables"/>); <paramref name="names"/> gives credited people's names.
    /// </summary>
    public static TitlePageFacts From(int titleId, IEnumerable<TitleFact> facts, IEnumerable<Credit> credits, IReadOnlyDictionary<int, string> names,
        IEnumerable<Trivia> trivia, IEnumerable<Connection> connections, IEnumerable<SoundtrackEntry> soundtrack,
        IEnumerable<FaqEntry> faq, IEnumerable<AlsoLiked> cards) => new(
        [.. facts.Where(f => f.TitleId == titleId && f.Kind != TitleFactKind.CreditFragment)
            .OrderBy(f => f.Kind).ThenBy(f => f.Position)
            .Select(f => new FactView(f.Kind, f.Text, f.Qualifier))],
        [.. credits.Where(c => c.TitleId == titleId && (c.PersonId != null || c.Character != null))
            .OrderBy(c => c.Role).ThenBy(c => c.Position)
            .Select(c => new CreditView(c.Role, c.PersonId is { } id ? names[id] : null, c.Character, c.Note))],
        [.. trivia.Where(t => t.TitleId == titleId).OrderBy(t => t.Kind).ThenBy(t => t.Position).Select(t => new TriviaView(t.Kind, t.Text))],
        [.. connections.Where(c => c.TitleId == titleId).OrderBy(c => c.Position)
            .Select(c => new ConnectionFacts(c.Position, c.Kind, c.OtherName, c.OtherYear, c.Note)
            {
                OtherKind = c.OtherKind,
                OtherEndYear = c.OtherEndYear,
                OtherIsOpenRun = c.OtherIsOpenRun,
            })],
        [.. soundtrack.Where(s => s.TitleId == titleId).OrderBy(s => s.Position).Select(s => new SoundtrackView(s.Song, [.. s.CreditLines]))],
        [.. faq.Where(f => f.TitleId == titleId).OrderBy(f => f.Position).Select(f => new FaqView(f.Question, f.Answer))],
        [.. cards.Where(a => a.TitleId == titleId).OrderBy(a => a.Position)
            .Select(a => new CardFacts(a.Position, a.Name, a.Year, [.. a.Genres], a.Rating, a.Plot, [.. a.Directors], [.. a.Stars]))]);

    public string ToJson() => JsonSerializer.Serialize(this, TitlePageFactsJson.Default.TitlePageFacts);

    public static TitlePageFacts FromJson(string json) =>
        JsonSerializer.Deserialize(json, TitlePageFactsJson.Default.TitlePageFacts) ?? throw new JsonException("A title page document is empty.");
}

/// <summary>A connection as the source printed it; whether the other film has a page here is read live, by <see cref="Position"/>.</summary>
public sealed record ConnectionFacts(int Position, string Kind, string OtherName, int? OtherYear, string? Note)
{
    public TitleKind? OtherKind { get; init; }
    public int? OtherEndYear { get; init; }
    public bool OtherIsOpenRun { get; init; }
}

/// <summary>A "people also liked" card as the source printed it; the page it links to is read live, by <see cref="Position"/>.</summary>
public sealed record CardFacts(int Position, string? Name, int? Year, List<string> Genres, double? Rating, string? Plot, List<string> Directors, List<string> Stars);

/// <summary>Source-generated: no reflection when a page reads its document.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TitlePageFacts))]
internal sealed partial class TitlePageFactsJson : JsonSerializerContext;
