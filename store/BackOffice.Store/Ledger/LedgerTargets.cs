using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Ledger;

/// <summary>
/// Where a tenant's approved ledger writes go (issue 13): the sandbox ledger (the default) or QuickBooks Online. The
/// setting is a row in gate_settings; changing it is audited by the caller in the same write unit.
/// </summary>
public static class LedgerTargets
{
    public const string Sandbox = "sandbox";
    public const string QuickBooks = "quickbooks";
    private const string Key = "ledger_target";

    public static async Task<string> GetAsync(DataUnit unit, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM gate_settings WHERE key = @Key", new { Key }, unit.Transaction, cancellationToken: cancellationToken)) ?? Sandbox;

    /// <summary>Whether the tenant's approved ledger writes go to QuickBooks (a read unit of its own).</summary>
    public static async Task<bool> IsQuickBooksAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await GetAsync(unit, cancellationToken) == QuickBooks;
    }

    public static Task SetAsync(DataUnit unit, string target, string by, string at, CancellationToken cancellationToken) =>
        target is Sandbox or QuickBooks
            ? unit.Connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO gate_settings (key, value, updated_by, updated_at) VALUES (@Key, @target, @by, @at)
                ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "key")}) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, new { Key, target, by, at }, unit.Transaction, cancellationToken: cancellationToken))
            : throw new ArgumentException($"Ledger target '{target}' is not one of: {Sandbox}, {QuickBooks}.", nameof(target));
}

/// <summary>
/// The <see cref="ILedgerWriter"/> the executors get: each call goes to the tenant's target. A bill the sandbox wrote
/// (id "sbx-...") stays with the sandbox for reads and undo even after the tenant switched to QuickBooks.
/// </summary>
public sealed class TargetedLedgerWriter(SandboxLedger sandbox, QuickBooksLedgerWriter quickBooks) : ILedgerWriter
{
    public async Task<LedgerWriteResult> CreateBillAsync(TenantData tenant, BillDraft bill, string requestId, CancellationToken cancellationToken) =>
        await (await ForTenantAsync(tenant, cancellationToken)).CreateBillAsync(tenant, bill, requestId, cancellationToken);

    public async Task<LedgerWriteResult> DeleteBillAsync(TenantData tenant, string billId, long syncToken, string requestId, CancellationToken cancellationToken) =>
        await ForBill(billId).DeleteBillAsync(tenant, billId, syncToken, requestId, cancellationToken);

    public Task<LedgerBillRef?> GetBillAsync(TenantData tenant, string billId, CancellationToken cancellationToken) =>
        ForBill(billId).GetBillAsync(tenant, billId, cancellationToken);

    public async Task<IReadOnlyList<LedgerBillRef>> FindBillsAsync(TenantData tenant, string vendorId, string docNumber, CancellationToken cancellationToken) =>
        await (await ForTenantAsync(tenant, cancellationToken)).FindBillsAsync(tenant, vendorId, docNumber, cancellationToken);

    private async Task<ILedgerWriter> ForTenantAsync(TenantData tenant, CancellationToken cancellationToken) =>
        await LedgerTargets.IsQuickBooksAsync(tenant, cancellationToken) ? quickBooks : sandbox;

    private ILedgerWriter ForBill(string billId) => billId.StartsWith("sbx-", StringComparison.Ordinal) ? sandbox : quickBooks;
}
