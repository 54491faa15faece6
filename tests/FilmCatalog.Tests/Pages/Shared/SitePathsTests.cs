using FilmCatalog.Web.Pages.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FilmCatalog.Tests.Pages.Shared;

/// <summary>The title paths lists write out (<see cref="SitePaths"/>) are the ones the site's routing generates, under any path base.</summary>
public sealed class SitePathsTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Theory]
    [InlineData("", "the-third-man-1949", null)]
    [InlineData("", "hamlet-1996-i", "also-liked")]
    [InlineData("/films", "8-1-2-1963", null)]
    [InlineData("/catalog/site", "amelie-2001", "also-liked")]
    public void A_title_path_is_the_one_routing_generates(string pathBase, string slug, string? fragment)
    {
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        var context = new DefaultHttpContext { RequestServices = factory.Services };
        context.Request.PathBase = pathBase;

        var routed = links.GetPathByPage(context, "/Titles/Details", values: new { slug }, fragment: fragment is null ? default : new FragmentString("#" + fragment));

        Assert.NotNull(routed);
        Assert.StartsWith(pathBase + "/title/", routed, StringComparison.Ordinal);
        Assert.Equal(routed, SitePaths.Title(context.Request, slug, fragment));
    }
}
