using System.Text.Json;
using FilmCatalog.Web.Catalog;
using Microsoft.Data.Sqlite;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// The importer's SQL, as statements prepared once per connection and re-bound for every row. Column
/// names and value formats are those of the EF Core model (Data/Configurations and the migrations):
/// enums and booleans as integers, <see cref="DateTime"/> as ISO text, string lists as JSON arrays.
/// </summary>
internal sealed class CatalogStatements(SqliteConnection connection)
{
    private readonly Dictionary<string, SqliteCommand> _byText = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    private const string TitleColumns =
        "Name, Year, YearQualifier, IsCardOnly, Summary, Storyline, StorylineAuthor, CertificateSystem, Certificate, CertificateReason, Awards, " +
        "Rating, RatingVotes, Metascore, RuntimeMinutes, SourceUserReviews, SourceCriticReviews, SourceMetacriticReviews, SoundMix, Color, AspectRatio, FaqEmpty, UpdatedAt";

    /// <summary>Starts the file's write transaction (BEGIN IMMEDIATE: it writes from the first statement).</summary>
    public SqliteTransaction Begin()
    {
        _transaction = connection.BeginTransaction(deferred: false);
        return _transaction;
    }

    private long? _ownCacheSize;

    /// <summary>Sets the connection's page cache to <paramref name="kibibytes"/>, or back to what it was (null).</summary>
    public void SetCacheSize(int? kibibytes)
    {
        _ownCacheSize ??= (long)Run("PRAGMA cache_size").ExecuteScalar()!;
        var size = kibibytes is { } k ? -(long)k : _ownCacheSize.Value;
        Run(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}")).ExecuteNonQuery();
    }

    /// <summary>True when these bytes were imported as this title by the current parser (an older one may have read less).</summary>
    public bool ImportRecordExists(string hash, string slug) =>
        Run("SELECT 1 FROM ImportRecords WHERE ContentHash = $hash AND TitleSlug = $slug AND ParserVersion = $version LIMIT 1",
            hash, slug, TitlePageParser.Version).ExecuteScalar() is not null;

    public (int Id, bool IsCardOnly)? FindTitle(string slug)
    {
        using var reader = Run("SELECT Id, IsCardOnly FROM Titles WHERE Slug = $slug", slug).ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetBoolean(1)) : null;
    }

    /// <summary>A title under <paramref name="slug"/> whose year qualifier is not known: the same film captured before "/I" was read.</summary>
    public int? FindUnqualifiedTitle(string slug) =>
        Run("SELECT Id FROM Titles WHERE Slug = $slug AND YearQualifier IS NULL", slug).ExecuteScalar() is long id ? (int)id : null;

    /// <summary>
    /// Moves a title to a new slug and keeps the old one as an alias (its URLs answer 301), so that
    /// nothing that named it by slug loses it: connections of other titles and import records follow.
    /// </summary>
    public void RenameTitle(int id, string oldSlug, string newSlug)
    {
        Run("UPDATE Titles SET Slug = $newSlug WHERE Id = $id", newSlug, id).ExecuteNonQuery();
        Run("INSERT INTO SlugAliases (OldSlug, TitleId) VALUES ($oldSlug, $id) ON CONFLICT (OldSlug) DO UPDATE SET TitleId = excluded.TitleId",
            oldSlug, id).ExecuteNonQuery();
        Run("UPDATE Connections SET OtherSlug = $newSlug WHERE OtherSlug = $oldSlug", newSlug, oldSlug).ExecuteNonQuery();
        Run("UPDATE ImportRecords SET TitleSlug = $newSlug WHERE TitleSlug = $oldSlug", newSlug, oldSlug).ExecuteNonQuery();
    }

    public int InsertTitle(string slug, ParsedTitle page, DateTime now) => Scalar(
        $"INSERT INTO Titles (Slug, CreatedAt, ReviewCount, VisitorRatingCount, VisitorRatingSum, {TitleColumns}) " +
        "VALUES ($slug, $createdAt, 0, 0, 0, $name, $year, $yearQualifier, 0, $summary, $storyline, $storylineAuthor, $certificateSystem, $certificate, " +
        "$certificateReason, $awards, $rating, $ratingVotes, $metascore, $runtime, $userReviews, $criticReviews, $metacriticReviews, $soundMix, $color, $aspectRatio, $faqEmpty, $updatedAt) RETURNING Id",
        [slug, now, .. PageValues(page, now)]);

    public void UpdateTitle(int id, ParsedTitle page, DateTime now) => Run(
        "UPDATE Titles SET Name = $name, Year = $year, YearQualifier = $yearQualifier, IsCardOnly = 0, Summary = $summary, Storyline = $storyline, StorylineAuthor = $storylineAuthor, " +
        "CertificateSystem = $certificateSystem, Certificate = $certificate, CertificateReason = $certificateReason, Awards = $awards, Rating = $rating, " +
        "RatingVotes = $ratingVotes, Metascore = $metascore, RuntimeMinutes = $runtime, SourceUserReviews = $userReviews, SourceCriticReviews = $criticReviews, " +
        "SourceMetacriticReviews = $metacriticReviews, SoundMix = $soundMix, " +
        "Color = $color, AspectRatio = $aspectRatio, FaqEmpty = $faqEmpty, UpdatedAt = $updatedAt WHERE Id = $id",
        [.. PageValues(page, now), id]).ExecuteNonQuery();

    private static object?[] PageValues(ParsedTitle page, DateTime now) =>
    [
        page.Name, page.Year, page.YearQualifier, page.Summary, page.Storyline, page.StorylineAuthor, page.CertificateSystem, page.Certificate,
        page.CertificateReason, page.Awards, page.Rating, page.RatingVotes, page.Metascore, page.RuntimeMinutes, page.SourceUserReviews,
        page.SourceCriticReviews, page.SourceMetacriticReviews, page.SoundMix, page.Color, page.AspectRatio, page.FaqEmpty, now,
    ];

    public int InsertCardOnlyTitle(string slug, ParsedCard card, DateTime now) => Scalar(
        $"INSERT INTO Titles (Slug, CreatedAt, ReviewCount, VisitorRatingCount, VisitorRatingSum, {TitleColumns}) " +
        "VALUES ($slug, $createdAt, 0, 0, 0, $name, $year, $yearQualifier, 1, $summary, NULL, NULL, NULL, NULL, NULL, NULL, $rating, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, $updatedAt) RETURNING Id",
        [slug, now, card.Name, card.Year, card.YearQualifier, card.Plot, card.Rating, now]);

    public void UpdateCardOnlyTitle(int id, string? plot, double? rating, DateTime now) =>
        Run("UPDATE Titles SET Summary = $summary, Rating = $rating, UpdatedAt = $updatedAt WHERE Id = $id", plot, rating, now, id).ExecuteNonQuery();

    public void AddToReviewCount(int id, int added) =>
        Run("UPDATE Titles SET ReviewCount = ReviewCount + $added WHERE Id = $id", added, id).ExecuteNonQuery();

    /// <summary>Everything that came from the source page, which the newer capture replaces whole.</summary>
    public void ClearSourceFacts(int titleId)
    {
        foreach (var table in (string[])["TitleFacts", "Credits", "Trivia", "Connections", "Soundtrack", "Faq", "AlsoLiked"])
            Run($"DELETE FROM {table} WHERE TitleId = $titleId", titleId).ExecuteNonQuery();
    }

    public int? FindPerson(string name) =>
        Run("SELECT Id FROM People WHERE Name = $name", name).ExecuteScalar() is long id ? (int)id : null;

    public int InsertPerson(string name) => Scalar("INSERT INTO People (Name) VALUES ($name) RETURNING Id", [name]);

    public void InsertFact(int titleId, TitleFactKind kind, int position, string text, string? qualifier) =>
        Run("INSERT INTO TitleFacts (TitleId, Kind, Position, Text, Qualifier) VALUES ($titleId, $kind, $position, $text, $qualifier)",
            titleId, (int)kind, position, text, qualifier).ExecuteNonQuery();

    public void InsertCredit(int titleId, int? personId, CreditRole role, int position, string? character, string? note) =>
        Run("INSERT INTO Credits (TitleId, PersonId, Role, Position, Character, Note) VALUES ($titleId, $personId, $role, $position, $character, $note)",
            titleId, personId, (int)role, position, character, note).ExecuteNonQuery();

    public void InsertTrivia(int titleId, TriviaKind kind, int position, string text) =>
        Run("INSERT INTO Trivia (TitleId, Kind, Position, Text) VALUES ($titleId, $kind, $position, $text)",
            titleId, (int)kind, position, text).ExecuteNonQuery();

    public void InsertConnection(int titleId, int position, string kind, string otherName, int? otherYear, string otherSlug, string? note) =>
        Run("INSERT INTO Connections (TitleId, Position, Kind, OtherName, OtherYear, OtherSlug, Note) VALUES ($titleId, $position, $kind, $otherName, $otherYear, $otherSlug, $note)",
            titleId, position, kind, otherName, otherYear, otherSlug, note).ExecuteNonQuery();

    public void InsertSoundtrack(int titleId, int position, string? song, IReadOnlyList<string> creditLines) =>
        Run("INSERT INTO Soundtrack (TitleId, Position, Song, CreditLines) VALUES ($titleId, $position, $song, $creditLines)",
            titleId, position, song, Json(creditLines)).ExecuteNonQuery();

    public void InsertFaq(int titleId, int position, string question, string? answer) =>
        Run("INSERT INTO Faq (TitleId, Position, Question, Answer) VALUES ($titleId, $position, $question, $answer)",
            titleId, position, question, answer).ExecuteNonQuery();

    public void InsertCard(int titleId, int position, int? targetId, ParsedCard card) =>
        Run("INSERT INTO AlsoLiked (TitleId, Position, TargetTitleId, Name, Year, Genres, Rating, Plot, Directors, Stars) " +
            "VALUES ($titleId, $position, $targetId, $name, $year, $genres, $rating, $plot, $directors, $stars)",
            titleId, position, targetId, card.Name, card.Year, Json(card.Genres), card.Rating, card.Plot, Json(card.Directors), Json(card.Stars)).ExecuteNonQuery();

    public Dictionary<string, ImportedReview> ImportedReviews(int titleId)
    {
        var reviews = new Dictionary<string, ImportedReview>(StringComparer.Ordinal);
        using var reader = Run("SELECT SourceKey, Id, SiteHelpful, SiteNotHelpful FROM Reviews WHERE TitleId = $titleId AND SourceKey IS NOT NULL", titleId).ExecuteReader();
        while (reader.Read())
            reviews[reader.GetString(0)] = new ImportedReview(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
        return reviews;
    }

    public int InsertReview(int titleId, PreparedReview review, DateTime writtenAt, int sourceNotHelpful, double score) => Scalar(
        "INSERT INTO Reviews (TitleId, Origin, SourceKey, Headline, Body, BodyHtml, AuthorName, AuthorPlace, Rating, ContainsSpoilers, WrittenAt, AuthorVisitorId, " +
        "SourceHelpful, SourceNotHelpful, SiteHelpful, SiteNotHelpful, HelpfulScore, Status, ReportCount) " +
        "VALUES ($titleId, $origin, $sourceKey, $headline, $body, $bodyHtml, $authorName, $authorPlace, $rating, $spoilers, $writtenAt, NULL, " +
        "$sourceHelpful, $sourceNotHelpful, 0, 0, $score, $status, 0) RETURNING Id",
        [titleId, (int)ReviewOrigin.Imported, review.SourceKey, review.Parsed.Headline, review.Body, review.BodyHtml, review.Parsed.Author,
            review.Parsed.AuthorPlace, review.Parsed.Rating, review.Parsed.ContainsSpoilers, writtenAt, review.Parsed.Helpful, sourceNotHelpful, score, (int)ReviewStatus.Visible]);

    public void UpdateReview(int id, PreparedReview review, DateTime writtenAt, int sourceNotHelpful, double score) =>
        Run("UPDATE Reviews SET Headline = $headline, Body = $body, BodyHtml = $bodyHtml, AuthorName = $authorName, AuthorPlace = $authorPlace, Rating = $rating, " +
            "ContainsSpoilers = $spoilers, WrittenAt = $writtenAt, SourceHelpful = $sourceHelpful, SourceNotHelpful = $sourceNotHelpful, HelpfulScore = $score WHERE Id = $id",
            review.Parsed.Headline, review.Body, review.BodyHtml, review.Parsed.Author, review.Parsed.AuthorPlace, review.Parsed.Rating, review.Parsed.ContainsSpoilers,
            writtenAt, review.Parsed.Helpful, sourceNotHelpful, score, id).ExecuteNonQuery();

    public void InsertImportRecord(string fileName, string hash, DateTime importedAt, string slug, string report) =>
        Run("INSERT INTO ImportRecords (FileName, ContentHash, ImportedAt, TitleSlug, Report, ParserVersion) VALUES ($fileName, $hash, $importedAt, $slug, $report, $version)",
            fileName, hash, importedAt, slug, report, TitlePageParser.Version).ExecuteNonQuery();

    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private int Scalar(string text, object?[] values) => Convert.ToInt32(Run(text, values).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The prepared command for <paramref name="text"/>, its parameters bound in order of appearance.</summary>
    private SqliteCommand Run(string text, params object?[] values)
    {
        if (!_byText.TryGetValue(text, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = text;
            foreach (var name in ParameterNames(text))
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            command.Prepare();
            _byText[text] = command;
        }

        command.Transaction = _transaction?.Connection is null ? null : _transaction;

        if (command.Parameters.Count != values.Length)
            throw new InvalidOperationException($"{command.Parameters.Count} parameters in the statement, {values.Length} values given: {text}");
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }

    private static IEnumerable<string> ParameterNames(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$')
                continue;
            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                end++;
            var name = text[i..end];
            if (seen.Add(name))
                yield return name;
            i = end - 1;
        }
    }
}
