namespace BackOffice.Store.Proposals;

/// <summary>One stored proposal, as SQLite holds it (integers are Int64, JSON and times are text).</summary>
public sealed class ProposalRow
{
    public long Id { get; init; }
    public string Agent { get; init; } = "";
    public string ActionKind { get; init; } = "";
    public string Title { get; init; } = "";
    public string Risk { get; init; } = "";
    public string IdempotencyKey { get; init; } = "";
    public string PayloadJson { get; init; } = "{}";
    public string FiguresJson { get; init; } = "[]";
    public string Narrative { get; init; } = "";
    public string EditableFieldsJson { get; init; } = "[]";
    public long Reversible { get; init; }
    public string? IrreversibleReason { get; init; }
    public string? FindingKey { get; init; }
    public string State { get; init; } = "";
    public string ProposedBy { get; init; } = "";
    public string ProposedAt { get; init; } = "";
    public string? DecidedBy { get; init; }
    public string? DecidedAt { get; init; }
    public string? DecisionReason { get; init; }
    public string? EditedBy { get; init; }
    public string? EditedAt { get; init; }
    public string? ExecutedBy { get; init; }
    public string? LeaseUntil { get; init; }
    public string? UndoBy { get; init; }
    public string? UndoLeaseUntil { get; init; }
    public string? TargetId { get; init; }
    public string? ResultJson { get; init; }
    public string? Error { get; init; }
    public long Version { get; init; }

    /// <summary>What the agent proposed, as JSON { title, figures, narrative, payload }, kept from the first edit on (issue 19).</summary>
    public string? OriginalJson { get; init; }

    /// <summary>Who last changed a money amount by an edit: that person may not approve it (issue 19).</summary>
    public string? AmountEditedBy { get; init; }

    internal const string Columns = """
        id AS Id, agent AS Agent, action_kind AS ActionKind, title AS Title, risk AS Risk, idempotency_key AS IdempotencyKey,
        payload_json AS PayloadJson, figures_json AS FiguresJson, narrative AS Narrative, editable_fields_json AS EditableFieldsJson,
        reversible AS Reversible, irreversible_reason AS IrreversibleReason, finding_key AS FindingKey, state AS State,
        proposed_by AS ProposedBy, proposed_at AS ProposedAt, decided_by AS DecidedBy, decided_at AS DecidedAt,
        decision_reason AS DecisionReason, edited_by AS EditedBy, edited_at AS EditedAt, executed_by AS ExecutedBy,
        lease_until AS LeaseUntil, undo_by AS UndoBy, undo_lease_until AS UndoLeaseUntil, target_id AS TargetId,
        result_json AS ResultJson, error AS Error, version AS Version, original_json AS OriginalJson,
        amount_edited_by AS AmountEditedBy
        """;
}

/// <summary>What the gate inserts for a new draft.</summary>
public sealed record NewProposal(
    string Agent, string ActionKind, string Title, string Risk, string IdempotencyKey, string PayloadJson, string FiguresJson,
    string Narrative, string EditableFieldsJson, bool Reversible, string? IrreversibleReason, string? FindingKey,
    string ProposedBy, string ProposedAt);

/// <summary>An edit as stored (issue 19); <see cref="AmountEditedBy"/> is null when the edit changed no money amount.</summary>
public sealed record ProposalEdit(
    string PayloadJson, string Title, string FiguresJson, string Narrative, string OriginalJson, string? AmountEditedBy,
    string By, string At);

/// <summary>List filter; null means any.</summary>
public sealed record ProposalFilter(string? State = null, string? Agent = null);

/// <summary>The execution record of one proposal: prior state captured with the intent, and what the target answered.</summary>
public sealed class ProposalExecutionRow
{
    public long ProposalId { get; init; }
    public string IdempotencyKey { get; init; } = "";
    public string PriorStateJson { get; init; } = "{}";
    public string StartedAt { get; init; } = "";
    public string StartedBy { get; init; } = "";
    public string? CompletedAt { get; init; }
    public string? OutcomeJson { get; init; }
    public string? UndoneAt { get; init; }
    public string? UndoneBy { get; init; }
}
