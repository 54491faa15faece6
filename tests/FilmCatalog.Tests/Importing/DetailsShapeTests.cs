using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>Details, box office, company credits and technical specs in shapes of their own.</summary>
public class DetailsShapeTests
{
    private static ParseResult Parse(string fixture) => TitlePageParser.Parse(File.ReadAllBytes(RepositoryPaths.Fixture(fixture)));

    [Fact]
    public void The_link_to_company_contact_information_is_navigation_not_a_company()
    {
        var result = Parse("companies_with_imdbpro_link.txt");

        Assert.Equal(["Scott Rudin Productions", "Mike Zoss Productions"], result.Title.Companies);
        Assert.Equal(98, result.Title.RuntimeMinutes);
        Assert.Empty(result.Warnings);
    }
}
