using System.Data.Common;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>A stored row's key, its hash, and whether the bundle owns it (false for rows the sandbox ledger created).</summary>
public sealed class StoredKey
{
    public string Key { get; init; } = "";

    public string Hash { get; init; } = "";

    public long Owned { get; init; }
}

/// <summary>What the tenant database already holds, read inside the import transaction so validation and writing agree.</summary>
public sealed class StoredState
{
    private readonly Dictionary<string, Dictionary<string, StoredKey>> _byTable = [];

    public static async Task<StoredState> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var state = new StoredState();
        foreach (var spec in BundleSchema.Files)
        {
            // Identifiers come from the fixed schema, never from the bundle; only values are ever parameters.
            var rows = await connection.QueryAsync<StoredKey>(new CommandDefinition(
                $"SELECT {spec.Key} AS Key, row_hash AS Hash, ({spec.Scope ?? "1"}) AS Owned FROM {spec.Table}",
                transaction: transaction, cancellationToken: cancellationToken));
            state._byTable[spec.Table] = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        }

        return state;
    }

    public IReadOnlyDictionary<string, StoredKey> Keys(FileSpec spec) => _byTable[spec.Table];

    public IEnumerable<StoredKey> Owned(FileSpec spec) => _byTable[spec.Table].Values.Where(k => k.Owned != 0);

    /// <summary>
    /// Stored rows of <paramref name="child"/> that reference a value through <paramref name="column"/> and survive this
    /// import: all of them when the child file is absent, only rows the bundle does not own when it is present.
    /// </summary>
    public static async Task<IReadOnlyList<(string Key, string Target)>> SurvivingReferencesAsync(
        DbConnection connection, DbTransaction transaction, FileSpec child, ColumnSpec column, bool childPresent,
        CancellationToken cancellationToken)
    {
        var condition = childPresent ? $"NOT ({child.Scope ?? "1"})" : "1";
        var rows = await connection.QueryAsync<(string, string)>(new CommandDefinition(
            $"SELECT {child.Key}, {column.SqlName} FROM {child.Table} WHERE {column.SqlName} IS NOT NULL AND {condition}",
            transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
