namespace FilmCatalog.Tests.Hosting;

/// <summary>
/// A setting the site cannot start with stops it at once with a line that says what to set, and exit
/// code 2: no stack trace for the operator to read through, and no site that starts and fails later,
/// on the first visitor who votes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("filmcatalog-configuration-").FullName;

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    public static TheoryData<string, string, string> WrongSettings => new()
    {
        { "Catalog:Provider", "Oracle", "Catalog:Provider is \"Oracle\"; it must be Sqlite (the default) or Postgres." },
        { "Reviews:AddressHashKey", "not a key", "Reviews:AddressHashKey must be at least 32 bytes, in base64" },
        { "Reviews:AddressHashKey", "c2hvcnQ=", "Reviews:AddressHashKey must be at least 32 bytes, in base64" },
        { "Site:PublicBaseUrl", "films.example.org", "Site:PublicBaseUrl is \"films.example.org\"; it must be the scheme and host visitors use" },
        { "ForwardedHeaders:KnownProxies", "10.0.0.300", "ForwardedHeaders:KnownProxies: \"10.0.0.300\" is not an IP address" },
        { "ConnectionStrings:Catalog", "Data Source=catalog.db;Bogus Key=1", "ConnectionStrings:Catalog is not a connection string SQLite can read: " },
        { "ConnectionStrings:Catalog", "Data Source=catalog.db;;==", "ConnectionStrings:Catalog is not a connection string SQLite can read: " },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task The_site_and_its_commands_refuse_to_start_with_a_wrong_setting_and_say_which(string key, string value, string message)
    {
        foreach (string[] arguments in (string[][])[[], ["moderator", "list"]])
        {
            using var site = SiteProcess.StartCommand(_dataFolder, new Dictionary<string, string> { [key] = value }, arguments);
            await site.WaitForExitAsync();
            var output = string.Join("\n", site.Lines);

            Assert.Equal(2, site.ExitCode);
            Assert.Contains($"FilmCatalog cannot start: {message}", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(_dataFolder, "catalog.db")), "a site that refused to start made no catalog");
    }

    /// <summary>A catalog path that names some other file: "SQLite Error 26" and a stack trace (exit 134) before; the file is left as it was.</summary>
    [Fact]
    public async Task A_catalog_file_that_is_not_a_database_stops_the_site_and_its_commands_with_a_line_saying_so()
    {
        var path = Path.Combine(_dataFolder, "notes.db");
        await File.WriteAllTextAsync(path, "these are my notes, not a catalog\n");

        foreach (string[] arguments in (string[][])[[], ["moderator", "list"], ["reindex"], ["import", Path.Combine(_dataFolder, "none.txt")]])
        {
            using var site = SiteProcess.StartCommand(_dataFolder, new Dictionary<string, string> { ["ConnectionStrings:Catalog"] = $"Data Source={path}" }, arguments);
            await site.WaitForExitAsync();
            var output = string.Join("\n", site.Lines);

            Assert.True(site.ExitCode == 2, $"{string.Join(' ', arguments)}: exit {site.ExitCode}\n{output}");
            Assert.Contains($"FilmCatalog cannot start: ConnectionStrings:Catalog names {path}, which is not a SQLite database", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }

        Assert.Equal("these are my notes, not a catalog\n", await File.ReadAllTextAsync(path));
    }

    /// <summary>A server that refuses, or a path that is a folder: an unhandled exception and exit 134 before.</summary>
    [Theory]
    [InlineData("Postgres", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=5", "Failed to connect to 127.0.0.1:1")]
    [InlineData("Sqlite", "Data Source={folder}/catalog.db", "SQLite Error")]
    public async Task A_database_that_cannot_be_reached_stops_the_site_and_its_commands_with_its_answer_in_one_line(string provider, string connection, string answer)
    {
        Directory.CreateDirectory(Path.Combine(_dataFolder, "catalog.db")); // a folder where the file should be
        foreach (string[] arguments in (string[][])[[], ["moderator", "list"]])
        {
            using var site = SiteProcess.StartCommand(_dataFolder, new Dictionary<string, string>
            {
                ["Catalog:Provider"] = provider,
                ["ConnectionStrings:Catalog"] = connection.Replace("{folder}", _dataFolder, StringComparison.Ordinal),
                ["Reviews:AddressHashKey"] = Convert.ToBase64String(new byte[32]),
            }, arguments);
            await site.WaitForExitAsync();
            var output = string.Join("\n", site.Lines);

            Assert.True(site.ExitCode == 2, $"{provider} {string.Join(' ', arguments)}: exit {site.ExitCode}\n{output}");
            Assert.Contains("FilmCatalog cannot start: the catalog database (ConnectionStrings:Catalog) answered: ", output, StringComparison.Ordinal);
            Assert.Contains(answer, output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PostgreSQL_without_a_shared_address_key_is_refused_before_anything_connects()
    {
        using var site = SiteProcess.StartCommand(_dataFolder, new Dictionary<string, string>
        {
            ["Catalog:Provider"] = "Postgres",
            ["ConnectionStrings:Catalog"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
        });
        await site.WaitForExitAsync();
        var output = string.Join("\n", site.Lines);

        Assert.Equal(2, site.ExitCode);
        Assert.Contains("FilmCatalog cannot start: On PostgreSQL every instance must hash client addresses with one key", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=notanumber;Password=hunter2", "Couldn't set port")]
    [InlineData("Host=127.0.0.1;Bogus Key=1;Password=hunter2", "Couldn't set bogus key")]
    [InlineData("Host=127.0.0.1;Password=hunter2;;==", "Format of the initialization string")]
    public async Task A_PostgreSQL_connection_string_Npgsql_cannot_read_is_refused_without_its_password(string connectionString, string reason)
    {
        using var site = SiteProcess.StartCommand(_dataFolder, new Dictionary<string, string>
        {
            ["Catalog:Provider"] = "Postgres",
            ["ConnectionStrings:Catalog"] = connectionString,
            ["Reviews:AddressHashKey"] = Convert.ToBase64String(new byte[32]),
        });
        await site.WaitForExitAsync();
        var output = string.Join("\n", site.Lines);

        Assert.Equal(2, site.ExitCode);
        Assert.Contains($"FilmCatalog cannot start: ConnectionStrings:Catalog is not a connection string PostgreSQL can read: {reason}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output, StringComparison.Ordinal);
    }
}
