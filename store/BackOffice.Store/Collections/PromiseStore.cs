using System.Globalization;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Money;
using BackOffice.Store.Proposals;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Collections;

/// <summary>Writes promises to pay; only the gate's record-promise executor calls it (DESIGN.md rule 2).</summary>
public sealed class PromiseStore(TenantData tenant)
{
    /// <summary>Records the promise under its id (the proposal's idempotency key): a retry finds the row and writes nothing.</summary>
    public async Task<bool> RecordAsync(PromiseToPay promise, string? note, long proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO collections_promises (id, invoice_id, amount_cents, promised_date, recorded_on, note, proposal_id, created_at)
            VALUES (@Id, @InvoiceId, @AmountCents, @PromisedDate, @RecordedOn, @note, @proposalId, @now)
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                promise.Id, promise.InvoiceId, AmountCents = Cents.FromDollars(promise.Amount),
                PromisedDate = Text(promise.PromisedDate), RecordedOn = Text(promise.RecordedOn), note, proposalId,
                now = StoreTime.ToText(tenant.Clock.GetUtcNow()),
            }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM collections_promises WHERE id = @id", new { id }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await tenant.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM collections_promises WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
