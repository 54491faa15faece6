using Microsoft.EntityFrameworkCore.Migrations;

namespace FilmCatalog.Web.Data.Postgres.Migrations
{
    /// <summary>
    /// What the model cannot say: the full-text indexes over the folded names and the trigger that
    /// keeps the browse lists' copies of a title's sort values in step with the title
    /// (<c>TitleListing</c>), as SQLite's twin of this migration does.
    /// </summary>
    /// <remarks>
    /// A GIN index over <c>to_tsvector('simple', "Folded")</c> answers "every word begun"
    /// (<c>bus:* &amp; quin:*</c>); the B-tree over <c>"Folded"</c> (collation "C", from the model)
    /// answers "begins with". The names are folded before they are stored (<c>TextFold</c>), so the
    /// <c>simple</c> configuration needs no <c>unaccent</c>, and no extension is created: a role that
    /// may not create extensions can still run the migrations.
    /// </remarks>
    public partial class AddSearch
    {
        private static void CreateFullTextIndexes(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_TitleNames_Words" ON "TitleNames" USING GIN (to_tsvector('simple', "Folded"));
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_PersonNames_Words" ON "PersonNames" USING GIN (to_tsvector('simple', "Folded"));
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "Titles_TitleListings_Copy"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "TitleListings" SET
                        "Year" = COALESCE(NEW."Year", 0),
                        "RatingTenths" = COALESCE(CAST(ROUND(NEW."Rating" * 10) AS INTEGER), -1),
                        "ReviewCount" = NEW."ReviewCount"
                    WHERE "TitleId" = NEW."Id";
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Titles_TitleListings_Copy" AFTER UPDATE OF "ReviewCount", "Rating", "Year" ON "Titles"
                    FOR EACH ROW EXECUTE FUNCTION "Titles_TitleListings_Copy"();
                """);
        }

        private static void DropFullTextIndexes(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Titles_TitleListings_Copy" ON "Titles";""");
            migrationBuilder.Sql("""DROP FUNCTION "Titles_TitleListings_Copy"();""");
            migrationBuilder.Sql("""DROP INDEX "IX_PersonNames_Words";""");
            migrationBuilder.Sql("""DROP INDEX "IX_TitleNames_Words";""");
        }
    }
}
