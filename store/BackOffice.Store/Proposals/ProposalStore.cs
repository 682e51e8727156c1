using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Proposals;

/// <summary>
/// Reads proposals and moves them between states. Every move is a conditional UPDATE on the expected state and
/// returns whether it applied, so that of two racing callers exactly one wins; the caller owns the transaction,
/// which also carries the audit event.
/// </summary>
public static class ProposalStore
{
    public static Task<ProposalRow?> GetAsync(
        DataUnit unit, long id, CancellationToken cancellationToken) =>
        unit.Connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {ProposalRow.Columns} FROM proposals WHERE id = @id", new { id }, unit.Transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ProposalRow>> ListAsync(
        DataUnit unit, ProposalFilter filter, CancellationToken cancellationToken)
    {
        var rows = await unit.Connection.QueryAsync<ProposalRow>(new CommandDefinition(
            $"""
            SELECT {ProposalRow.Columns} FROM proposals
            WHERE (@State IS NULL OR state = @State) AND (@Agent IS NULL OR agent = @Agent)
            ORDER BY id
            """,
            filter, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public static Task<bool> KeyExistsAsync(
        DataUnit unit, string idempotencyKey, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM proposals WHERE idempotency_key = @idempotencyKey)",
            new { idempotencyKey }, unit.Transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Issue 15: a re-sweep's newer narrative replaces the stored one while nobody has decided the proposal, so the
    /// approver reads the latest explanation; a decided proposal keeps the one it was decided on. Returns the id changed.
    /// </summary>
    public static Task<long?> RenarrateAsync(
        DataUnit unit, string idempotencyKey, string narrative, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "UPDATE proposals SET narrative = @narrative WHERE idempotency_key = @idempotencyKey AND state = 'proposed' AND narrative <> @narrative RETURNING id",
            new { idempotencyKey, narrative }, unit.Transaction, cancellationToken: cancellationToken));

    /// <summary>Ids of still-open proposals for the same finding, which a new draft supersedes.</summary>
    public static async Task<IReadOnlyList<long>> OpenForFindingAsync(
        DataUnit unit, string findingKey, CancellationToken cancellationToken) =>
        (await unit.Connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM proposals WHERE finding_key = @findingKey AND state = 'proposed' ORDER BY id",
            new { findingKey }, unit.Transaction, cancellationToken: cancellationToken))).AsList();

    public static Task<long> InsertAsync(
        DataUnit unit, NewProposal p, CancellationToken cancellationToken) =>
        unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO proposals (agent, action_kind, title, risk, idempotency_key, payload_json, figures_json, narrative,
                editable_fields_json, reversible, irreversible_reason, finding_key, state, proposed_by, proposed_at)
            VALUES (@Agent, @ActionKind, @Title, @Risk, @IdempotencyKey, @PayloadJson, @FiguresJson, @Narrative,
                @EditableFieldsJson, @Reversible, @IrreversibleReason, @FindingKey, 'proposed', @ProposedBy, @ProposedAt)
            RETURNING id
            """,
            p, unit.Transaction, cancellationToken: cancellationToken));

    /// <summary>proposed -> approved | rejected | superseded; approved | failed -> rejected (issue 19).</summary>
    public static Task<bool> DecideAsync(
        DataUnit unit, long id, string from, string to, string by, string at, string? reason,
        CancellationToken cancellationToken) =>
        MoveAsync(unit,
            "state = @to, decided_by = @by, decided_at = @at, decision_reason = @reason",
            "state = @from", new { id, from, to, by, at, reason }, cancellationToken);

    /// <summary>
    /// Stores an edit (issue 19): the payload with the title, figures and narrative recomputed from it, what the agent
    /// proposed (kept from the first edit on) and who changed a money amount. The proposal returns to proposed from
    /// <paramref name="from"/> (proposed, approved, or failed before execution started), so it needs a fresh approval.
    /// </summary>
    public static Task<bool> EditAsync(
        DataUnit unit, long id, long version, string from, ProposalEdit edit, CancellationToken cancellationToken) =>
        MoveAsync(unit,
            """
            payload_json = @PayloadJson, title = @Title, figures_json = @FiguresJson, narrative = @Narrative,
            original_json = COALESCE(original_json, @OriginalJson), amount_edited_by = COALESCE(@AmountEditedBy, amount_edited_by),
            edited_by = @By, edited_at = @At, state = 'proposed', decided_by = NULL, decided_at = NULL, decision_reason = NULL, error = NULL
            """,
            "state = @from AND version = @version",
            new
            {
                id, version, from, edit.PayloadJson, edit.Title, edit.FiguresJson, edit.Narrative, edit.OriginalJson,
                edit.AmountEditedBy, edit.By, edit.At,
            }, cancellationToken);

    /// <summary>approved | failed -> failed without an execution (issue 19): the payload no longer validates, so nothing was claimed.</summary>
    public static Task<bool> FailBeforeExecutionAsync(
        DataUnit unit, long id, long version, string error, CancellationToken cancellationToken) =>
        MoveAsync(unit, "state = 'failed', error = @error", "state IN ('approved', 'failed') AND version = @version",
            new { id, version, error }, cancellationToken);

    /// <summary>
    /// approved | failed -> executing, or an expired executing lease taken over (the lease is the expected value).
    /// IS NOT DISTINCT FROM compares with NULL on both engines (issue 18: PostgreSQL's IS takes no parameter).
    /// </summary>
    public static Task<bool> ClaimExecutionAsync(
        DataUnit unit, long id, string from, string? expectedLease, string by, string leaseUntil,
        CancellationToken cancellationToken) =>
        MoveAsync(unit,
            "state = 'executing', executed_by = @by, lease_until = @leaseUntil, error = NULL",
            "state = @from AND lease_until IS NOT DISTINCT FROM @expectedLease", new { id, from, expectedLease, by, leaseUntil }, cancellationToken);

    /// <summary>executing -> executed | failed.</summary>
    public static Task<bool> FinishExecutionAsync(
        DataUnit unit, long id, string to, string? targetId, string? resultJson, string? error,
        CancellationToken cancellationToken) =>
        MoveAsync(unit,
            "state = @to, target_id = @targetId, result_json = @resultJson, error = @error, lease_until = NULL",
            "state = 'executing'", new { id, to, targetId, resultJson, error }, cancellationToken);

    /// <summary>Claims an executed proposal for undo unless another undo holds a live claim.</summary>
    public static Task<bool> ClaimUndoAsync(
        DataUnit unit, long id, string by, string now, string leaseUntil,
        CancellationToken cancellationToken) =>
        MoveAsync(unit,
            "undo_by = @by, undo_lease_until = @leaseUntil",
            "state = 'executed' AND (undo_lease_until IS NULL OR undo_lease_until < @now)", new { id, by, now, leaseUntil }, cancellationToken);

    /// <summary>executed -> reverted (by the holder of the undo claim), or the claim released after a failed undo.</summary>
    public static Task<bool> FinishUndoAsync(
        DataUnit unit, long id, string by, bool reverted, CancellationToken cancellationToken) =>
        MoveAsync(unit,
            reverted ? "state = 'reverted', undo_lease_until = NULL" : "undo_lease_until = NULL, undo_by = NULL",
            "state = 'executed' AND undo_by = @by", new { id, by }, cancellationToken);

    private static async Task<bool> MoveAsync(
        DataUnit unit, string set, string where, object parameters, CancellationToken cancellationToken)
    {
        // set and where are this class's own constants; every value is a parameter.
        var rows = await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE proposals SET {set}, version = version + 1 WHERE id = @id AND {where}", parameters, unit.Transaction,
            cancellationToken: cancellationToken));
        return rows == 1;
    }
}
