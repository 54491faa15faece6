using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Credits_PersonId",
                table: "Credits");

            migrationBuilder.DropIndex(
                name: "IX_CardCredits_PersonId",
                table: "CardCredits");

            migrationBuilder.AddColumn<int>(
                name: "KnownForTitleId",
                table: "PersonNames",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Roles",
                table: "PersonNames",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Credits_PersonId_Role",
                table: "Credits",
                columns: new[] { "PersonId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_PersonId_Role",
                table: "CardCredits",
                columns: new[] { "PersonId", "Role" });

            // The full-text row holds the folded name under the key: only a change of those rewrites it (not of Roles or KnownForTitleId).
            migrationBuilder.Sql("""DROP TRIGGER "PersonNames_Fts_Update";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "PersonNames_Fts_Update" AFTER UPDATE OF "Key", "Folded" ON "PersonNames" BEGIN
                    INSERT INTO "PersonNamesFts"("PersonNamesFts", rowid, "Folded") VALUES ('delete', old."Key", old."Folded");
                    INSERT INTO "PersonNamesFts"(rowid, "Folded") VALUES (new."Key", new."Folded");
                END;
                """);

            // The result lines of a catalog imported before: its people's roles and best-known films, from its credits.
            migrationBuilder.Sql(Search.PersonSummary.FillAllSql());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "PersonNames_Fts_Update";""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "PersonNames_Fts_Update" AFTER UPDATE ON "PersonNames" BEGIN
                    INSERT INTO "PersonNamesFts"("PersonNamesFts", rowid, "Folded") VALUES ('delete', old."Key", old."Folded");
                    INSERT INTO "PersonNamesFts"(rowid, "Folded") VALUES (new."Key", new."Folded");
                END;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Credits_PersonId_Role",
                table: "Credits");

            migrationBuilder.DropIndex(
                name: "IX_CardCredits_PersonId_Role",
                table: "CardCredits");

            migrationBuilder.DropColumn(
                name: "KnownForTitleId",
                table: "PersonNames");

            migrationBuilder.DropColumn(
                name: "Roles",
                table: "PersonNames");

            migrationBuilder.CreateIndex(
                name: "IX_Credits_PersonId",
                table: "Credits",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CardCredits_PersonId",
                table: "CardCredits",
                column: "PersonId");
        }
    }
}
