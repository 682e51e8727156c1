using System.Globalization;
using BackOffice.Store.Sqlite;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Sweeps;

public sealed record SweepRun(
    long Id, string Agent, string AsOf, string Trigger, int Attempt, string StartedAt, string? FinishedAt, string Status,
    int? Findings, int? ProposalsCreated, string? Error, string? NextRetryAt);

/// <summary>Records sweeps and holds the per-(tenant, agent) lease that keeps two sweeps of one agent apart.</summary>
public sealed class SweepRunStore(TenantData tenant)
{
    private string Now => tenant.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Takes the agent's lease unless another holder's lease is still live. Returns false when busy.</summary>
    public Task<bool> TryLeaseAsync(string agent, string holder, TimeSpan length, CancellationToken cancellationToken)
    {
        var until = tenant.Clock.GetUtcNow().Add(length).ToString("O", CultureInfo.InvariantCulture);
        return tenant.InWriteUnitAsync(async unit => await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO sweep_leases (agent, holder, until) VALUES (@agent, @holder, @until)
            ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "agent")}) DO UPDATE SET holder = excluded.holder, until = excluded.until
            WHERE sweep_leases.until < @now OR sweep_leases.holder = @holder
            """, new { agent, holder, until, now = Now }, unit.Transaction, cancellationToken: cancellationToken)) == 1, cancellationToken);
    }

    public Task ReleaseAsync(string agent, string holder, CancellationToken cancellationToken) =>
        tenant.InWriteUnitAsync(unit => unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sweep_leases WHERE agent = @agent AND holder = @holder", new { agent, holder }, unit.Transaction,
            cancellationToken: cancellationToken)), cancellationToken);

    public Task<long> StartAsync(string agent, DateOnly asOf, string trigger, int attempt, CancellationToken cancellationToken) =>
        StartAsync(agent, asOf, trigger, attempt, null, cancellationToken);

    /// <summary>A new running run; <paramref name="tick"/> names the clustered scheduler's tick that started it (issue 18).</summary>
    public Task<long> StartAsync(string agent, DateOnly asOf, string trigger, int attempt, string? tick, CancellationToken cancellationToken) =>
        tenant.InWriteUnitAsync(unit => unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO sweep_runs (agent, as_of, trigger, attempt, started_at, status, tick)
            VALUES (@agent, @asOf, @trigger, @attempt, @now, 'running', @tick)
            RETURNING id
            """, new { agent, asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), trigger, attempt, now = Now, tick },
            unit.Transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>
    /// Whether a run of this clustered tick already succeeded (issue 18): a host killed after finishing it, before Quartz
    /// recorded the job as done, has the tick recovered by another host, which must not run it a second time.
    /// </summary>
    public async Task<bool> TickSucceededAsync(string agent, string tick, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        return await connectionUnit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sweep_runs WHERE agent = @agent AND tick = @tick AND status = 'succeeded'",
            new { agent, tick }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// Records the run as succeeded unless another run of its clustered tick supersedes it (issue 18, <see
    /// cref="SupersededByAsync"/>); answers that run's id, or null when this one was recorded. A write unit, so on
    /// PostgreSQL the check and the move are serialized with the other host's under the tenant's advisory lock.
    /// </summary>
    public async Task<long?> FinishAsync(long id, int findings, int proposalsCreated, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(write: true, cancellationToken);
        var superseded = await SupersededByAsync(unit, id, cancellationToken);
        if (superseded is null)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sweep_runs SET status = 'succeeded', finished_at = @now, findings = @findings, proposals_created = @proposalsCreated WHERE id = @id",
                new { id, findings, proposalsCreated, now = Now }, unit.Transaction, cancellationToken: cancellationToken));
        }

        await unit.CommitAsync(cancellationToken);
        return superseded;
    }

    /// <summary>
    /// Issue 18: the run that took this run's clustered tick over, or null while this run still owns it. A host cut off
    /// from Quartz's cluster keeps sweeping while another host recovers its tick; the later run of the tick, or one that
    /// already succeeded, owns it, so the stale run records nothing. A run of no tick (CLI, events, `serve`'s loop) is
    /// never superseded.
    /// </summary>
    public async Task<long?> SupersededByAsync(DataUnit unit, long id, CancellationToken cancellationToken) =>
        await unit.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT MAX(other.id) FROM sweep_runs me
            JOIN sweep_runs other ON other.agent = me.agent AND other.tick = me.tick AND other.id <> me.id
                AND (other.id > me.id OR other.status = 'succeeded')
            WHERE me.id = @id
            """, new { id }, unit.Transaction, cancellationToken: cancellationToken));

    /// <summary>Issue 18: the run's results were discarded because run <paramref name="by"/> of the same tick owns it.</summary>
    public Task SupersedeAsync(long id, long by, CancellationToken cancellationToken) =>
        tenant.InWriteUnitAsync(unit => unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sweep_runs SET status = 'superseded', finished_at = @now, error = @error WHERE id = @id AND status = 'running'",
            new { id, now = Now, error = $"superseded by run {by} of the same tick: results discarded" }, unit.Transaction, cancellationToken: cancellationToken)), cancellationToken);

    public Task FailAsync(long id, string error, DateTimeOffset? nextRetryAt, CancellationToken cancellationToken) =>
        tenant.InWriteUnitAsync(unit => unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sweep_runs SET status = 'failed', finished_at = @now, error = @error, next_retry_at = @next WHERE id = @id",
            new { id, error, next = nextRetryAt?.ToString("O", CultureInfo.InvariantCulture), now = Now }, unit.Transaction, cancellationToken: cancellationToken)), cancellationToken);

    public Task SetNextRetryAsync(long id, DateTimeOffset? at, CancellationToken cancellationToken) =>
        tenant.InWriteUnitAsync(unit => unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sweep_runs SET next_retry_at = @at WHERE id = @id",
            new { id, at = at?.ToString("O", CultureInfo.InvariantCulture) }, unit.Transaction, cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>The agent's most recent run, if any: the scheduler decides from it what is due.</summary>
    public async Task<SweepRun?> LastAsync(string agent, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<SweepRunRow>(new CommandDefinition(
            """
            SELECT id AS Id, agent AS Agent, as_of AS AsOf, trigger AS Trigger, attempt AS Attempt, started_at AS StartedAt,
                   finished_at AS FinishedAt, status AS Status, findings AS Findings, proposals_created AS ProposalsCreated,
                   error AS Error, next_retry_at AS NextRetryAt
            FROM sweep_runs WHERE agent = @agent ORDER BY id DESC LIMIT 1
            """, new { agent }, cancellationToken: cancellationToken));
        return row?.ToRun();
    }

    private sealed class SweepRunRow
    {
        public long Id { get; init; }
        public string Agent { get; init; } = "";
        public string AsOf { get; init; } = "";
        public string Trigger { get; init; } = "";
        public long Attempt { get; init; }
        public string StartedAt { get; init; } = "";
        public string? FinishedAt { get; init; }
        public string Status { get; init; } = "";
        public long? Findings { get; init; }
        public long? ProposalsCreated { get; init; }
        public string? Error { get; init; }
        public string? NextRetryAt { get; init; }

        public SweepRun ToRun() => new(Id, Agent, AsOf, Trigger, (int)Attempt, StartedAt, FinishedAt, Status,
            (int?)Findings, (int?)ProposalsCreated, Error, NextRetryAt);
    }
}
