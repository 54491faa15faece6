using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CardCredits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    CardPosition = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardCredits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardCredits_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CardCredits_Titles_TitleId",
                        column: x => x.TitleId,
                        principalTable: "Titles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonNames",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Folded = table.Column<string>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNames", x => x.Key);
                    table.ForeignKey(
                        name: "FK_PersonNames_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TitleGenres",
                columns: table => new
                {
                    Genre = table.Column<string>(type: "TEXT", nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Rating = table.Column<double>(type: "REAL", nullable: true),
                    Folded = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TitleGenres", x => new { x.Genre, x.TitleId });
                    table.ForeignKey(
                        name: "FK_TitleGenres_Titles_TitleId",
                        column: x => x.TitleId,
                        principalTable: "Titles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TitleNames",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Variant = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Qualifier = table.Column<string>(type: "TEXT", nullable: true),
                    Folded = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TitleNames", x => x.Key);
                    table.ForeignKey(
                        name: "FK_TitleNames_Titles_TitleId",
                        column: x => x.TitleId,
                        principalTable: "Titles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Titles_Rating_Id",
                table: "Titles",
                columns: new[] { "Rating", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Titles_ReviewCount_Id",
                table: "Titles",
                columns: new[] { "ReviewCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Titles_Year_Rating_Id",
                table: "Titles",
                columns: new[] { "Year", "Rating", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Titles_Year_ReviewCount_Id",
                table: "Titles",
                columns: new[] { "Year", "ReviewCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Origin_Status_WrittenAt",
                table: "Reviews",
                columns: new[] { "Origin", "Status", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_PersonId",
                table: "CardCredits",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_TitleId_CardPosition",
                table: "CardCredits",
                columns: new[] { "TitleId", "CardPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNames_Folded",
                table: "PersonNames",
                column: "Folded");

            migrationBuilder.CreateIndex(
                name: "IX_PersonNames_PersonId",
                table: "PersonNames",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonNames_Slug",
                table: "PersonNames",
                column: "Slug");

            migrationBuilder.CreateIndex(
                name: "IX_TitleGenres_Genre_Folded_TitleId",
                table: "TitleGenres",
                columns: new[] { "Genre", "Folded", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleGenres_Genre_Rating_TitleId",
                table: "TitleGenres",
                columns: new[] { "Genre", "Rating", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleGenres_Genre_ReviewCount_TitleId",
                table: "TitleGenres",
                columns: new[] { "Genre", "ReviewCount", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleGenres_Genre_Year_Rating_TitleId",
                table: "TitleGenres",
                columns: new[] { "Genre", "Year", "Rating", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleGenres_TitleId",
                table: "TitleGenres",
                column: "TitleId");

            migrationBuilder.CreateIndex(
                name: "IX_TitleNames_Folded_TitleId",
                table: "TitleNames",
                columns: new[] { "Folded", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleNames_TitleId",
                table: "TitleNames",
                column: "TitleId");

            migrationBuilder.CreateIndex(
                name: "IX_TitleNames_Variant_Folded_TitleId",
                table: "TitleNames",
                columns: new[] { "Variant", "Folded", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleNames_Variant_Year_Folded_TitleId",
                table: "TitleNames",
                columns: new[] { "Variant", "Year", "Folded", "TitleId" });

            CreateFullTextIndexes(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropFullTextIndexes(migrationBuilder);

            migrationBuilder.DropTable(
                name: "CardCredits");

            migrationBuilder.DropTable(
                name: "PersonNames");

            migrationBuilder.DropTable(
                name: "TitleGenres");

            migrationBuilder.DropTable(
                name: "TitleNames");

            migrationBuilder.DropIndex(
                name: "IX_Titles_Rating_Id",
                table: "Titles");

            migrationBuilder.DropIndex(
                name: "IX_Titles_ReviewCount_Id",
                table: "Titles");

            migrationBuilder.DropIndex(
                name: "IX_Titles_Year_Rating_Id",
                table: "Titles");

            migrationBuilder.DropIndex(
                name: "IX_Titles_Year_ReviewCount_Id",
                table: "Titles");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_Origin_Status_WrittenAt",
                table: "Reviews");
        }
    }
}
