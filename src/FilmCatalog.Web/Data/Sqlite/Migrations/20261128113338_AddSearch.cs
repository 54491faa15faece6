using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
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
                name: "TitleListings",
                columns: table => new
                {
                    Genre = table.Column<string>(type: "TEXT", nullable: false),
                    TitleId = table.Column<int>(type: "INTEGER", nullable: false),
                    GenreName = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingTenths = table.Column<int>(type: "INTEGER", nullable: false),
                    Folded = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TitleListings", x => new { x.Genre, x.TitleId });
                    table.ForeignKey(
                        name: "FK_TitleListings_Titles_TitleId",
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
                name: "IX_Titles_VisitorRatingCount",
                table: "Titles",
                column: "VisitorRatingCount");

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
                name: "IX_TitleListings_Genre_Folded_TitleId",
                table: "TitleListings",
                columns: new[] { "Genre", "Folded", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleListings_Genre_RatingTenths_TitleId",
                table: "TitleListings",
                columns: new[] { "Genre", "RatingTenths", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleListings_Genre_ReviewCount_TitleId",
                table: "TitleListings",
                columns: new[] { "Genre", "ReviewCount", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleListings_Genre_Year_Folded_TitleId",
                table: "TitleListings",
                columns: new[] { "Genre", "Year", "Folded", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleListings_Genre_Year_RatingTenths_TitleId",
                table: "TitleListings",
                columns: new[] { "Genre", "Year", "RatingTenths", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleListings_Genre_Year_ReviewCount_TitleId",
                table: "TitleListings",
                columns: new[] { "Genre", "Year", "ReviewCount", "TitleId" });

            migrationBuilder.CreateIndex(
                name: "IX_TitleListings_TitleId",
                table: "TitleListings",
                column: "TitleId");

            migrationBuilder.CreateIndex(
                name: "IX_TitleNames_Folded",
                table: "TitleNames",
                column: "Folded");

            migrationBuilder.CreateIndex(
                name: "IX_TitleNames_TitleId",
                table: "TitleNames",
                column: "TitleId");

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
                name: "TitleListings");

            migrationBuilder.DropTable(
                name: "TitleNames");

            migrationBuilder.DropIndex(
                name: "IX_Titles_VisitorRatingCount",
                table: "Titles");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_Origin_Status_WrittenAt",
                table: "Reviews");
        }
    }
}
