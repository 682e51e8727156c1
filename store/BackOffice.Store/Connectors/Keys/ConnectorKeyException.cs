using System.Security.Cryptography;

namespace BackOffice.Store.Connectors.Keys;

/// <summary>
/// Issue 13: a connector token cannot be decrypted or encrypted with the configured keys. The message names the setting
/// to fix (Connectors:EncryptionKey, EncryptionKeyFile or PreviousKeys); the connection is never silently re-made.
/// A <see cref="CryptographicException"/>, as <see cref="ITokenProtector.Unprotect"/> documents.
/// </summary>
public sealed class ConnectorKeyException(string message) : CryptographicException(message);
