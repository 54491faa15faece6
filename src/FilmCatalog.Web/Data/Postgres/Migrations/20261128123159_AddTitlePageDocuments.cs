using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddTitlePageDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every title's document is built from its rows in C# at the next start
            // (Pages/Titles/TitlePageDocuments.UpgradeAsync); until then its page reads the tables.
            migrationBuilder.CreateTable(
                name: "TitlePageDocuments",
                columns: table => new
                {
                    TitleId = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TitlePageDocuments", x => x.TitleId);
                    table.ForeignKey(
                        name: "FK_TitlePageDocuments_Titles_TitleId",
                        column: x => x.TitleId,
                        principalTable: "Titles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TitlePageDocuments");
        }
    }
}
