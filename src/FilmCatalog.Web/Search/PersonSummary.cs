using System.Globalization;
using System.Text;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Search;

/// <summary>
/// What a person's result line says beside their name, kept on their <see cref="PersonName"/> row so
/// that a search reads it with the name instead of reading every credit of everyone it shows: the
/// roles their credits give them (<see cref="PersonName.Roles"/>) and the film they are best known for
/// (<see cref="PersonName.KnownForTitleId"/>). Derived data: set by the statement that re-keys a
/// title's people (<see cref="NameKeys.PersonRekeySql"/>), in the import's transaction, from the
/// credits as they then are, so it cannot drift from them.
/// </summary>
/// <remarks>
/// Best known for: the credited film (on its page, not a card) with a full page before card-only
/// films, then the most votes on the source, then the lowest id. Reviews held here do not count: they
/// change with every review posted, and would leave a stored choice behind.
/// The roles are recomputed whole each time, one index probe per role (<c>IX_Credits_PersonId_Role</c>);
/// the film incrementally: a title whose credits were just written replaces it when it is better, and
/// before a title's credits are deleted (a newer capture) the people it was the film of are given
/// their next best. Both cost the same whatever the person's number of credits, except that last case.
/// </remarks>
public static class PersonSummary
{
    /// <summary>The <see cref="PersonName.Roles"/> bit of a role.</summary>
    public static int Bit(CreditRole role) => 1 << (int)role;

    /// <summary>The roles a <see cref="PersonName.Roles"/> value holds, in enum order.</summary>
    public static IReadOnlyList<CreditRole> RolesOf(int bits) =>
        [.. Enum.GetValues<CreditRole>().Where(role => (bits & Bit(role)) != 0)];

    /// <summary>
    /// SQL for the new <c>"Roles"</c> of the <c>"PersonNames"</c> row being updated: a bit for each role some
    /// credit or card credit gives them; <paramref name="except"/> (<c> AND c."TitleId" &lt;&gt; @title</c>)
    /// leaves a title's credits out.
    /// </summary>
    public static string RolesSql(string except)
    {
        var sql = new StringBuilder("(");
        var first = true;
        foreach (var role in Enum.GetValues<CreditRole>())
        {
            if (!first)
                sql.Append(" + ");
            first = false;
            var roleValue = ((int)role).ToString(CultureInfo.InvariantCulture);
            sql.Append("CASE WHEN EXISTS (SELECT 1 FROM \"Credits\" c WHERE c.\"PersonId\" = \"PersonNames\".\"PersonId\" AND c.\"Role\" = ").Append(roleValue).Append(except).Append(')')
                .Append(" OR EXISTS (SELECT 1 FROM \"CardCredits\" c WHERE c.\"PersonId\" = \"PersonNames\".\"PersonId\" AND c.\"Role\" = ").Append(roleValue).Append(except).Append(')')
                .Append(" THEN ").Append(Bit(role).ToString(CultureInfo.InvariantCulture)).Append(" ELSE 0 END");
        }

        return sql.Append(')').ToString();
    }

    /// <summary>
    /// SQL for the new <c>"KnownForTitleId"</c> of the <c>"PersonNames"</c> row being updated. With no
    /// <paramref name="title"/>, chosen among all their credits; with one whose credits were just
    /// written, that title when it is better than the film kept; <paramref name="excludingTitle"/>, run
    /// before the title's credits are deleted, the next best for those whose film it was.
    /// </summary>
    public static string KnownForSql(string? title, bool excludingTitle)
    {
        if (title is null)
            return BestSql("");
        if (excludingTitle)
            return $"CASE WHEN \"KnownForTitleId\" = {title} THEN {BestSql($" AND c.\"TitleId\" <> {title}")} ELSE \"KnownForTitleId\" END";
        return
            $"CASE WHEN EXISTS (SELECT 1 FROM \"Credits\" c WHERE c.\"TitleId\" = {title} AND c.\"PersonId\" = \"PersonNames\".\"PersonId\") " +
            $"AND (\"KnownForTitleId\" IS NULL OR (SELECT {FameSql("t")} FROM \"Titles\" t WHERE t.\"Id\" = {title}) < " +
            $"(SELECT {FameSql("t")} FROM \"Titles\" t WHERE t.\"Id\" = \"KnownForTitleId\")) THEN {title} ELSE \"KnownForTitleId\" END";
    }

    /// <summary>
    /// One statement that sets both from scratch for everyone title <c>{title}</c> credits: for a writer
    /// other than the importer, which may have changed what orders the films without going through it.
    /// </summary>
    public static string RefreshSql(string title) =>
        $"UPDATE \"PersonNames\" SET \"Roles\" = {RolesSql("")}, \"KnownForTitleId\" = {BestSql("")} " +
        $"WHERE \"PersonId\" IN (SELECT \"PersonId\" FROM \"Credits\" WHERE \"TitleId\" = {title} UNION SELECT \"PersonId\" FROM \"CardCredits\" WHERE \"TitleId\" = {title})";

    /// <summary>Both set from scratch for everyone: what the migration that added them runs once.</summary>
    public static string FillAllSql() => $"UPDATE \"PersonNames\" SET \"Roles\" = {RolesSql("")}, \"KnownForTitleId\" = {BestSql("")}";

    private static string BestSql(string except) =>
        $"(SELECT c.\"TitleId\" FROM \"Credits\" c JOIN \"Titles\" t ON t.\"Id\" = c.\"TitleId\" " +
        $"WHERE c.\"PersonId\" = \"PersonNames\".\"PersonId\"{except} ORDER BY {FameSql("t")} LIMIT 1)";

    /// <summary>
    /// A title's rank as one number, lower better: card-only last, then fewer votes, then the id
    /// (2^62 + (2^31 - 1 - votes) * 2^31 + id stays below 2^63 on both providers).
    /// </summary>
    private static string FameSql(string t) =>
        $"(CASE WHEN {t}.\"IsCardOnly\" THEN 4611686018427387904 ELSE 0 END + (2147483647 - COALESCE({t}.\"RatingVotes\", 0)) * 2147483648 + {t}.\"Id\")";
}
