using System.Text.RegularExpressions;
using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Data.Postgres;
using FilmCatalog.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FilmCatalog.Tests.Data;

/// <summary>
/// One model, two providers: each provider's migrations are complete for the model, and the
/// statements the importer and the votes write by hand are the model's own columns, bound by name.
/// No server is needed: the model and the statements are built without connecting.
/// </summary>
public sealed partial class ProviderModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    private static CatalogDbContext Context(string provider) => provider == "Postgres"
        ? new PostgresCatalogDbContext(new DbContextOptionsBuilder<PostgresCatalogDbContext>().UseNpgsql("Host=localhost;Database=none").Options)
        : new SqliteCatalogDbContext(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_providers_migrations_are_up_to_date_with_the_model(string provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"the model changed without a {provider} migration: add one for each provider (see CatalogDbContext's remarks)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_providers_compiled_model_is_the_model(string provider)
    {
        using var db = Context(provider);
        var compiled = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.IsAssignableFrom<RuntimeModel>(compiled);
        Assert.NotSame(built, compiled);
        Assert.True(Describe(built).Order(StringComparer.Ordinal).SequenceEqual(Describe(compiled).Order(StringComparer.Ordinal)),
            $"the {provider} compiled model lags behind the model: run dotnet ef dbcontext optimize for it (see CatalogDbContext's remarks); "
            + string.Join("; ", Describe(built).Except(Describe(compiled)).Concat(Describe(compiled).Except(Describe(built))).Take(10)));
    }

    /// <summary>
    /// What the site reads and writes through the model: each entity's table and the property under
    /// each column; each table's columns (type, nullability), keys, indexes and foreign keys. (The
    /// compiled model keeps only what runs; collations and index filters are the migrations' business.)
    /// </summary>
    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => $"{e.Name}.{p.Name} -> {e.GetTableName()}.{p.GetColumnName()} {p.ValueGenerated} {p.GetValueConverter()?.ProviderClrType.Name}")),
        .. model.GetRelationalModel().Tables.SelectMany(t => (IEnumerable<string>)
        [
            .. t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"),
            .. t.UniqueConstraints.Select(k => $"{t.Name} unique {k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))})"),
            .. t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) {(i.IsUnique ? "unique" : "")}"),
            .. t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"),
        ]),
    ];

    [Fact]
    public void The_sqlite_catalog_keeps_the_migration_ids_it_shipped_with_so_existing_files_keep_migrating()
    {
        using var db = Context("Sqlite");

        // The ids in __EFMigrationsHistory of catalogs made before the migrations moved to Data/Sqlite.
        Assert.Equal(
            ["20261124025754_InitialCatalog", "20261128064001_ClientAddressHashes", "20261128071231_TitlePageFactsAndSlugAliases"],
            db.Database.GetMigrations().Take(3));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Both_providers_have_the_same_tables_and_columns(string provider)
    {
        using var db = Context(provider);
        using var sqlite = Context("Sqlite");

        Assert.Equal(Columns(sqlite), Columns(db).Where(c => !c.StartsWith("DataProtectionKeys.", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_insert_writes_every_mapped_column_once_and_binds_each_by_its_own_name(string provider)
    {
        using var db = Context(provider);
        var sql = ModelSql.Of(db);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == typeof(Title).Namespace))
        {
            var table = sql.Of(entity.ClrType);
            var mapped = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).Select(p => p.GetColumnName()).Order().ToList();
            Assert.Equal(mapped, table.Inserted.Select(c => Unquote(c.Name)).Order().ToList());

            // Each row's placeholders name the column they stand under, row by row.
            var text = table.ValuesInsert(rows: 3, skipExisting: false);
            var columns = ColumnList().Match(text).Groups["columns"].Value.Split(", ").Select(Unquote).ToList();
            var rows = RowList().Matches(text).Select(m => m.Groups["values"].Value.Split(", ")).ToList();
            Assert.Equal(3, rows.Count);
            for (var row = 0; row < rows.Count; row++)
            {
                Assert.Equal(columns.Count, rows[row].Length);
                for (var c = 0; c < columns.Count; c++)
                    Assert.Equal($"@{Stem(columns[c])}_{row}", rows[row][c]);
            }
        }
    }

    [Fact]
    public async Task A_value_bound_through_the_model_finds_what_ef_core_stored_not_a_format_copied_by_hand()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteCatalogDbContext(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite(connection).Options);
        await db.Database.MigrateAsync();
        var title = TestCatalog.NewTitle("Bound Film", 2001);
        var review = TestCatalog.NewReview("A review", helpful: 0, voted: 0, DateTime.UtcNow);
        title.Reviews.Add(review);
        db.Titles.Add(title);
        await db.SaveChangesAsync();
        var visitor = Guid.NewGuid();
        db.HelpfulVotes.Add(new HelpfulVote { ReviewId = review.Id, VisitorId = visitor, IsHelpful = true, CastAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        // A Guid on SQLite is upper-case text as EF Core writes it; bound through its column, it matches.
        var votes = ModelSql.Of(db).Of<HelpfulVote>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {votes.Name} WHERE {votes[nameof(HelpfulVote.VisitorId)].Name} = @visitor";
        command.Parameters.Add(votes[nameof(HelpfulVote.VisitorId)].Parameter(command, "@visitor", visitor));

        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    private static List<string> Columns(CatalogDbContext db) =>
        [.. db.Model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}")).Order(StringComparer.Ordinal)];

    private static string Unquote(string name) => name.Trim('"');

    private static string Stem(string column) => new([.. column.Where(char.IsAsciiLetterOrDigit)]);

    [GeneratedRegex(@"^INSERT INTO \S+ \((?<columns>[^)]*)\)")]
    private static partial Regex ColumnList();

    [GeneratedRegex(@"\((?<values>@[^)]*)\)")]
    private static partial Regex RowList();
}
