namespace FilmCatalog.Testing;

/// <summary>Folders of the repository the tests run from, found by walking up to FilmCatalog.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Seed(string fileName) => Path.Combine(Seeds, fileName);

    /// <summary>A title page written for the tests, copied beside the test assembly.</summary>
    public static string Fixture(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FilmCatalog.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("FilmCatalog.sln not found above " + AppContext.BaseDirectory);
    }
}
