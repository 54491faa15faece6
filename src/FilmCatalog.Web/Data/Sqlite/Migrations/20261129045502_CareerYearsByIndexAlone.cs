using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CareerYearsByIndexAlone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CareerYears_Slug_Group_Year_Roles_Films",
                table: "CareerYears",
                columns: new[] { "Slug", "Group", "Year", "Roles", "Films" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CareerYears_Slug_Group_Year_Roles_Films",
                table: "CareerYears");
        }
    }
}
