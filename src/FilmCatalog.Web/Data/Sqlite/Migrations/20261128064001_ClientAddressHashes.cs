using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClientAddressHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientHash",
                table: "ReviewReports",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientHash",
                table: "HelpfulVotes",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpfulVotes_ReviewId_ClientHash",
                table: "HelpfulVotes",
                columns: new[] { "ReviewId", "ClientHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpfulVotes_ReviewId_ClientHash",
                table: "HelpfulVotes");

            migrationBuilder.DropColumn(
                name: "ClientHash",
                table: "ReviewReports");

            migrationBuilder.DropColumn(
                name: "ClientHash",
                table: "HelpfulVotes");
        }
    }
}
