using System.Globalization;
using System.Numerics;
using System.Text;

namespace FilmCatalog.Web.Search;

/// <summary>
/// The keys that order <see cref="TitleName"/> and <see cref="PersonName"/> rows most popular
/// first. Popularity is bucketed by powers of two (1, 2-3, 4-7, ...): close counts share a bucket,
/// so a key changes rarely, and inside a bucket rows follow their title's or person's id.
/// </summary>
/// <remarks>
/// A title's key: full pages before card-only films, then the source's popularity (its vote count
/// plus twenty for each user review it counted: captures without votes still rank by reviews),
/// then the title, then which of its names. Everything in it is known when the title's file is
/// imported, and nothing a visitor does changes it: the reviews held here, which do change, are
/// read live when results are ranked.
/// A person's key: how many credits (on title pages and on cards) name them, then the person. It
/// changes when an import adds or drops credits, in the same transaction: the importer re-keys the
/// people a batch touched when it ends (<c>Importing/PeopleToIndex</c>), other writers use <see cref="PersonRekeySql"/>.
/// </remarks>
public static class NameKeys
{
    /// <summary>Buckets 0 (none) to 32 (2^31 and more); the key stores 63 minus the bucket, so more sorts first.</summary>
    private const int MaxBucket = 63;

    private const int VariantBits = 10;
    private const int TitleBucketShift = 52;
    private const int PersonBucketShift = 40;
    private const long CardOnlyBit = 1L << 60;

    /// <summary>A title has at most this many names in the index: its own and 1,022 also-known-as titles.</summary>
    public const int MaxVariants = (1 << VariantBits) - 1;

    public static int Bucket(long count) => count <= 0 ? 0 : BitOperations.Log2((ulong)count) + 1;

    /// <summary>The source's popularity of a title: votes, plus twenty for each user review the source counted.</summary>
    public static long TitlePopularity(int? votes, int? sourceUserReviews) => (votes ?? 0) + 20L * (sourceUserReviews ?? 0);

    public static long ForTitle(int titleId, int variant, bool isCardOnly, long popularity) =>
        (isCardOnly ? CardOnlyBit : 0)
        + ((long)(MaxBucket - Bucket(popularity)) << TitleBucketShift)
        + ((long)titleId << VariantBits)
        + variant;

    public static long ForPerson(int personId, long credits) =>
        ((long)(MaxBucket - Bucket(credits)) << PersonBucketShift) + personId;

    /// <summary>The popularity bucket a person's key holds (0 for no credits).</summary>
    public static int PersonBucket(long key) => MaxBucket - (int)(key >> PersonBucketShift);

    public static bool IsCardOnly(long titleKey) => (titleKey & CardOnlyBit) != 0;

    /// <summary>
    /// One statement that sets the key of every person credited on title <c>@title</c> (on its page
    /// or its cards) from the credits that name them: run after the title's credits are written.
    /// With <paramref name="excludingTitle"/>, it counts as if the title's credits were already gone:
    /// run before they are deleted, it re-keys the people a newer capture no longer names. Plain SQL
    /// with quoted names, the same on every provider. <paramref name="title"/> is the parameter's
    /// name in the statement (<c>@title</c>); null re-keys everyone (a rebuild).
    /// </summary>
    public static string PersonRekeySql(string? title, bool excludingTitle = false)
    {
        var except = excludingTitle && title is not null ? $" AND c.\"TitleId\" <> {title}" : "";
        var scope = title is null
            ? ""
            : $" WHERE p.\"PersonId\" IN (SELECT \"PersonId\" FROM \"Credits\" WHERE \"TitleId\" = {title} " +
              $"UNION SELECT \"PersonId\" FROM \"CardCredits\" WHERE \"TitleId\" = {title})";
        return
            "WITH counted AS (SELECT p.\"PersonId\", " +
            $"(SELECT COUNT(*) FROM \"Credits\" c WHERE c.\"PersonId\" = p.\"PersonId\"{except}) + " +
            $"(SELECT COUNT(*) FROM \"CardCredits\" c WHERE c.\"PersonId\" = p.\"PersonId\"{except}) AS \"Films\" " +
            $"FROM \"PersonNames\" p{scope}), " +
            $"keyed AS (SELECT \"PersonId\", ({MaxBucket} - {BucketSql("\"Films\"")}) * {1L << PersonBucketShift} + \"PersonId\" AS \"Key\" FROM counted) " +
            "UPDATE \"PersonNames\" SET \"Key\" = (SELECT k.\"Key\" FROM keyed k WHERE k.\"PersonId\" = \"PersonNames\".\"PersonId\") " +
            // Uncorrelated, so it is one list of the title's people and each row is found by its index: a filter that
            // compared the old key here was evaluated for every person in the catalog, and made an import quadratic.
            "WHERE \"PersonId\" IN (SELECT k.\"PersonId\" FROM keyed k)";
    }

    /// <summary><see cref="Bucket"/> as a SQL expression of an integer column.</summary>
    private static string BucketSql(string count)
    {
        var sql = new StringBuilder("CASE");
        for (var bucket = 32; bucket >= 1; bucket--)
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {count} >= {1L << (bucket - 1)} THEN {bucket}");
        return sql.Append(" ELSE 0 END").ToString();
    }
}
