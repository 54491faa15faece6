namespace FilmCatalog.Tests;

/// <summary>Finds files of the repository from the test's output folder, wherever the tests run.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seed(string fileName) => Path.Combine(RepositoryRoot, "seeds", fileName);

    public static string Fixture(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FilmCatalog.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FilmCatalog.sln above {AppContext.BaseDirectory}");
    }
}
