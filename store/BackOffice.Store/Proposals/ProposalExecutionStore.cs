using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Proposals;

/// <summary>The execution record of a proposal; written in the same transactions as the proposal's state moves.</summary>
public static class ProposalExecutionStore
{
    public static Task<ProposalExecutionRow?> GetAsync(
        DataUnit unit, long proposalId, CancellationToken cancellationToken) =>
        unit.Connection.QuerySingleOrDefaultAsync<ProposalExecutionRow>(new CommandDefinition(
            """
            SELECT proposal_id AS ProposalId, idempotency_key AS IdempotencyKey, prior_state_json AS PriorStateJson,
                   started_at AS StartedAt, started_by AS StartedBy, completed_at AS CompletedAt, outcome_json AS OutcomeJson,
                   undone_at AS UndoneAt, undone_by AS UndoneBy
            FROM proposal_executions WHERE proposal_id = @proposalId
            """,
            new { proposalId }, unit.Transaction, cancellationToken: cancellationToken));

    /// <summary>Records the intent. A retry keeps the prior state captured the first time: our own earlier write is not "prior".</summary>
    public static Task StartAsync(
        DataUnit unit, long proposalId, string idempotencyKey, string priorStateJson,
        string startedAt, string startedBy, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO proposal_executions (proposal_id, idempotency_key, prior_state_json, started_at, started_by)
            VALUES (@proposalId, @idempotencyKey, @priorStateJson, @startedAt, @startedBy)
            ON CONFLICT (proposal_id) DO UPDATE SET started_at = excluded.started_at, started_by = excluded.started_by
            """,
            new { proposalId, idempotencyKey, priorStateJson, startedAt, startedBy }, unit.Transaction, cancellationToken: cancellationToken));

    public static Task CompleteAsync(
        DataUnit unit, long proposalId, string completedAt, string outcomeJson,
        CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE proposal_executions SET completed_at = @completedAt, outcome_json = @outcomeJson WHERE proposal_id = @proposalId",
            new { proposalId, completedAt, outcomeJson }, unit.Transaction, cancellationToken: cancellationToken));

    public static Task MarkUndoneAsync(
        DataUnit unit, long proposalId, string undoneAt, string undoneBy,
        CancellationToken cancellationToken) =>
        unit.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE proposal_executions SET undone_at = @undoneAt, undone_by = @undoneBy WHERE proposal_id = @proposalId",
            new { proposalId, undoneAt, undoneBy }, unit.Transaction, cancellationToken: cancellationToken));
}
