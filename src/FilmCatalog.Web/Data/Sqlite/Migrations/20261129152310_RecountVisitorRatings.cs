using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecountVisitorRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A moderator's restore brought a rating back into the count and the sum but not into the per-score counts
            // (ReviewAggregates.Show, fixed with this migration): counted again from the visible ratings visitors posted
            // here (Origin 2, Status 0). The PostgreSQL twin does the same.
            migrationBuilder.Sql("""
                UPDATE Titles SET VisitorRatingCounts = (
                    SELECT json_array(
                        COUNT(*) FILTER (WHERE r.Rating = 1), COUNT(*) FILTER (WHERE r.Rating = 2), COUNT(*) FILTER (WHERE r.Rating = 3),
                        COUNT(*) FILTER (WHERE r.Rating = 4), COUNT(*) FILTER (WHERE r.Rating = 5), COUNT(*) FILTER (WHERE r.Rating = 6),
                        COUNT(*) FILTER (WHERE r.Rating = 7), COUNT(*) FILTER (WHERE r.Rating = 8), COUNT(*) FILTER (WHERE r.Rating = 9),
                        COUNT(*) FILTER (WHERE r.Rating = 10))
                    FROM Reviews r
                    WHERE r.TitleId = Titles.Id AND r.Origin = 2 AND r.Status = 0 AND r.Rating IS NOT NULL)
                WHERE VisitorRatingCounts IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The counts stay right: nothing to undo.
        }
    }
}
