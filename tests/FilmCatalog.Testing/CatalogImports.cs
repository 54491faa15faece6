using FilmCatalog.Web.Importing;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Testing;

/// <summary>Films of a test's own, through the site's real importer (<see cref="TitlePageText"/>).</summary>
public static class CatalogImports
{
    /// <summary>Imports each page as a file of its own, in order; every file must import (or be unchanged).</summary>
    public static async Task<IReadOnlyList<ImportOutcome>> ImportAsync(this CatalogFactory factory, params TitlePageText[] pages)
    {
        var outcomes = new List<ImportOutcome>();
        foreach (var page in pages)
            outcomes.Add(await factory.ImportAsync($"{page.Slug}.txt", page.Bytes));
        return outcomes;
    }

    /// <summary>Imports one file's bytes through the site's importer and returns what happened to it.</summary>
    public static async Task<ImportOutcome> ImportAsync(this CatalogFactory factory, string file, byte[] content)
    {
        var outcome = await factory.InScopeAsync(services => services.GetRequiredService<CatalogImporter>().ImportAsync(file, content));
        Assert.True(outcome.Status != ImportStatus.Refused, $"{file} was refused: {outcome.ErrorLine}: {outcome.Error}");
        return outcome;
    }
}
