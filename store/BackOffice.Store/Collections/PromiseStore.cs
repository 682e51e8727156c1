using System.Globalization;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Money;
using BackOffice.Store.Proposals;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Collections;

/// <summary>Reads and writes promises to pay (issue 12: their one store); only the gate's record-promise executor writes (DESIGN.md rule 2).</summary>
public sealed class PromiseStore(TenantData tenant)
{
    /// <summary>Records the promise under its id (the proposal's idempotency key): a retry finds the row and writes nothing.</summary>
    public async Task<bool> RecordAsync(PromiseToPay promise, string? note, long proposalId, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var inserted = await unit.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO collections_promises (id, invoice_id, amount_cents, promised_date, recorded_on, note, proposal_id, created_at)
            VALUES (@Id, @InvoiceId, @AmountCents, @PromisedDate, @RecordedOn, @note, @proposalId, @now)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                promise.Id, promise.InvoiceId, AmountCents = Cents.FromDollars(promise.Amount),
                PromisedDate = Text(promise.PromisedDate), RecordedOn = Text(promise.RecordedOn), note, proposalId,
                now = StoreTime.ToText(tenant.Clock.GetUtcNow()),
            }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM collections_promises WHERE id = @id", new { id }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM collections_promises WHERE id = @id", new { id }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PromiseToPay>> ListAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<PromiseRow>(new CommandDefinition(
            """
            SELECT id AS Id, invoice_id AS InvoiceId, amount_cents AS AmountCents, promised_date AS PromisedDate, recorded_on AS RecordedOn
            FROM collections_promises ORDER BY id
            """, cancellationToken: cancellationToken));
        return rows.Select(r => new PromiseToPay(r.Id, r.InvoiceId, Cents.ToDollars(r.AmountCents), Day(r.PromisedDate), Day(r.RecordedOn))).ToList();
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class PromiseRow
    {
        public string Id { get; init; } = "";
        public string InvoiceId { get; init; } = "";
        public long AmountCents { get; init; }
        public string PromisedDate { get; init; } = "";
        public string RecordedOn { get; init; } = "";
    }
}
