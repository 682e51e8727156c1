using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Store.Control;

/// <summary>
/// Long random secrets (API tokens, setup links). They carry 256 bits of entropy, so a single SHA-256 is enough to
/// store them (no salt or iterations needed, unlike passwords), and lookup by hash stays an index seek.
/// </summary>
public static class SecretTokens
{
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
