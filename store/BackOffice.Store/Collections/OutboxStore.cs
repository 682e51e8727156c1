using BackOffice.Store.Proposals;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Collections;

/// <summary>
/// The collections outbox (issue 5). Queueing is idempotent on the proposal's key; cancel and the delivery claim are
/// conditional updates on state 'queued', so an undo and a delivery racing for the same message cannot both win.
/// Issue 18: through units on either engine; on PostgreSQL the claim skips rows another host holds (FOR UPDATE SKIP LOCKED).
/// </summary>
public sealed class OutboxStore(TenantData tenant)
{
    private const string Columns = """
        id AS Id, idempotency_key AS IdempotencyKey, proposal_id AS ProposalId, channel AS Channel, recipient AS Recipient,
        subject AS Subject, body AS Body, invoice_id AS InvoiceId, level AS Level, state AS State, queued_at AS QueuedAt,
        deliver_after AS DeliverAfter, delivered_at AS DeliveredAt, delivered_to AS DeliveredTo,
        last_error AS LastError
        """;

    /// <summary>Queues the message to leave after <paramref name="delay"/>; the same key again returns the message already queued.</summary>
    public async Task<OutboxMessage> EnqueueAsync(OutboxRequest request, TimeSpan delay, CancellationToken cancellationToken)
    {
        var now = tenant.Clock.GetUtcNow();
        await using (var unit = await tenant.WriteAsync(cancellationToken))
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO collections_outbox (idempotency_key, proposal_id, channel, recipient, subject, body, invoice_id, level, state, queued_at, deliver_after)
                VALUES (@IdempotencyKey, @ProposalId, @Channel, @Recipient, @Subject, @Body, @InvoiceId, @Level, 'queued', @QueuedAt, @DeliverAfter)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    request.IdempotencyKey, request.ProposalId, request.Channel, request.Recipient, request.Subject, request.Body,
                    request.InvoiceId, request.Level, QueuedAt = StoreTime.ToText(now), DeliverAfter = StoreTime.ToText(now + delay),
                }, unit.Transaction, cancellationToken: cancellationToken));
            await unit.CommitAsync(cancellationToken);
        }

        return (await GetAsync(request.IdempotencyKey, cancellationToken))!;
    }

    public async Task<OutboxMessage?> GetAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await unit.Connection.QuerySingleOrDefaultAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM collections_outbox WHERE idempotency_key = @idempotencyKey", new { idempotencyKey }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return (await unit.Connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM collections_outbox ORDER BY id", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Takes a queued message out of the outbox, restoring exactly the state before it was queued (no row; the audit
    /// chain keeps the history). Refuses with <see cref="OutboxAlreadyDeliveredException"/> once delivery has begun.
    /// </summary>
    public async Task CancelAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        if (await ExecuteAsync(
            "DELETE FROM collections_outbox WHERE idempotency_key = @idempotencyKey AND state = 'queued'",
            new { idempotencyKey }, cancellationToken) == 1)
        {
            return;
        }

        var current = await GetAsync(idempotencyKey, cancellationToken);
        if (current is not null && current.State is OutboxStates.Delivered or OutboxStates.Delivering)
        {
            throw new OutboxAlreadyDeliveredException(idempotencyKey, current.State);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> messages whose delay has passed (and deliveries whose claimant died:
    /// its claim expired). The claim is one conditional update, so two runners never deliver one message twice; on
    /// PostgreSQL rows another host is claiming are skipped, not waited for (issue 18).
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(TimeSpan claimFor, int limit, CancellationToken cancellationToken)
    {
        var now = StoreTime.ToText(tenant.Clock.GetUtcNow());
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var claimed = (await unit.Connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"""
            UPDATE collections_outbox SET state = 'delivering', claim_until = @until
            WHERE id IN (
                SELECT id FROM collections_outbox
                WHERE (state = 'queued' AND deliver_after <= @now) OR (state = 'delivering' AND claim_until <= @now)
                ORDER BY deliver_after, id LIMIT @limit{unit.SkipLocked})
            RETURNING {Columns}
            """, new { now, limit, until = StoreTime.ToText(tenant.Clock.GetUtcNow() + claimFor) }, unit.Transaction,
            cancellationToken: cancellationToken))).OrderBy(m => m.DeliverAfter, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
        await unit.CommitAsync(cancellationToken);
        return claimed;
    }

    public Task MarkDeliveredAsync(long id, string deliveredTo, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE collections_outbox SET state = 'delivered', delivered_at = @now, delivered_to = @deliveredTo, claim_until = NULL, last_error = NULL WHERE id = @id",
            new { id, deliveredTo, now = StoreTime.ToText(tenant.Clock.GetUtcNow()) }, cancellationToken);

    /// <summary>
    /// A failed delivery stays 'delivering' with its error until its claim expires, then is retried: it may have
    /// partly left (an SMTP server that took it and then dropped the connection), so it is never cancellable again.
    /// </summary>
    public Task RecordFailureAsync(long id, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE collections_outbox SET last_error = @error WHERE id = @id", new { id, error }, cancellationToken);

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var changed = await unit.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
        return changed;
    }
}
