using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CoveringCardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CardCredits_TitleId_CardPosition",
                table: "CardCredits");

            migrationBuilder.DropIndex(
                name: "IX_AlsoLiked_TargetTitleId",
                table: "AlsoLiked");

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_TitleId_CardPosition_PersonId_Role",
                table: "CardCredits",
                columns: new[] { "TitleId", "CardPosition", "PersonId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_AlsoLiked_TargetTitleId_TitleId_Position",
                table: "AlsoLiked",
                columns: new[] { "TargetTitleId", "TitleId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CardCredits_TitleId_CardPosition_PersonId_Role",
                table: "CardCredits");

            migrationBuilder.DropIndex(
                name: "IX_AlsoLiked_TargetTitleId_TitleId_Position",
                table: "AlsoLiked");

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_TitleId_CardPosition",
                table: "CardCredits",
                columns: new[] { "TitleId", "CardPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_AlsoLiked_TargetTitleId",
                table: "AlsoLiked",
                column: "TargetTitleId");
        }
    }
}
