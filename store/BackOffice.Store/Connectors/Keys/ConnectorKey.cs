using System.Security.Cryptography;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.Keys;

/// <summary>
/// Issue 13: one 32-byte AES key and its id. The id is stored beside every ciphertext it wrote, so a rotated key's rows
/// are still found and read; it is an HMAC of a fixed label, which names the key without revealing it.
/// </summary>
public sealed class ConnectorKey
{
    public const int KeyBytes = 32;

    private ConnectorKey(byte[] bytes)
    {
        Bytes = bytes;
        Id = Convert.ToHexStringLower(HMACSHA256.HashData(bytes, "backoffice connector key id"u8)[..6]);
    }

    /// <summary>12 hex digits.</summary>
    public string Id { get; }

    internal byte[] Bytes { get; }

    /// <summary>Parses base64 of exactly 32 bytes; <paramref name="setting"/> names where it came from in the error.</summary>
    public static ConnectorKey Parse(string base64, string setting)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new ConnectorKeyException($"{setting} is not base64: expected {KeyBytes} random bytes in base64 (e.g. `openssl rand -base64 32`).");
        }

        return bytes.Length == KeyBytes
            ? new ConnectorKey(bytes)
            : throw new ConnectorKeyException($"{setting} holds {bytes.Length} bytes: an encryption key is {KeyBytes} bytes (base64 of 32 random bytes).");
    }

    /// <summary>Reads a key file (base64, surrounding whitespace ignored).</summary>
    public static ConnectorKey Read(string path, string setting) =>
        File.Exists(path)
            ? Parse(File.ReadAllText(path), $"{setting} ({path})")
            : throw new ConnectorKeyException($"The key file {path} named by {setting} does not exist. Restore it or correct {setting}.");

    /// <summary>A new random key written to <paramref name="path"/> readable by the owner only (0600, folder 0700); null when another process created it first.</summary>
    public static ConnectorKey? TryCreate(string path)
    {
        var bytes = RandomNumberGenerator.GetBytes(KeyBytes);
        return KeyFiles.TryCreateOwnerOnly(path, Convert.ToBase64String(bytes)) ? new ConnectorKey(bytes) : null;
    }
}
