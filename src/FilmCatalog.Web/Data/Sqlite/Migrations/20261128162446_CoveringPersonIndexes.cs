using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CoveringPersonIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Credits_PersonId_Role",
                table: "Credits");

            migrationBuilder.DropIndex(
                name: "IX_CardCredits_PersonId_Role",
                table: "CardCredits");

            migrationBuilder.DropIndex(
                name: "IX_AlsoLiked_TitleId_Position",
                table: "AlsoLiked");

            migrationBuilder.CreateIndex(
                name: "IX_Credits_PersonId_Role_TitleId",
                table: "Credits",
                columns: new[] { "PersonId", "Role", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_PersonId_Role_TitleId_CardPosition",
                table: "CardCredits",
                columns: new[] { "PersonId", "Role", "TitleId", "CardPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_AlsoLiked_TitleId_Position_TargetTitleId",
                table: "AlsoLiked",
                columns: new[] { "TitleId", "Position", "TargetTitleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Credits_PersonId_Role_TitleId",
                table: "Credits");

            migrationBuilder.DropIndex(
                name: "IX_CardCredits_PersonId_Role_TitleId_CardPosition",
                table: "CardCredits");

            migrationBuilder.DropIndex(
                name: "IX_AlsoLiked_TitleId_Position_TargetTitleId",
                table: "AlsoLiked");

            migrationBuilder.CreateIndex(
                name: "IX_Credits_PersonId_Role",
                table: "Credits",
                columns: new[] { "PersonId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_PersonId_Role",
                table: "CardCredits",
                columns: new[] { "PersonId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_AlsoLiked_TitleId_Position",
                table: "AlsoLiked",
                columns: new[] { "TitleId", "Position" });
        }
    }
}
