using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Financial;

/// <summary>An active journal entry and its current SyncToken.</summary>
public sealed record JournalEntryRef(string Id, long SyncToken);

/// <summary>
/// Reclass journal entries the Financial agent proposed carry the memo "Reclass LINE: ..." (issue 3). This is how a
/// sweep knows a mis-coded line is already corrected, and how an executor finds the entry it wrote.
/// </summary>
public sealed class ReclassEntryStore(TenantData tenant)
{
    public const string MemoPrefix = "Reclass ";

    public static string Memo(string sourceLine, string reason) => $"{MemoPrefix}{sourceLine}: {reason}";

    /// <summary>Ids of the ledger lines that an active reclass entry corrects.</summary>
    public async Task<IReadOnlySet<string>> ReclassedLinesAsync(CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var memos = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT memo FROM ledger_journal_entries WHERE status = 'active' AND memo LIKE 'Reclass %:%'", cancellationToken: cancellationToken));
        return memos.Select(m => m[MemoPrefix.Length..m.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<JournalEntryRef>> ActiveForAsync(string sourceLine, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            "SELECT id AS Id, sync_token AS SyncToken FROM ledger_journal_entries WHERE status = 'active' AND memo LIKE @prefix ORDER BY id",
            new { prefix = MemoPrefix + sourceLine + ":%" }, cancellationToken: cancellationToken));
        return rows.Select(r => new JournalEntryRef(r.Id, r.SyncToken)).ToList();
    }

    public async Task<JournalEntryRef?> GetActiveAsync(string id, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            "SELECT id AS Id, sync_token AS SyncToken FROM ledger_journal_entries WHERE id = @id AND status = 'active'", new { id },
            cancellationToken: cancellationToken));
        return row is null ? null : new JournalEntryRef(row.Id, row.SyncToken);
    }

    private sealed class EntryRow
    {
        public string Id { get; init; } = "";
        public long SyncToken { get; init; }
    }
}
