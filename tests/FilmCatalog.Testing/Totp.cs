using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FilmCatalog.Testing;

/// <summary>
/// What an authenticator app does with the shared key the site shows (RFC 6238: HMAC-SHA1, 30-second
/// steps, 6 digits), so tests can turn on and use two-factor sign-in as a moderator would.
/// </summary>
public static class Totp
{
    /// <summary>The code for now (and, with <paramref name="stepOffset"/>, for a neighbouring step).</summary>
    public static string Code(string sharedKey, int stepOffset = 0)
    {
        var key = Base32(sharedKey);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes the key as typed: any case, spaces ignored.</summary>
    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
