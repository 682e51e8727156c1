using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Workforce;

/// <summary>One entry of the sandbox payroll outbox (issue 7).</summary>
public sealed record WorkforceOutboxEntry(long Id, string RequestId, string Kind, string? EmployeeId, string? WeekStart, long? AmountCents, string PayloadJson);

/// <summary>
/// The sandbox payroll outbox: where approved payroll adjustments and staffing alerts land until a payroll connector
/// exists. <see cref="AddAsync"/> is idempotent on the request id (the proposal's idempotency key), so a retry after a
/// crash writes nothing twice (DESIGN.md rule 4).
/// </summary>
public sealed class WorkforceOutbox(TimeProvider clock)
{
    public async Task<WorkforceOutboxEntry> AddAsync(
        TenantData tenant, string requestId, string kind, string? employeeId, string? weekStart, long? amountCents, string payloadJson,
        CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO workforce_outbox (request_id, kind, employee_id, week_start, amount_cents, payload_json, created_at)
            VALUES (@requestId, @kind, @employeeId, @weekStart, @amountCents, @payloadJson, @at)
            ON CONFLICT ({StoreSql.ConflictOn(connection, "request_id")}) DO NOTHING
            """,
            new { requestId, kind, employeeId, weekStart, amountCents, payloadJson, at = clock.GetUtcNow().ToString("O") },
            transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
        return (await FindAsync(tenant, requestId, cancellationToken))!;
    }

    public async Task<WorkforceOutboxEntry?> FindAsync(TenantData tenant, string requestId, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<OutboxRow>(new CommandDefinition(
            """
            SELECT id AS Id, request_id AS RequestId, kind AS Kind, employee_id AS EmployeeId, week_start AS WeekStart,
                   amount_cents AS AmountCents, payload_json AS PayloadJson
            FROM workforce_outbox WHERE request_id = @requestId
            """, new { requestId }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    public async Task<IReadOnlyList<WorkforceOutboxEntry>> ListAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        return (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            """
            SELECT id AS Id, request_id AS RequestId, kind AS Kind, employee_id AS EmployeeId, week_start AS WeekStart,
                   amount_cents AS AmountCents, payload_json AS PayloadJson
            FROM workforce_outbox ORDER BY id
            """, cancellationToken: cancellationToken))).Select(r => r.ToEntry()).ToList();
    }

    public async Task<bool> DeleteAsync(TenantData tenant, long id, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var connection = connectionUnit.Connection;
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workforce_outbox WHERE id = @id", new { id }, transaction: connectionUnit.Transaction, cancellationToken: cancellationToken));
        await connectionUnit.CommitAsync(cancellationToken);
        return deleted == 1;
    }

    private sealed class OutboxRow
    {
        public long Id { get; init; }
        public string RequestId { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? EmployeeId { get; init; }
        public string? WeekStart { get; init; }
        public long? AmountCents { get; init; }
        public string PayloadJson { get; init; } = "{}";

        public WorkforceOutboxEntry ToEntry() => new(Id, RequestId, Kind, EmployeeId, WeekStart, AmountCents, PayloadJson);
    }
}
