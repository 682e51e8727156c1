using Dapper;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Proposals;

/// <summary>The execution record of a proposal; written in the same transactions as the proposal's state moves.</summary>
public static class ProposalExecutionStore
{
    public static Task<ProposalExecutionRow?> GetAsync(
        SqliteConnection connection, SqliteTransaction? transaction, long proposalId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ProposalExecutionRow>(new CommandDefinition(
            """
            SELECT proposal_id AS ProposalId, idempotency_key AS IdempotencyKey, prior_state_json AS PriorStateJson,
                   started_at AS StartedAt, started_by AS StartedBy, completed_at AS CompletedAt, outcome_json AS OutcomeJson,
                   undone_at AS UndoneAt, undone_by AS UndoneBy
            FROM proposal_executions WHERE proposal_id = @proposalId
            """,
            new { proposalId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Records the intent. A retry keeps the prior state captured the first time: our own earlier write is not "prior".</summary>
    public static Task StartAsync(
        SqliteConnection connection, SqliteTransaction transaction, long proposalId, string idempotencyKey, string priorStateJson,
        string startedAt, string startedBy, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO proposal_executions (proposal_id, idempotency_key, prior_state_json, started_at, started_by)
            VALUES (@proposalId, @idempotencyKey, @priorStateJson, @startedAt, @startedBy)
            ON CONFLICT (proposal_id) DO UPDATE SET started_at = excluded.started_at, started_by = excluded.started_by
            """,
            new { proposalId, idempotencyKey, priorStateJson, startedAt, startedBy }, transaction, cancellationToken: cancellationToken));

    public static Task CompleteAsync(
        SqliteConnection connection, SqliteTransaction transaction, long proposalId, string completedAt, string outcomeJson,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE proposal_executions SET completed_at = @completedAt, outcome_json = @outcomeJson WHERE proposal_id = @proposalId",
            new { proposalId, completedAt, outcomeJson }, transaction, cancellationToken: cancellationToken));

    public static Task MarkUndoneAsync(
        SqliteConnection connection, SqliteTransaction transaction, long proposalId, string undoneAt, string undoneBy,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE proposal_executions SET undone_at = @undoneAt, undone_by = @undoneBy WHERE proposal_id = @proposalId",
            new { proposalId, undoneAt, undoneBy }, transaction, cancellationToken: cancellationToken));
}
