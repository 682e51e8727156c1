using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Store.Audit;

/// <summary>
/// Issue 19: the secret that keys the audit chains (HMAC-SHA256, RFC 2104). It lives outside the database files (the data
/// directory's <c>keys/audit-chain.key</c>, or a configured file), so someone holding only the databases can edit
/// events but cannot recompute their hashes: a consistent rewrite with plain SHA-256 no longer verifies.
/// </summary>
public sealed class AuditKey
{
    private const int KeyBytes = 32;
    private readonly byte[] _key;

    private AuditKey(byte[] key)
    {
        _key = key;
        // A fingerprint names the key in messages without revealing it: HMAC of a fixed label, first 8 bytes.
        Fingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(key, "backoffice audit key fingerprint"u8)[..8]);
    }

    /// <summary>16 hex digits that identify the key (recorded in the control database, shown by `audit verify`).</summary>
    public string Fingerprint { get; }

    /// <summary>HMAC-SHA256 of <paramref name="text"/> as UTF-8, lower-case hex.</summary>
    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    /// <summary>A key for tests that build chains by hand.</summary>
    public static AuditKey FromBytes(byte[] key) =>
        key.Length == KeyBytes ? new AuditKey(key.ToArray()) : throw new ArgumentException($"An audit key is {KeyBytes} bytes.", nameof(key));

    /// <summary>Reads the key file: 64 hex digits, nothing else but whitespace.</summary>
    public static AuditKey Read(string path)
    {
        var text = File.ReadAllText(path).Trim();
        try
        {
            return FromBytes(Convert.FromHexString(text));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new AuditKeyException($"The audit key file {path} is not an audit key: expected {KeyBytes * 2} hex digits.");
        }
    }

    /// <summary>
    /// Creates a new random key at <paramref name="path"/>, readable by the owner only (0600, folder 0700), or returns
    /// null when another process created it first (the caller then reads theirs).
    /// </summary>
    public static AuditKey? TryCreate(string path)
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        return BackOffice.Store.Tenancy.KeyFiles.TryCreateOwnerOnly(path, Convert.ToHexStringLower(key)) ? new AuditKey(key) : null;
    }
}

/// <summary>Issue 19: the audit key is missing or unreadable; the message says which file and what to do.</summary>
public sealed class AuditKeyException(string message) : Exception(message);
