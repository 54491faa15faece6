using Npgsql;
using Provider = FilmCatalog.Web.Data.Postgres.PostgresCatalog;

namespace FilmCatalog.Tests.Data;

/// <summary>On PostgreSQL statements are kept prepared by default, and an operator's connection string has the last word.</summary>
public sealed class PreparedStatementsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_keeps_statements_prepared()
    {
        var shaped = new NpgsqlConnectionStringBuilder(Provider.WithPreparedStatements("Host=db;Database=catalog;Username=site;Password=secret"));

        Assert.Equal(Provider.PreparedStatements, shaped.MaxAutoPrepare);
        Assert.Equal(2, shaped.AutoPrepareMinUsages);
        Assert.Equal(("db", "catalog", "site", "secret"), (shaped.Host, shaped.Database, shaped.Username, shaped.Password));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 2)]
    [InlineData("Host=db;MaxAutoPrepare=16;Auto Prepare Min Usages=5", 16, 5)]
    [InlineData("Host=db;max auto prepare=8;autoprepareminusages=3", 8, 3)]
    public void The_operators_settings_are_kept(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var shaped = new NpgsqlConnectionStringBuilder(Provider.WithPreparedStatements(connectionString));

        Assert.Equal((maxAutoPrepare, minUsages), (shaped.MaxAutoPrepare, shaped.AutoPrepareMinUsages));
    }
}
