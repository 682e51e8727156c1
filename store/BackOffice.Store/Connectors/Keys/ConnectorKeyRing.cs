namespace BackOffice.Store.Connectors.Keys;

/// <summary>
/// Issue 13: the keys connector tokens are encrypted with, from <see cref="ConnectorKeyOptions"/>. The current key writes;
/// it and the previous keys read, each found by the id stored with the ciphertext. Without a configured key the
/// default file (<paramref name="defaultKeyFile"/>) is created on the first write only: reading with it missing is an
/// error naming the settings, so a lost key is never replaced silently.
/// </summary>
public sealed class ConnectorKeyRing(ConnectorKeyOptions options, string defaultKeyFile)
{
    private readonly Lock _gate = new();
    private ConnectorKey? _current;
    private IReadOnlyList<ConnectorKey>? _previous;

    public string DefaultKeyFile => defaultKeyFile;

    /// <summary>Where the current key comes from, as the error messages name it.</summary>
    public string Source =>
        !string.IsNullOrWhiteSpace(options.EncryptionKey) ? "Connectors:EncryptionKey"
        : !string.IsNullOrWhiteSpace(options.EncryptionKeyFile) ? $"Connectors:EncryptionKeyFile ({options.EncryptionKeyFile})"
        : $"the default key file {defaultKeyFile} (no Connectors:EncryptionKey or Connectors:EncryptionKeyFile is set)";

    /// <summary>The key new ciphertext is written with; the default file is generated here if nothing is configured.</summary>
    public ConnectorKey Current()
    {
        lock (_gate)
        {
            return _current ??= LoadCurrent(create: true)!;
        }
    }

    /// <summary>The key with <paramref name="id"/>, or null when neither the current nor a previous key has it.</summary>
    public ConnectorKey? Find(string id)
    {
        lock (_gate)
        {
            _current ??= LoadCurrent(create: false);
            _previous ??= options.PreviousKeys.Select((k, i) => Previous(k, $"Connectors:PreviousKeys:{i}")).ToList();
            return _current?.Id == id ? _current : _previous.FirstOrDefault(k => k.Id == id);
        }
    }

    /// <summary>The id of the current key without creating it (null when the default file does not exist yet).</summary>
    public string? CurrentId()
    {
        lock (_gate)
        {
            return (_current ??= LoadCurrent(create: false))?.Id;
        }
    }

    private ConnectorKey? LoadCurrent(bool create)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            return ConnectorKey.Parse(options.EncryptionKey, "Connectors:EncryptionKey");
        }

        if (!string.IsNullOrWhiteSpace(options.EncryptionKeyFile))
        {
            return ConnectorKey.Read(Path.GetFullPath(options.EncryptionKeyFile), "Connectors:EncryptionKeyFile");
        }

        if (File.Exists(defaultKeyFile))
        {
            return ConnectorKey.Read(defaultKeyFile, "the default key file");
        }

        return create ? ConnectorKey.TryCreate(defaultKeyFile) ?? ConnectorKey.Read(defaultKeyFile, "the default key file") : null;
    }

    private static ConnectorKey Previous(string value, string setting)
    {
        var trimmed = value.Trim();
        // A path to an existing file is a key file; anything else must be the key itself in base64.
        return File.Exists(trimmed) ? ConnectorKey.Read(trimmed, setting) : ConnectorKey.Parse(trimmed, setting);
    }
}
