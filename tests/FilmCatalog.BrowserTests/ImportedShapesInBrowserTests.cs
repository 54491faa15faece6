using FilmCatalog.BrowserTests.Infrastructure;
using FilmCatalog.Testing;
using FilmCatalog.Web.Catalog;
using OpenQA.Selenium;

namespace FilmCatalog.BrowserTests;

/// <summary>The facts of the 2010-2011 layout and of damaged captures (Metascore, other certificates, lost actor names) in a real browser.</summary>
[Trait("Category", "Slow")]
public sealed class ImportedShapesInBrowserTests(LiveSite site, Browser browser) : IClassFixture<LiveSite>, IClassFixture<Browser>
{
    private async Task<string> AddFilmAsync()
    {
        var film = TestCatalog.NewTitle("The Salt Orchard", 2009);
        if (await site.Catalog.ReadAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Titles, t => t.Slug == film.Slug)))
            return film.Slug;

        film.Rating = 6.4;
        film.RatingVotes = 3118;
        film.Metascore = 58;
        film.SourceUserReviews = 31;
        film.SourceCriticReviews = 12;
        film.SourceMetacriticReviews = 9;
        film.Certificate = "R";
        film.CertificateSystem = "USA";
        film.Facts =
        [
            new TitleFact { Kind = TitleFactKind.Certificate, Position = 0, Text = "15A", Qualifier = "Ireland" },
            new TitleFact { Kind = TitleFactKind.Certificate, Position = 1, Text = "15", Qualifier = "UK" },
            new TitleFact { Kind = TitleFactKind.Tagline, Position = 0, Text = "Everything sweet grows somewhere bitter." },
            new TitleFact { Kind = TitleFactKind.Tagline, Position = 1, Text = "Bees keep their own counsel." },
        ];
        film.Credits =
        [
            TestCatalog.NewCredit(CreditRole.Cast, 0, "Imogen Thwaite", "Marian Holt"),
            TestCatalog.NewCredit(CreditRole.Cast, 1, null, "The Ferryman"),
        ];
        return await site.Catalog.AddAsync(film);
    }

    [Theory]
    [InlineData(1280, 900, "title-shapes-1280.png")]
    [InlineData(390, 844, "title-shapes-390.png")]
    public async Task Metascore_other_certificates_and_a_nameless_cast_row_fit_the_page(int width, int height, string screenshot)
    {
        var slug = await AddFilmAsync();
        browser.SetViewport(width, height, mobile: width < 600);
        browser.SevereConsoleEntries();
        browser.GoTo(site.Url($"/title/{slug}"));

        var metascore = browser.Driver.FindElement(By.CssSelector(".hero .rating-metascore")).Text;
        Assert.Contains("58/100", metascore);
        Assert.Contains("Metascore", metascore, StringComparison.OrdinalIgnoreCase); // the label is set in capitals by CSS
        Assert.Contains("15A (Ireland)", browser.Driver.FindElement(By.CssSelector("#details .other-certificates")).Text);
        Assert.Equal("Name not recorded", browser.Driver.FindElement(By.CssSelector("#cast tbody tr:nth-child(2) th")).Text);
        var scrollWidth = browser.Script<long>("return document.documentElement.scrollWidth;");
        var clientWidth = browser.Script<long>("return document.documentElement.clientWidth;");
        Assert.True(scrollWidth <= clientWidth, $"no horizontal scrolling at {width}px: scrollWidth {scrollWidth} > clientWidth {clientWidth}");
        Assert.Empty(browser.SevereConsoleEntries());
        Assert.True(new FileInfo(browser.SaveFullPageScreenshot(screenshot, width)).Length > 0);
    }
}
