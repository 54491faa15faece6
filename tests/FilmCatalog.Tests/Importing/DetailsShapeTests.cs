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

    [Fact]
    public void The_first_of_several_runtimes_is_the_runtime_and_each_other_is_kept_with_its_qualifier()
    {
        var result = Parse("alternate_runtimes.txt");

        Assert.Equal(98, result.Title.RuntimeMinutes);
        Assert.Equal([new ParsedFact("105 min", "director's cut")], result.Title.OtherRuntimes);
        Assert.Equal("Color", result.Title.Color);
        Assert.Empty(result.Warnings);
    }
}
