using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Store.Connectors.Keys;

/// <summary>
/// Issue 13: connector tokens encrypted with AES-256-GCM under a configured key (<see cref="ConnectorKeyRing"/>). The
/// stored text is <c>k1:{key id}:{base64(nonce | tag | ciphertext)}</c>: the key id beside the ciphertext lets a
/// rotated key's rows be read (and rewritten by `connections rekey`); the id is bound in as associated data, so a row
/// cannot be relabelled. Text without the prefix was written by ASP.NET Core Data Protection before this change and is
/// read through <paramref name="legacy"/> until a rekey rewrites it.
/// </summary>
public sealed class KeyedTokenProtector(ConnectorKeyRing ring, ITokenProtector? legacy = null) : ITokenProtector
{
    public const string Prefix = "k1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string Protect(string plaintext)
    {
        var key = ring.Current();
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Associated(key.Id));
        return $"{Prefix}{key.Id}:{Convert.ToBase64String(sealedBytes)}";
    }

    public string Unprotect(string protectedText)
    {
        if (!protectedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return UnprotectLegacy(protectedText);
        }

        var (id, sealedBytes) = Split(protectedText);
        var key = ring.Find(id) ?? throw new ConnectorKeyException(
            $"A connector token was encrypted with key {id}, which is not configured: the current key is {ring.Source}" +
            (ring.CurrentId() is { } current ? $", key {current}" : ", which does not exist") +
            ". Set Connectors:EncryptionKey (or Connectors:EncryptionKeyFile) to the key that wrote it, or list it under Connectors:PreviousKeys.");
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Associated(id));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new ConnectorKeyException($"A connector token under key {id} does not decrypt: the stored text was altered. Connect again to replace it.");
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id <paramref name="protectedText"/> was written with, or null for Data Protection text.</summary>
    public static string? KeyIdOf(string protectedText) =>
        protectedText.StartsWith(Prefix, StringComparison.Ordinal) ? Split(protectedText).Id : null;

    private static byte[] Associated(string keyId) => Encoding.ASCII.GetBytes("backoffice connector token|" + keyId);

    private static (string Id, byte[] Sealed) Split(string text)
    {
        var colon = text.IndexOf(':', Prefix.Length);
        byte[]? bytes = null;
        try
        {
            bytes = colon > Prefix.Length ? Convert.FromBase64String(text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            bytes = null;
        }

        return bytes is { Length: >= NonceBytes + TagBytes }
            ? (text[Prefix.Length..colon], bytes)
            : throw new ConnectorKeyException("A stored connector token is not in the k1:{key id}:{base64} form: the row was altered. Connect again to replace it.");
    }

    private string UnprotectLegacy(string protectedText)
    {
        if (legacy is null)
        {
            throw new ConnectorKeyException("A stored connector token has no key id: it predates Connectors:EncryptionKey and no Data Protection key ring is available to read it. Connect again.");
        }

        try
        {
            return legacy.Unprotect(protectedText);
        }
        catch (CryptographicException ex)
        {
            throw new ConnectorKeyException(
                $"A connector token written with ASP.NET Core Data Protection (before Connectors:EncryptionKey) cannot be read: {ex.Message} Restore the data directory's keys/ folder, then run `backoffice connections rekey`.");
        }
    }
}
