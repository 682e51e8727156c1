using System.Data.Common;

namespace BackOffice.Store.Bundle;

/// <summary>
/// A key of one table while its file is checked: where the stored row's hash is, its owner, and the line listing it.
/// Issue 18: 12 bytes, the hash kept apart (<see cref="TableCheck.StoredHash"/>): a first import stores none, and its 2M
/// bill-line keys held a 40-byte empty hash each.
/// </summary>
internal struct KeySlot
{
    /// <summary>1-based place of the stored row's hash in <see cref="TableCheck.StoredHashes"/>; 0 when it has none.</summary>
    public int HashIndex;
    public bool Stored;
    public bool Owned;
    public bool Listed;

    /// <summary>A good reference target once its file is checked: listed, or stored in a merge (set by the check's end).</summary>
    public bool Known;
    public int Line;
}

/// <summary>
/// What the check of one file keeps for the write and for the checks across files (issue 18): counts, what to do with
/// each row by ordinal (a byte, not the row), the owned stored keys the file no longer lists, and (when another file
/// refers to this one) the keys it lists. The stored keys and hashes of its table are read once, while it is checked.
/// </summary>
internal sealed class TableCheck(BundleRowSource source)
{
    public const byte Skip = 0, Insert = 1, Update = 2;

    public BundleRowSource Source { get; } = source;

    public FileSpec Spec => Source.Spec;

    /// <summary>By row ordinal: <see cref="Skip"/>, <see cref="Insert"/> or <see cref="Update"/>.</summary>
    public List<byte> Plan { get; } = [];

    public int Added { get; set; }

    public int Changed { get; set; }

    public int Unchanged { get; set; }

    public int Rows => Added + Changed + Unchanged;

    /// <summary>New rows of a table that held none, inserted while the file was checked (issue 18: not read a second time).</summary>
    public int Written { get; set; }

    public List<string> Removed { get; } = [];

    /// <summary>
    /// Issue 18: the new and changed rows of a table that held rows, parsed while the file was checked, by ordinal; null
    /// once more than <see cref="KeepAtMost"/> (then the writer reads the file again for them). A re-import of 1,000 changed
    /// lines wrote them without tokenizing its 2M-line file a second time.
    /// </summary>
    public List<(int Ordinal, ParsedRow Row)>? Kept { get; private set; } = [];

    /// <summary>Rows to write kept from the check at most (about 0.5 KB each).</summary>
    public const int KeepAtMost = 10_000;

    public void Keep(int ordinal, ParsedRow row)
    {
        if (Kept is not null)
        {
            Kept = Kept.Count < KeepAtMost ? Kept : null;
            Kept?.Add((ordinal, row));
        }
    }

    /// <summary>The stored rows' hashes, as the table's key slots point into them (issue 18).</summary>
    public List<RowHash> StoredHashes { get; } = [];

    /// <summary>The stored hash of a key's row; null when the key is not stored or its row has no hash.</summary>
    public RowHash? StoredHash(in KeySlot slot) => slot.HashIndex == 0 ? null : StoredHashes[slot.HashIndex - 1];

    /// <summary>
    /// The file's key table, kept once the file is checked if another file refers to it: the keys it lists (and in a
    /// merge the stored ones) are those whose slot is <see cref="KeySlot.Known"/>.
    /// </summary>
    public KeyTable? Keys { get; set; }

    public bool Done { get; set; }

    /// <summary>Reference errors with the row ordinal and column index they were found at, sorted into file order at the end.</summary>
    public List<(int Ordinal, int Column, BundleError Error)> ReferenceErrors { get; } = [];

    public List<BundleError> SandboxErrors { get; } = [];

    /// <summary>References to a file not checked yet (a customer's parent customer): resolved when every file is.</summary>
    public List<(int Ordinal, int Column, int Line, string Target, string Value)> Deferred { get; } = [];

    /// <summary>Files some file refers to: their keys are kept once checked.</summary>
    public static readonly HashSet<string> Referenced = BundleSchema.Files.SelectMany(f => f.Columns).SelectMany(Targets).ToHashSet(StringComparer.Ordinal);

    /// <summary>The files a reference column can point to.</summary>
    public static IEnumerable<string> Targets(ColumnSpec column) => column.Reference switch
    {
        null => [],
        { TargetFile: { } file } => [file],
        { TargetByDiscriminator: { } byKind } => byKind.Values,
        _ => [],
    };

    /// <summary>
    /// Every stored key of the table with its hash and whether the bundle owns it, in the order SQL returns them; sized
    /// for the stored keys or <see cref="BundleRowSource.RowsAtMost"/> of the file, whichever is more (issue 18: a 2M-key table grown by
    /// doubling held its old and new arrays at once, the import's peak).
    /// </summary>
    public async Task<KeyTable> LoadStoredAsync(
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var spec = Spec;
        var stored = await StoredCountAsync(spec, connection, transaction, cancellationToken);
        var map = new KeyTable(Math.Max(stored, Source.RowsAtMost));
        StoredHashes.Capacity = stored;
        // Identifiers come from the fixed schema, never from the bundle.
        var sql = $"SELECT {spec.Key}, row_hash, ({spec.Scope ?? "1"}) FROM {spec.Table}";
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            // Issue 18: on SQLite the keys and hashes are read through SQLitePCLRaw, from their bytes (no string per row).
            using var query = Sqlite.SqliteRawStatement.Prepare(sqlite, sql);
            while (query.Step())
            {
                cancellationToken.ThrowIfCancellationRequested();
                ref var row = ref map.Slot(map.Add(query.Utf8(0), out _));
                (row.Stored, row.HashIndex, row.Owned) = (true, Keep(query.IsNull(1) ? null : RowHash.ParseUtf8(query.Utf8(1))), !query.IsNull(2) && query.Int64(2) != 0);
            }

            return map;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ref var slot = ref map.Slot(map.Add(reader.GetString(0), out _));
            slot.Stored = true;
            slot.HashIndex = Keep(RowHash.Parse(reader.IsDBNull(1) ? null : reader.GetString(1)));
            slot.Owned = !reader.IsDBNull(2) && Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) != 0;
        }

        return map;
    }

    /// <summary>A stored hash kept for its key slot: its 1-based place, 0 for none.</summary>
    private int Keep(RowHash? hash)
    {
        if (hash is not { } value)
        {
            return 0;
        }

        StoredHashes.Add(value);
        return StoredHashes.Count;
    }

    private static async Task<int> StoredCountAsync(FileSpec spec, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {spec.Table}";
        return (int)Math.Min(int.MaxValue, Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every stored key of a table whose file the bundle does not carry (its references resolve there), each <see cref="KeySlot.Known"/>.</summary>
    public static async Task<KeyTable> LoadKeysAsync(
        FileSpec spec, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var keys = new KeyTable(await StoredCountAsync(spec, connection, transaction, cancellationToken));
        var sql = $"SELECT {spec.Key} FROM {spec.Table}";
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            using var query = Sqlite.SqliteRawStatement.Prepare(sqlite, sql);
            while (query.Step())
            {
                keys.Slot(keys.Add(query.Utf8(0), out _)).Known = true;
            }

            return keys;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Slot(keys.Add(reader.GetString(0), out _)).Known = true;
        }

        return keys;
    }
}
