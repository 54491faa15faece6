using Microsoft.EntityFrameworkCore.Migrations;

namespace FilmCatalog.Web.Data.Sqlite.Migrations
{
    /// <summary>
    /// What the model cannot say: SQLite's full-text indexes over the name tables, the triggers that
    /// keep them in step with every write of those tables, and the trigger that keeps the browse
    /// lists' copies of a title's sort values in step with the title (<c>TitleListing</c>).
    /// </summary>
    /// <remarks>
    /// FTS5 with external content: the index holds only tokens, the names stay in <c>TitleNames</c>
    /// and <c>PersonNames</c>, and the row ids are those tables' <c>Key</c>, so a query reads matches
    /// most popular first. <c>unicode61 remove_diacritics 2</c> folds case and accents; the names are
    /// already folded (<c>TextFold</c>, which also spells ł, ø, ß... that SQLite keeps). Prefix
    /// indexes of 1 to 3 characters make a short prefix typed in the search box one lookup.
    /// </remarks>
    public partial class AddSearch
    {
        private static void CreateFullTextIndexes(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TitleNamesFts" USING fts5(
                    "Folded", "Year", content='TitleNames', content_rowid='Key',
                    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3', columnsize=0);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TitleNames_Fts_Insert" AFTER INSERT ON "TitleNames" BEGIN
                    INSERT INTO "TitleNamesFts"(rowid, "Folded", "Year") VALUES (new."Key", new."Folded", new."Year");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TitleNames_Fts_Delete" AFTER DELETE ON "TitleNames" BEGIN
                    INSERT INTO "TitleNamesFts"("TitleNamesFts", rowid, "Folded", "Year") VALUES ('delete', old."Key", old."Folded", old."Year");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TitleNames_Fts_Update" AFTER UPDATE ON "TitleNames" BEGIN
                    INSERT INTO "TitleNamesFts"("TitleNamesFts", rowid, "Folded", "Year") VALUES ('delete', old."Key", old."Folded", old."Year");
                    INSERT INTO "TitleNamesFts"(rowid, "Folded", "Year") VALUES (new."Key", new."Folded", new."Year");
                END;
                """);

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "PersonNamesFts" USING fts5(
                    "Folded", content='PersonNames', content_rowid='Key',
                    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3', columnsize=0);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PersonNames_Fts_Insert" AFTER INSERT ON "PersonNames" BEGIN
                    INSERT INTO "PersonNamesFts"(rowid, "Folded") VALUES (new."Key", new."Folded");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PersonNames_Fts_Delete" AFTER DELETE ON "PersonNames" BEGIN
                    INSERT INTO "PersonNamesFts"("PersonNamesFts", rowid, "Folded") VALUES ('delete', old."Key", old."Folded");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PersonNames_Fts_Update" AFTER UPDATE ON "PersonNames" BEGIN
                    INSERT INTO "PersonNamesFts"("PersonNamesFts", rowid, "Folded") VALUES ('delete', old."Key", old."Folded");
                    INSERT INTO "PersonNamesFts"(rowid, "Folded") VALUES (new."Key", new."Folded");
                END;
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER "Titles_TitleListings_Copy" AFTER UPDATE OF "ReviewCount", "Rating", "Year" ON "Titles" BEGIN
                    UPDATE "TitleListings" SET
                        "Year" = COALESCE(new."Year", 0),
                        "RatingTenths" = COALESCE(CAST(ROUND(new."Rating" * 10) AS INTEGER), -1),
                        "ReviewCount" = new."ReviewCount"
                    WHERE "TitleId" = new."Id";
                END;
                """);
        }

        private static void DropFullTextIndexes(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Titles_TitleListings_Copy";""");
            foreach (var table in (string[])["TitleNames", "PersonNames"])
            {
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_Fts_Insert";""");
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_Fts_Delete";""");
                migrationBuilder.Sql($"""DROP TRIGGER "{table}_Fts_Update";""");
                migrationBuilder.Sql($"""DROP TABLE "{table}Fts";""");
            }
        }
    }
}
