using System.Globalization;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Notifications;

/// <summary>
/// Reads and writes digest_runs (1979_digest_runs.sql, issue 17): the tenant-local day the approvers' digest was last
/// queued. Marked in the caller's unit, with its audit event, after the day's messages are in the outbox.
/// </summary>
public sealed class DigestRunStore(TenantData tenant)
{
    /// <summary>The day the digest was last sent, or null when it never was.</summary>
    public async Task<DateOnly?> LastSentOnAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var text = await unit.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT sent_on FROM digest_runs WHERE id = 1", cancellationToken: cancellationToken));
        return text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public Task MarkSentAsync(DataUnit unit, DateOnly day, int messages, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO digest_runs (id, sent_on, sent_at, messages) VALUES (1, @day, @at, @messages)
            ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "id")}) DO UPDATE SET sent_on = excluded.sent_on, sent_at = excluded.sent_at, messages = excluded.messages
            """,
            new
            {
                day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), messages,
                at = tenant.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            },
            unit.Transaction, cancellationToken: cancellationToken));
}
