namespace FilmCatalog.Web.Browse;

/// <summary>
/// Keeps the <see cref="CareerListing"/> rows and their counts (<see cref="CareerYear"/>) equal to the credits they
/// derive from, in the writer's transaction. A name's row for a film changes only when the film's credits or the
/// cards that name someone for it change, or the film's name or year; a lost-title card's only with the page it is
/// printed on. So the importer derives again the rows of what a batch changed (<see cref="RefreshPairsSql"/>, and
/// <see cref="RefreshSql"/> for whole films), and the counts move by the rows taken away and added.
/// </summary>
/// <remarks>
/// The SQL is the same on every provider (quoted names, <c>SUM(DISTINCT 1 &lt;&lt; role)</c> for the bits): the
/// migration that added the lists ran <see cref="RefreshSql"/> with no list once, and so does a rebuild
/// (<see cref="Search.CatalogIndexes"/>).
/// </remarks>
public static class CareerListings
{
    private const string Counted = "\"Slug\", \"Group\", \"Year\", \"Roles\"";

    private const string Inserted = "INSERT INTO \"CareerListings\" (\"Slug\", \"Group\", \"Year\", \"Name\", \"TitleId\", \"CardId\", \"Roles\", \"CardRoles\") ";

    /// <summary>The film's <see cref="CareerListing.Group"/>, year and name, from the row of <c>Titles</c> named <paramref name="film"/>.</summary>
    private static string FilmColumns(string film) =>
        $"CASE WHEN {film}.\"Year\" IS NULL THEN {CareerListing.UndatedFilms} ELSE {CareerListing.DatedFilms} END AS \"Group\", " +
        $"COALESCE({film}.\"Year\", 0) AS \"Year\", {film}.\"Name\" AS \"Name\"";

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
            titles is null ? "DELETE FROM \"CareerYears\"" : Subtract(counts),
            $"DELETE FROM \"CareerListings\" WHERE TRUE{Only("\"TitleId\"")}",

            // Films: their own credits, and the cards on any page that name someone for them.
            Inserted +
            $"SELECT n.\"Slug\", {FilmColumns("t")}, t.\"Id\", 0, SUM(DISTINCT 1 << x.\"Role\"), " +
            "SUM(DISTINCT 1 << x.\"Role\") - SUM(DISTINCT CASE WHEN x.\"OnCard\" = 0 THEN 1 << x.\"Role\" ELSE 0 END) " +
            "FROM (SELECT c.\"PersonId\", c.\"TitleId\", c.\"Role\", 0 AS \"OnCard\" FROM \"Credits\" c " +
            $"WHERE c.\"PersonId\" IS NOT NULL{Only("c.\"TitleId\"")} " +
            "UNION SELECT c.\"PersonId\", c.\"FilmId\", c.\"Role\", 1 FROM \"CardCredits\" c " +
            $"WHERE c.\"FilmId\" IS NOT NULL{Only("c.\"FilmId\"")}) x " +
            "JOIN \"PersonNames\" n ON n.\"PersonId\" = x.\"PersonId\" JOIN \"Titles\" t ON t.\"Id\" = x.\"TitleId\" " +
            "GROUP BY n.\"Slug\", t.\"Id\", t.\"Year\", t.\"Name\"",

            LostTitleCardsSql(Only("a.\"TitleId\"")),
            Add(counts),
            "DELETE FROM \"CareerYears\" WHERE \"Films\" = 0",
        ];
    }

    /// <summary>
    /// The statements, in order, that derive again the rows of single names and films (<paramref name="pairs"/>:
    /// <c>VALUES (@person, @title), ...</c>, each person standing for their name): what a batch changed when it gave a
    /// film other people, or cards that name others for it. Each row is read from the film's credits and the cards
    /// that name that name for it (<c>IX_CardCredits_FilmId_PersonId_Role</c>), never from every card that names the
    /// film, which for a popular film are hundreds.
    /// </summary>
    public static IReadOnlyList<string> RefreshPairsSql(string pairs)
    {
        var with = $"WITH \"Pairs\" (\"PersonId\", \"TitleId\") AS ({pairs}), " +
            "\"Touched\" AS (SELECT DISTINCT n.\"Slug\", p.\"TitleId\" FROM \"Pairs\" p JOIN \"PersonNames\" n ON n.\"PersonId\" = p.\"PersonId\") ";
        // From the pairs to their rows, never the other way: the lists hold a row for every name and film.
        var counts = "SELECT l.\"Slug\", l.\"Group\", l.\"Year\", l.\"Roles\", COUNT(*) AS \"Films\" FROM \"Touched\" t CROSS JOIN \"CareerListings\" l " +
            "WHERE l.\"TitleId\" = t.\"TitleId\" AND l.\"Slug\" = t.\"Slug\" AND l.\"CardId\" = 0 " +
            "GROUP BY l.\"Slug\", l.\"Group\", l.\"Year\", l.\"Roles\"";
        // The film's own credits are a few dozen, read in whatever order the planner likes (a comma join); its card
        // credits may be thousands, so those are sought by the name's people (a CROSS JOIN, which SQLite keeps in its order).
        string RolesOf(string table, string film, string join) =>
            $"(SELECT SUM(DISTINCT 1 << c.\"Role\") FROM \"PersonNames\" n {join} \"{table}\" c " +
            $"WHERE c.\"PersonId\" = n.\"PersonId\" AND n.\"Slug\" = t.\"Slug\" AND c.\"{film}\" = t.\"TitleId\")";
        const string AnyOrder = ",";
        // Materialized, so that each row's roles are read once, not once for each place the outer query names them.
        var derived = ", \"Derived\" AS MATERIALIZED (SELECT t.\"Slug\", t.\"TitleId\", " +
            $"COALESCE({RolesOf("Credits", "TitleId", AnyOrder)}, 0) AS \"Own\", COALESCE({RolesOf("CardCredits", "FilmId", "CROSS JOIN")}, 0) AS \"Cards\" " +
            "FROM \"Touched\" t) ";
        return
        [
            with + Subtract(counts),
            with + "DELETE FROM \"CareerListings\" WHERE \"CardId\" = 0 AND (\"TitleId\", \"Slug\") IN (SELECT \"TitleId\", \"Slug\" FROM \"Touched\")",
            with + derived + Inserted +
                $"SELECT d.\"Slug\", {FilmColumns("f")}, d.\"TitleId\", 0, d.\"Own\" | d.\"Cards\", d.\"Cards\" & ~d.\"Own\" " +
                "FROM \"Derived\" d JOIN \"Titles\" f ON f.\"Id\" = d.\"TitleId\" WHERE d.\"Own\" | d.\"Cards\" <> 0",
            with + Add(counts),
            "DELETE FROM \"CareerYears\" WHERE \"Films\" = 0",
        ];
    }

    /// <summary>
    /// The statements, in order, that derive again the rows of the lost-title cards printed on the titles in
    /// <paramref name="titles"/> (an SQL list): a page written again whose films' rows needed nothing else.
    /// </summary>
    public static IReadOnlyList<string> RefreshLostTitleCardsSql(string titles)
    {
        var counts = $"SELECT {Counted}, COUNT(*) AS \"Films\" FROM \"CareerListings\" WHERE \"TitleId\" IN {titles} AND \"CardId\" <> 0 GROUP BY {Counted}";
        return
        [
            Subtract(counts),
            $"DELETE FROM \"CareerListings\" WHERE \"TitleId\" IN {titles} AND \"CardId\" <> 0",
            LostTitleCardsSql($" AND a.\"TitleId\" IN {titles}"),
            Add(counts),
            "DELETE FROM \"CareerYears\" WHERE \"Films\" = 0",
        ];
    }

    /// <summary>Cards whose film lost its title line: each a film of its own, after the others, found by the page they are on.</summary>
    private static string LostTitleCardsSql(string only) =>
        Inserted +
        $"SELECT n.\"Slug\", {CareerListing.LostTitleCards} + MIN(c.\"Role\"), 0, '', a.\"TitleId\", a.\"Id\", SUM(DISTINCT 1 << c.\"Role\"), SUM(DISTINCT 1 << c.\"Role\") " +
        "FROM \"AlsoLiked\" a JOIN \"CardCredits\" c ON c.\"TitleId\" = a.\"TitleId\" AND c.\"CardPosition\" = a.\"Position\" " +
        "JOIN \"PersonNames\" n ON n.\"PersonId\" = c.\"PersonId\" " +
        // Not "IS NULL", which SQLite would seek in the index of targets: every lost card of the catalog.
        $"WHERE COALESCE(a.\"TargetTitleId\", 0) = 0{only} " +
        "GROUP BY n.\"Slug\", a.\"TitleId\", a.\"Id\"";

    private static string Subtract(string counts) =>
        $"UPDATE \"CareerYears\" SET \"Films\" = \"CareerYears\".\"Films\" - d.\"Films\" FROM ({counts}) d " +
        "WHERE \"CareerYears\".\"Slug\" = d.\"Slug\" AND \"CareerYears\".\"Group\" = d.\"Group\" " +
        "AND \"CareerYears\".\"Year\" = d.\"Year\" AND \"CareerYears\".\"Roles\" = d.\"Roles\"";

    private static string Add(string counts) =>
        $"INSERT INTO \"CareerYears\" ({Counted}, \"Films\") {counts} " +
        $"ON CONFLICT ({Counted}) DO UPDATE SET \"Films\" = \"CareerYears\".\"Films\" + excluded.\"Films\"";
}
