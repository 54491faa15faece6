using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecountVisitorRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A moderator's restore brought a rating back into the count and the sum but not into the per-score counts
            // (ReviewAggregates.Show, fixed with this migration): counted again from the visible ratings visitors posted
            // here (Origin 2, Status 0). The SQLite twin does the same.
            migrationBuilder.Sql("""
                UPDATE "Titles" AS t SET "VisitorRatingCounts" = ARRAY(
                    SELECT (SELECT count(*) FROM "Reviews" AS r
                            WHERE r."TitleId" = t."Id" AND r."Origin" = 2 AND r."Status" = 0 AND r."Rating" = score)::integer
                    FROM generate_series(1, 10) AS score
                    ORDER BY score)
                WHERE t."VisitorRatingCounts" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The counts stay right: nothing to undo.
        }
    }
}
