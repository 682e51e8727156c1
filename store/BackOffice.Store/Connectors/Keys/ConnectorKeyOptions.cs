namespace BackOffice.Store.Connectors.Keys;

/// <summary>
/// Issue 13: the key that encrypts connector tokens at rest (AES-256-GCM, <see cref="KeyedTokenProtector"/>). The
/// current key is <see cref="EncryptionKey"/> (base64 of 32 bytes), else the file <see cref="EncryptionKeyFile"/>, else
/// the data directory's <c>keys/connectors.key</c>, generated on first use with 0600 permissions (the embedded, offline
/// default). <see cref="PreviousKeys"/> still decrypt rows written before a rotation until `connections rekey` rewrites them.
/// </summary>
public sealed class ConnectorKeyOptions
{
    public const string SectionName = "Connectors";

    /// <summary>Base64 of 32 random bytes (e.g. `openssl rand -base64 32`); wins over <see cref="EncryptionKeyFile"/>.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>A file holding the key as base64; it must exist when set (a missing file is never replaced by a new key).</summary>
    public string? EncryptionKeyFile { get; set; }

    /// <summary>Keys replaced by a rotation, each as base64 or as the path of a key file: read, never written with.</summary>
    public List<string> PreviousKeys { get; set; } = [];
}
