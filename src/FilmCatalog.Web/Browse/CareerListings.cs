namespace FilmCatalog.Web.Browse;

/// <summary>
/// Keeps the <see cref="CareerListing"/> rows equal to the credits they derive from. A film's rows change
/// only when its own credits, its name or the cards that name it for someone change, and a lost-title card's
/// only with the page it is printed on: so the writer of a title derives afresh the rows of the films it
/// wrote and of every film their cards named before or name now, in the same transaction
/// (<c>Importing/CatalogImporter</c>, <see cref="Search.CatalogIndexes"/>). A name's row for a film is
/// one, however many of its spellings and credits give it.
/// </summary>
/// <remarks>
/// The SQL is the same on every provider (quoted names, <c>SUM(DISTINCT 1 &lt;&lt; role)</c> for the bits):
/// the migration that added the table ran <see cref="RefreshSql"/> with no list once.
/// </remarks>
public static class CareerListings
{
    private const string Counted = "\"Slug\", \"Group\", \"Year\", \"Roles\"";

    /// <summary>
    /// The statements, in order, that delete and derive again the rows of the titles in <paramref name="titles"/>
    /// (an SQL list, <c>(@t_0, @t_1)</c>; null for every title): the films they are, and the lost-title cards
    /// printed on them; and that take the rows deleted off the counts (<see cref="CareerYear"/>) and add the new ones.
    /// </summary>
    public static IReadOnlyList<string> RefreshSql(string? titles)
    {
        string Only(string column) => titles is null ? "" : $" AND {column} IN {titles}";
        var counts = $"SELECT {Counted}, COUNT(*) AS \"Films\" FROM \"CareerListings\" WHERE TRUE{Only("\"TitleId\"")} GROUP BY {Counted}";
        return
        [
            titles is null
                ? "DELETE FROM \"CareerYears\""
                : $"UPDATE \"CareerYears\" SET \"Films\" = \"CareerYears\".\"Films\" - d.\"Films\" FROM ({counts}) d " +
                  "WHERE \"CareerYears\".\"Slug\" = d.\"Slug\" AND \"CareerYears\".\"Group\" = d.\"Group\" " +
                  "AND \"CareerYears\".\"Year\" = d.\"Year\" AND \"CareerYears\".\"Roles\" = d.\"Roles\"",
            $"DELETE FROM \"CareerListings\" WHERE TRUE{Only("\"TitleId\"")}",

            // Films: their own credits, and the cards on any page that name someone for them.
            "INSERT INTO \"CareerListings\" (\"Slug\", \"Group\", \"Year\", \"Name\", \"TitleId\", \"CardId\", \"Roles\", \"CardRoles\") " +
            $"SELECT n.\"Slug\", CASE WHEN t.\"Year\" IS NULL THEN {CareerListing.UndatedFilms} ELSE {CareerListing.DatedFilms} END, " +
            "COALESCE(t.\"Year\", 0), t.\"Name\", t.\"Id\", 0, SUM(DISTINCT 1 << x.\"Role\"), " +
            "SUM(DISTINCT 1 << x.\"Role\") - SUM(DISTINCT CASE WHEN x.\"OnCard\" = 0 THEN 1 << x.\"Role\" ELSE 0 END) " +
            "FROM (SELECT c.\"PersonId\", c.\"TitleId\", c.\"Role\", 0 AS \"OnCard\" FROM \"Credits\" c " +
            $"WHERE c.\"PersonId\" IS NOT NULL{Only("c.\"TitleId\"")} " +
            "UNION SELECT c.\"PersonId\", a.\"TargetTitleId\", c.\"Role\", 1 FROM \"AlsoLiked\" a " +
            "JOIN \"CardCredits\" c ON c.\"TitleId\" = a.\"TitleId\" AND c.\"CardPosition\" = a.\"Position\" " +
            $"WHERE a.\"TargetTitleId\" IS NOT NULL{Only("a.\"TargetTitleId\"")}) x " +
            "JOIN \"PersonNames\" n ON n.\"PersonId\" = x.\"PersonId\" JOIN \"Titles\" t ON t.\"Id\" = x.\"TitleId\" " +
            "GROUP BY n.\"Slug\", t.\"Id\", t.\"Year\", t.\"Name\"",

            // Cards whose film lost its title line: each a film of its own, after the others.
            "INSERT INTO \"CareerListings\" (\"Slug\", \"Group\", \"Year\", \"Name\", \"TitleId\", \"CardId\", \"Roles\", \"CardRoles\") " +
            $"SELECT n.\"Slug\", {CareerListing.LostTitleCards} + MIN(c.\"Role\"), 0, '', a.\"TitleId\", a.\"Id\", SUM(DISTINCT 1 << c.\"Role\"), SUM(DISTINCT 1 << c.\"Role\") " +
            "FROM \"AlsoLiked\" a JOIN \"CardCredits\" c ON c.\"TitleId\" = a.\"TitleId\" AND c.\"CardPosition\" = a.\"Position\" " +
            "JOIN \"PersonNames\" n ON n.\"PersonId\" = c.\"PersonId\" " +
            $"WHERE a.\"TargetTitleId\" IS NULL{Only("a.\"TitleId\"")} " +
            "GROUP BY n.\"Slug\", a.\"TitleId\", a.\"Id\"",

            $"INSERT INTO \"CareerYears\" ({Counted}, \"Films\") {counts} " +
            $"ON CONFLICT ({Counted}) DO UPDATE SET \"Films\" = \"CareerYears\".\"Films\" + excluded.\"Films\"",
            "DELETE FROM \"CareerYears\" WHERE \"Films\" = 0",
        ];
    }
}
