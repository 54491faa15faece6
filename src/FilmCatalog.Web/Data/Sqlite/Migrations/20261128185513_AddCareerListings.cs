using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCareerListings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FilmId",
                table: "CardCredits",
                type: "INTEGER",
                nullable: true);

            // Each card credit's film, from its card.
            migrationBuilder.Sql("""
                UPDATE "CardCredits" SET "FilmId" = (SELECT a."TargetTitleId" FROM "AlsoLiked" a
                WHERE a."TitleId" = "CardCredits"."TitleId" AND a."Position" = "CardCredits"."CardPosition")
                """);

            migrationBuilder.CreateTable(
                name: "CareerListings",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Group = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    CardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Roles = table.Column<int>(type: "INTEGER", nullable: false),
                    CardRoles = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "CareerYears",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", nullable: false),
                    Group = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Roles = table.Column<int>(type: "INTEGER", nullable: false),
                    Films = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareerYears", x => new { x.Slug, x.Group, x.Year, x.Roles });
                });

            // A catalog imported before careers were listed gets them here, once, before the indexes (quicker to fill).
            foreach (var statement in Browse.CareerListings.RefreshSql(null))
                migrationBuilder.Sql(statement);

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_FilmId_PersonId_Role",
                table: "CardCredits",
                columns: new[] { "FilmId", "PersonId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_CareerListings_Slug_Group_Year_Name_CardId_TitleId_Roles_CardRoles",
                table: "CareerListings",
                columns: new[] { "Slug", "Group", "Year", "Name", "CardId", "TitleId", "Roles", "CardRoles" },
                descending: new[] { false, false, true, false, false, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_CareerListings_TitleId_Slug_CardId_Group_Year_Roles",
                table: "CareerListings",
                columns: new[] { "TitleId", "Slug", "CardId", "Group", "Year", "Roles" });

            migrationBuilder.CreateIndex(
                name: "IX_CareerYears_Films",
                table: "CareerYears",
                column: "Films",
                filter: "\"Films\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareerListings");

            migrationBuilder.DropTable(
                name: "CareerYears");

            migrationBuilder.DropIndex(
                name: "IX_CardCredits_FilmId_PersonId_Role",
                table: "CardCredits");

            migrationBuilder.DropColumn(
                name: "FilmId",
                table: "CardCredits");
        }
    }
}
