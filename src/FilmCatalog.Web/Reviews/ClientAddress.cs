using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using FilmCatalog.Web.Hosting;

namespace FilmCatalog.Web.Reviews;

/// <summary>
/// The client's address as the write rules weigh it, kept only as a keyed hash: hiding a review takes
/// reports from several addresses, and one address counts a few votes on a review at most. An IPv4
/// address is one address; an IPv6 address is taken by its /64, the network one subscriber gets and
/// picks addresses from at will.
/// </summary>
/// <remarks>
/// The key is <c>Reviews:AddressHashKey</c> (base64, 32 bytes or more) or, when that is not set, a
/// random key kept in <c>keys/address-hash.key</c> in the data folder, so hashes stay comparable across
/// restarts. Several instances on one database must share it: set <c>Reviews:AddressHashKey</c>.
/// A hash cannot be turned back into an address without the key.
/// </remarks>
public sealed class ClientAddress(byte[] key)
{
    /// <summary>Hex characters kept of the hash (128 bits).</summary>
    public const int HashLength = 32;

    /// <summary>The hash of this request's client network; null when the server saw no address (tests without a socket).</summary>
    public string? HashOf(HttpContext context) => context.Connection.RemoteIpAddress is { } address
        ? Convert.ToHexStringLower(HMACSHA256.HashData(key, NetworkOf(address)))[..HashLength]
        : null;

    /// <summary>The bytes that identify the client's network: the IPv4 address, or an IPv6 address's first 64 bits.</summary>
    public static byte[] NetworkOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? bytes[..8] : bytes;
    }

    /// <summary>The client network as text, for partitioning rate limits: "10.0.0.1" or "2001:db8:1:2::/64".</summary>
    public static string NetworkText(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        var network = NetworkOf(address);
        return network.Length == 4 ? new IPAddress(network).ToString() : new IPAddress([.. network, .. new byte[8]]) + "/64";
    }

    /// <summary>The key <c>Reviews:AddressHashKey</c> sets, read when the site starts; null when it is not set.</summary>
    /// <exception cref="SiteConfigurationException">The setting is not 32 bytes or more in base64.</exception>
    public static ClientAddress? Configured(IConfiguration configuration)
    {
        if (configuration["Reviews:AddressHashKey"] is not { Length: > 0 } configured)
            return null;
        var key = new byte[configured.Length];
        return Convert.TryFromBase64String(configured.Trim(), key, out var length) && length >= 32
            ? new ClientAddress(key[..length])
            : throw new SiteConfigurationException(
                "Reviews:AddressHashKey must be at least 32 bytes, in base64 (e.g. from `openssl rand -base64 32`).");
    }

    /// <summary>The key kept in the data folder (made on first use), for a site that sets none.</summary>
    public static ClientAddress FromKeysFolder(string keysFolder)
    {
        Directory.CreateDirectory(keysFolder);
        var path = Path.Combine(keysFolder, "address-hash.key");
        try
        {
            using var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(created.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            created.Write(RandomNumberGenerator.GetBytes(32));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made already, by an earlier start or by a process starting beside this one.
        }

        // A process that lost the race to create the file may read it before its 32 bytes are written.
        for (var attempt = 0; ; attempt++)
        {
            var key = File.ReadAllBytes(path);
            if (key.Length >= 32 || attempt == 50)
                return key.Length >= 32 ? new ClientAddress(key) : throw new InvalidOperationException($"{path} holds no key");
            Thread.Sleep(10);
        }
    }
}
