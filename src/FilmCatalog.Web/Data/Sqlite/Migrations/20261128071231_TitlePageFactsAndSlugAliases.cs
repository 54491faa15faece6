using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TitlePageFactsAndSlugAliases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Metascore",
                table: "Titles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceMetacriticReviews",
                table: "Titles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearQualifier",
                table: "Titles",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorPlace",
                table: "Reviews",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ParserVersion",
                table: "ImportRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CatalogUpgrades",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogUpgrades", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "SlugAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OldSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlugAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlugAliases_Titles_TitleId",
                        column: x => x.TitleId,
                        principalTable: "Titles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SlugAliases_OldSlug",
                table: "SlugAliases",
                column: "OldSlug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlugAliases_TitleId",
                table: "SlugAliases",
                column: "TitleId");

            // Slugs now fold accents and keep the year qualifier: the site recomputes every title's
            // slug once, in C#, at its next start (Data/SlugUpgrade.cs), keeping old URLs as aliases.
            migrationBuilder.InsertData(
                table: "CatalogUpgrades",
                column: "Name",
                value: "slugs-v2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogUpgrades");

            migrationBuilder.DropTable(
                name: "SlugAliases");

            migrationBuilder.DropColumn(
                name: "Metascore",
                table: "Titles");

            migrationBuilder.DropColumn(
                name: "SourceMetacriticReviews",
                table: "Titles");

            migrationBuilder.DropColumn(
                name: "YearQualifier",
                table: "Titles");

            migrationBuilder.DropColumn(
                name: "AuthorPlace",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ParserVersion",
                table: "ImportRecords");
        }
    }
}
