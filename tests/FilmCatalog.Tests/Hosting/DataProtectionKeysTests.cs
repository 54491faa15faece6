using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FilmCatalog.Tests.Hosting;

/// <summary>The Data Protection keys in the data folder: plain XML by default, encrypted at rest with a certificate.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Without_a_certificate_the_keys_are_plain_xml_in_a_folder_only_the_sites_user_can_open()
    {
        await using var site = new CatalogFactory();

        await IssueATokenAsync(site);

        var keys = Path.Combine(site.DataFolder, "keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(keys, "*.xml")));
        Assert.Contains("<masterKey", key, StringComparison.Ordinal);
        Assert.DoesNotContain("EncryptedData", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_encrypted_at_rest_and_forms_still_work()
    {
        var folder = Directory.CreateTempSubdirectory("filmcatalog-keys-").FullName;
        try
        {
            var certificate = Path.Combine(folder, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=FilmCatalog keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(certificate, selfSigned.Export(X509ContentType.Pfx, "test-password"));
            }

            await using var site = new CatalogFactory
            {
                Settings = new Dictionary<string, string>
                {
                    ["DataProtection:CertificatePath"] = certificate,
                    ["DataProtection:CertificatePassword"] = "test-password",
                },
            };
            var film = await site.Catalog.AddFilmAsync(reviews: 1);
            var vote = await VotePage.OpenAsync(site.CreateClient("10.11.0.1"), film.ReviewIds[0]);

            Assert.Equal(HttpStatusCode.Redirect, (await vote.SubmitAsync(helpful: true)).StatusCode);
            var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(site.DataFolder, "keys"), "*.xml")));
            Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task IssueATokenAsync(CatalogFactory site) =>
        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync("/antiforgery/token")).StatusCode);
}
