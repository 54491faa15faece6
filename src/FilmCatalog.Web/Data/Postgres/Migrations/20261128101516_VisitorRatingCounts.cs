using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VisitorRatingCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<int>>(
                name: "VisitorRatingCounts",
                table: "Titles",
                type: "integer[]",
                nullable: true);

            // Counts for the reviews visitors already posted: visible, posted here (Origin 2), rated. The SQLite twin does the same.
            migrationBuilder.Sql("""
                UPDATE "Titles" AS t SET "VisitorRatingCounts" = ARRAY(
                    SELECT (SELECT count(*) FROM "Reviews" AS r
                            WHERE r."TitleId" = t."Id" AND r."Origin" = 2 AND r."Status" = 0 AND r."Rating" = score)::integer
                    FROM generate_series(1, 10) AS score
                    ORDER BY score)
                WHERE t."VisitorRatingCount" > 0
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
