using Npgsql;

namespace FilmCatalog.Testing;

/// <summary>
/// The PostgreSQL server and the Redis that <c>./test.sh</c> starts for a run (<c>tests/servers.sh</c>):
/// real servers, never stand-ins. Each fixture gets a database of its own and a Redis key prefix of
/// its own, so fixtures running side by side never see each other's rows or cached pages.
/// </summary>
public static class TestServers
{
    public const string PostgresVariable = "FILMCATALOG_TEST_POSTGRES";
    public const string RedisVariable = "FILMCATALOG_TEST_REDIS";

    private static int _created;

    /// <summary>The run's connection string (its role may create databases named after its own).</summary>
    public static string Postgres => Required(PostgresVariable);

    /// <summary>The run's Redis, <c>host:port</c>.</summary>
    public static string Redis => Required(RedisVariable);

    /// <summary>
    /// The key of client-address hashes for sites on PostgreSQL (<c>Reviews:AddressHashKey</c>, which
    /// PostgreSQL requires): one per test process, so instances on one database hash alike.
    /// </summary>
    public static string AddressHashKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A key prefix no other fixture of any run uses.</summary>
    public static string NewRedisPrefix() => $"test-{Environment.ProcessId}-{Interlocked.Increment(ref _created)}:";

    /// <summary>A fresh, empty database on the run's server, dropped when disposed.</summary>
    public static PostgresDatabase NewPostgresDatabase() => new(Postgres, $"{Environment.ProcessId}_{Interlocked.Increment(ref _created)}");

    /// <summary>The settings of a site process on <paramref name="database"/>, sharing the run's Redis under <paramref name="redisPrefix"/>.</summary>
    public static Dictionary<string, string> SiteSettings(PostgresDatabase database, string redisPrefix) => new()
    {
        ["Catalog:Provider"] = "Postgres",
        ["ConnectionStrings:Catalog"] = database.ConnectionString,
        ["ConnectionStrings:Redis"] = Redis,
        ["Redis:KeyPrefix"] = redisPrefix,
        ["Reviews:AddressHashKey"] = AddressHashKey,
    };

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run the tests with ./test.sh, which starts PostgreSQL and Redis for the run (tests/servers.sh), " +
                "or source tests/servers.sh and call servers_up first.");
}

/// <summary>A database of a test's own on the run's PostgreSQL server.</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string _run;

    internal PostgresDatabase(string runConnectionString, string suffix)
    {
        _run = runConnectionString;
        var builder = new NpgsqlConnectionStringBuilder(runConnectionString);

        // Named after the run's own database, so tests/servers.sh drops it even if the tests are killed.
        Name = $"{builder.Database}_{suffix}";
        builder.Database = Name;
        ConnectionString = builder.ConnectionString;
        Run($"CREATE DATABASE \"{Name}\"");
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        try
        {
            Run($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
        catch (PostgresException e)
        {
            // Cleanup only (a CI run once failed here after every test had passed): the database is named after the
            // run's, so tests/servers.sh drops it when the run ends; a test class's result must not hang on it.
            Console.Error.WriteLine($"Could not drop the test database {Name} now ({e.SqlState}: {e.MessageText}); the run's cleanup drops it");
        }
    }

    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(_run);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
