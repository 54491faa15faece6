using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VisitorRatingCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VisitorRatingCounts",
                table: "Titles",
                type: "TEXT",
                nullable: true);

            // Counts for the reviews visitors already posted: visible, posted here (Origin 2), rated. The PostgreSQL twin does the same.
            migrationBuilder.Sql("""
                UPDATE Titles SET VisitorRatingCounts = (
                    SELECT json_array(
                        SUM(r.Rating = 1), SUM(r.Rating = 2), SUM(r.Rating = 3), SUM(r.Rating = 4), SUM(r.Rating = 5),
                        SUM(r.Rating = 6), SUM(r.Rating = 7), SUM(r.Rating = 8), SUM(r.Rating = 9), SUM(r.Rating = 10))
                    FROM Reviews r
                    WHERE r.TitleId = Titles.Id AND r.Origin = 2 AND r.Status = 0 AND r.Rating IS NOT NULL)
                WHERE VisitorRatingCount > 0
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VisitorRatingCounts",
                table: "Titles");
        }
    }
}
