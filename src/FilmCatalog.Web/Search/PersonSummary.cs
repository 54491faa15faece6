using System.Globalization;
using System.Text;
using FilmCatalog.Web.Catalog;

namespace FilmCatalog.Web.Search;

/// <summary>
/// What a person's result line says beside their name, kept on their <see cref="PersonName"/> row so
/// that a search reads it with the name instead of reading every credit of everyone it shows: the
/// roles their credits give them (<see cref="PersonName.Roles"/>) and the film they are best known for
/// (<see cref="PersonName.KnownForTitleId"/>). Derived data, computed from the credits as they are
/// wherever people's keys are: by the importer for the people a batch touched, when the batch ends
/// (<c>Importing/PeopleToIndex</c>), and by <see cref="NameKeys.PersonRekeySql"/> for other writers and
/// rebuilds, in the same transaction as the credits, so it cannot drift from them.
/// </summary>
/// <remarks>
/// Best known for: the credited film (on its page, not a card) with a full page before card-only
/// films, then the most votes on the source, then the lowest id. Reviews held here do not count: they
/// change with every review posted, and would leave a stored choice behind.
/// The roles cost one index probe per role and table (<c>IX_Credits_PersonId_Role_TitleId</c>,
/// <c>IX_CardCredits_PersonId_Role_TitleId_CardPosition</c>), whatever the person's number of credits.
/// The film, from scratch, reads all of the person's credits (that index again, and each film's row):
/// the importer does it only when the film it stored was rewritten (<c>Importing/PeopleToIndex</c>).
/// </remarks>
public static class PersonSummary
{
    /// <summary>The <see cref="PersonName.Roles"/> bit of a role.</summary>
    public static int Bit(CreditRole role) => 1 << (int)role;

    /// <summary>The roles a <see cref="PersonName.Roles"/> value holds, in enum order.</summary>
    public static IReadOnlyList<CreditRole> RolesOf(int bits) =>
        [.. Enum.GetValues<CreditRole>().Where(role => (bits & Bit(role)) != 0)];

    /// <summary>
    /// SQL for the roles of the person whose id is the SQL expression <paramref name="personId"/>: a bit
    /// for each role some credit or card credit gives them; <paramref name="except"/>
    /// (<c> AND c."TitleId" &lt;&gt; @title</c>) leaves a title's credits out.
    /// </summary>
    public static string RolesSql(string personId, string except = "")
    {
        var sql = new StringBuilder("(");
        var first = true;
        foreach (var role in Enum.GetValues<CreditRole>())
        {
            if (!first)
                sql.Append(" + ");
            first = false;
            var roleValue = ((int)role).ToString(CultureInfo.InvariantCulture);
            sql.Append("CASE WHEN EXISTS (SELECT 1 FROM \"Credits\" c WHERE c.\"PersonId\" = ").Append(personId).Append(" AND c.\"Role\" = ").Append(roleValue).Append(except).Append(')')
                .Append(" OR EXISTS (SELECT 1 FROM \"CardCredits\" c WHERE c.\"PersonId\" = ").Append(personId).Append(" AND c.\"Role\" = ").Append(roleValue).Append(except).Append(')')
                .Append(" THEN ").Append(Bit(role).ToString(CultureInfo.InvariantCulture)).Append(" ELSE 0 END");
        }

        return sql.Append(')').ToString();
    }

    /// <summary>SQL for the id of the film the person whose id is <paramref name="personId"/> is best known for (null when no page credits them).</summary>
    public static string KnownForSql(string personId, string except = "") =>
        $"(SELECT c.\"TitleId\" FROM \"Credits\" c JOIN \"Titles\" t ON t.\"Id\" = c.\"TitleId\" " +
        $"WHERE c.\"PersonId\" = {personId}{except} " +
        $"ORDER BY CASE WHEN t.\"IsCardOnly\" THEN 1 ELSE 0 END, COALESCE(t.\"RatingVotes\", 0) DESC, t.\"Id\" LIMIT 1)";

    /// <summary>Both set from scratch for everyone: what the migration that added them runs once.</summary>
    public static string FillAllSql()
    {
        const string person = "\"PersonNames\".\"PersonId\"";
        return $"UPDATE \"PersonNames\" SET \"Roles\" = {RolesSql(person)}, \"KnownForTitleId\" = {KnownForSql(person)}";
    }
}
