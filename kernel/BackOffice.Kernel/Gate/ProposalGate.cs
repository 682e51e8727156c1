using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Audit;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Gate;

/// <summary>
/// Propose -> approve -> execute -> undo (DESIGN.md rules 2-5). Every transition is a conditional update on the
/// expected state inside one transaction with its audit event, so of two racing callers exactly one wins.
/// Split by concern: submit, decisions (approve, reject, edit), execution, undo.
/// </summary>
public sealed partial class ProposalGate
{
    private readonly TimeProvider _clock;
    private readonly AuditStore _audit;
    private readonly GateOptions _options;
    private readonly Dictionary<string, IActionExecutor> _executors;

    public ProposalGate(TimeProvider clock, AuditStore audit, GateOptions options, IEnumerable<IActionExecutor> executors)
    {
        _clock = clock;
        _audit = audit;
        _options = options;
        _executors = executors.ToDictionary(e => e.ActionKind, StringComparer.Ordinal);
    }

    public async Task<ProposalRow> GetAsync(TenantData tenant, long id, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await ProposalStore.GetAsync(unit, id, cancellationToken) ?? throw new ProposalNotFoundException(id);
    }

    public async Task<IReadOnlyList<ProposalRow>> ListAsync(TenantData tenant, ProposalFilter filter, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await ProposalStore.ListAsync(unit, filter, cancellationToken);
    }

    /// <summary>One page of the inbox in its order, sorted and cut by the store (issue 18).</summary>
    public async Task<ProposalPage> PageAsync(TenantData tenant, ProposalPageQuery query, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await ProposalPages.ReadAsync(unit, query, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write unit (the store begins it IMMEDIATE, so racing callers queue on the
    /// lock instead of both reading the old state). A policy refusal rolls the work back and is audited on its own,
    /// so the log shows who tried what.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(
        TenantData tenant, Actor actor, long? proposalId, Func<DataUnit, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var unit = await tenant.WriteAsync(cancellationToken);
            var result = await work(unit);
            await unit.CommitAsync(cancellationToken);
            return result;
        }
        catch (GateRefusedException refused)
        {
            await _audit.AppendAloneAsync(tenant, actor.Name, "gate.refused", Subject(proposalId ?? 0),
                new JsonObject { ["reason"] = refused.Message }, cancellationToken);
            throw;
        }
        catch (ProposalInvalidException invalid)
        {
            // Issue 19: a refused edit is audited like every other refusal, with the fields it named.
            await _audit.AppendAloneAsync(tenant, actor.Name, "gate.invalid", Subject(proposalId ?? 0),
                new JsonObject { ["problems"] = new JsonArray(invalid.Problems.Select(p => (JsonNode?)JsonValue.Create(p.ToString())).ToArray()) },
                cancellationToken);
            throw;
        }
    }

    private static async Task<ProposalRow> LoadAsync(DataUnit unit, long id, CancellationToken cancellationToken) =>
        await ProposalStore.GetAsync(unit, id, cancellationToken) ?? throw new ProposalNotFoundException(id);

    /// <summary>
    /// The facts the policy judges <paramref name="row"/> by: risk, department, proposer, who edited the amount, the amount as
    /// it stands and the department's limits. Public so the console shows exactly the buttons the gate would allow (issue 19).
    /// </summary>
    public ProposalFacts FactsFor(ProposalRow row)
    {
        var department = _options.AgentDepartments.TryGetValue(row.Agent, out var d) ? d : null;
        return new(Enum.Parse<RiskClass>(row.Risk), row.Agent, department, row.ProposedBy, row.AmountEditedBy, AmountOf(row),
            role => _options.LimitFor(department, role));
    }

    /// <summary>The money amount of the payload as it stands (issue 19: the edited amount), from its executor's review.</summary>
    private decimal? AmountOf(ProposalRow row) =>
        row.Risk == nameof(RiskClass.Money) && _executors.ContainsKey(row.ActionKind)
            ? ExecutorFor(row).Review(JsonNode.Parse(row.PayloadJson)!.AsObject()).Summary?.Amount
            : null;

    /// <summary>
    /// Issue 17: the money a proposal moves as its payload stands, whatever its risk (the dashboard's money at stake),
    /// by the same review the gate limits amounts with; null when its kind states no amount.
    /// </summary>
    public decimal? AmountAtStake(ProposalRow row) =>
        _executors.ContainsKey(row.ActionKind) ? ExecutorFor(row).Review(JsonNode.Parse(row.PayloadJson)!.AsObject()).Summary?.Amount : null;

    private static void Ensure(PolicyVerdict verdict)
    {
        if (!verdict.Allowed)
        {
            throw new GateRefusedException(verdict.Reason);
        }
    }

    /// <summary>Refuses a transition the state machine (<see cref="ProposalStates"/>) does not allow from the current state.</summary>
    private static void EnsureCanMove(ProposalRow row, string verb, string to)
    {
        if (!ProposalStates.CanMove(row.State, to))
        {
            throw Conflict(row.Id, row.State, verb);
        }
    }

    /// <summary>
    /// Proposed and approved proposals may be edited, and a failed one whose execution never started (issue 19: it failed
    /// validation before execution). Once an executor ran, the target may hold a write under the idempotency key, which
    /// a retry with other content would not change: such a proposal is retried as it is, or rejected.
    /// </summary>
    private static async Task EnsureEditableAsync(DataUnit unit, ProposalRow row, CancellationToken cancellationToken)
    {
        var editable = row.State is ProposalStates.Proposed or ProposalStates.Approved
            || (row.State == ProposalStates.Failed && await ProposalExecutionStore.GetAsync(unit, row.Id, cancellationToken) is null);
        if (!editable)
        {
            throw Conflict(row.Id, row.State, "edited");
        }
    }

    private static ProposalConflictException Conflict(long id, string state, string verb) =>
        new(id, state, $"Proposal {id} is {state}; it cannot be {verb}.");

    /// <summary>Fails closed unless both the master write switch and the agent's write switch are on (DESIGN.md rule 2).</summary>
    private static async Task EnsureWritesEnabledAsync(DataUnit unit, string agent, CancellationToken cancellationToken)
    {
        if (!await GateSettingsStore.GetMasterAsync(unit, cancellationToken))
        {
            throw new WritesDisabledException("master", "The master write switch is off; nothing executes until an admin turns it on.");
        }

        var settings = await GateSettingsStore.GetAgentAsync(unit, agent, cancellationToken);
        if (settings.WritesEnabled == 0)
        {
            throw new WritesDisabledException($"agent:{agent}", $"The write switch of agent {agent} is off; an admin must turn it on.");
        }
    }

    private IActionExecutor ExecutorFor(ProposalRow row) =>
        _executors.TryGetValue(row.ActionKind, out var executor)
            ? executor
            : throw new GateRefusedException($"No executor is registered for action kind {row.ActionKind}.");

    /// <summary>The request handed to the executor: the stored (possibly edited) payload and the unchanged idempotency key.</summary>
    private static ActionRequest RequestFor(TenantData tenant, ProposalRow row) =>
        new(tenant, row.Id, row.IdempotencyKey, JsonNode.Parse(row.PayloadJson)!.AsObject());

    private string Now() => StoreTime.ToText(_clock.GetUtcNow());

    private static string Subject(long id) => $"proposal:{id}";
}
