using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Host.Cli;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;
using BackOffice.Store.Worklists;

namespace BackOffice.Host.Api;

/// <summary>
/// The gate verbs as the API and the console both call them. Each is idempotent by proposal id (issue 9): repeating a
/// verb whose result already holds (approve on an approved proposal, undo on a reverted one) answers with the
/// proposal as it is and writes nothing; any other wrong state is the gate's 409.
/// </summary>
public sealed class ProposalActions(ProposalGate gate, GateOptions options, AuditAnchors anchors)
{
    public static readonly IReadOnlyDictionary<string, string> ResultState = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["approve"] = ProposalStates.Approved,
        ["reject"] = ProposalStates.Rejected,
        ["execute"] = ProposalStates.Executed,
        ["undo"] = ProposalStates.Reverted,
    };

    public async Task<(ProposalRow Row, bool Replayed)> RunAsync(Caller caller, long id, string verb, string? reason, JsonObject? changes, CancellationToken ct)
    {
        var current = await gate.GetAsync(caller.Data, id, ct);
        if (ResultState.TryGetValue(verb, out var done) && current.State == done)
        {
            return (current, true);
        }

        try
        {
            var row = verb switch
            {
                "approve" => await gate.ApproveAsync(caller.Data, caller.Actor, id, ct),
                "reject" => await gate.RejectAsync(caller.Data, caller.Actor, id, reason ?? "", ct),
                "edit" => await gate.EditAsync(caller.Data, caller.Actor, id, changes ?? [], ct),
                "execute" => await gate.ExecuteAsync(caller.Data, caller.Actor, id, ct),
                "undo" => await gate.UndoAsync(caller.Data, caller.Actor, id, ct),
                _ => throw new ArgumentException($"Unknown verb '{verb}'.", nameof(verb)),
            };
            return (row, false);
        }
        finally
        {
            // Issue 19: refused attempts are chained like everything else, and the anchor moves past them too, so
            // deleting a refusal from the end of the chain is found by `audit verify`.
            await anchors.AdvanceAsync(caller.Tenant, ct);
        }
    }

    public async Task<JsonObject> DetailAsync(Caller caller, long id, CancellationToken ct)
    {
        var row = await gate.GetAsync(caller.Data, id, ct);
        return (await ProposalView.InWordsAsync([ProposalView.Detail(row, options, await HistoryAsync(caller.Data, id, ct))], caller.Data, ct))[0];
    }

    /// <summary>Worst first: money and legal before routine, open before decided, then oldest first.</summary>
    public async Task<IReadOnlyList<ProposalRow>> InboxAsync(Caller caller, ProposalFilter filter, string? risk, CancellationToken ct)
    {
        var rows = await gate.ListAsync(caller.Data, filter, ct);
        EnsureKnown(filter.State, filter.Agent, risk, rows.Select(r => r.Agent));
        return rows.Where(r => risk is null || string.Equals(r.Risk, risk, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => ProposalPages.RankOf(r.State)).ThenBy(r => r.Risk == "Routine" ? 1 : 0).ThenBy(r => r.Id).ToList();
    }

    /// <summary>The inbox in the same order, one page at a time (issue 18: the API's list).</summary>
    public Task<ProposalPage> PageAsync(Caller caller, ProposalPageQuery query, CancellationToken ct)
    {
        EnsureKnown(query.State, query.Agent, query.Risk, []);
        return gate.PageAsync(caller.Data, query, ct);
    }

    /// <summary>
    /// Issue 17: the console's inbox, one page filtered, sorted and cut in SQL (<see cref="ProposalPages.List"/>), with
    /// the agents that have proposals (the agent choice).
    /// </summary>
    public async Task<(ListPageOf<ProposalRow> Page, IReadOnlyList<string> Agents)> ListPageAsync(Caller caller, ListPageQuery query, CancellationToken ct)
    {
        await using var unit = await caller.Data.ReadAsync(ct);
        var agents = await SqlList.ChoicesAsync(unit, ProposalPages.List, "agent", 21, ct);
        return (await ProposalPages.ListAsync(unit, query, ct), agents);
    }

    /// <summary>Issue 17: an unknown state, agent or risk is an error naming it (the API's 400), not an empty inbox.</summary>
    private void EnsureKnown(string? state, string? agent, string? risk, IEnumerable<string> agentsSeen)
    {
        KnownFilters.Ensure("state", state, ProposalStates.All);
        KnownFilters.Ensure("agent", agent, options.AgentDepartments.Keys.Concat(agentsSeen));
        KnownFilters.Ensure("risk", risk, Enum.GetNames<BackOffice.Kernel.Abstractions.Proposals.RiskClass>(), StringComparer.OrdinalIgnoreCase);
    }

    public string WhoMustApprove(ProposalRow row) => ProposalView.Detail(row, options, [])["whoMustApprove"]!.GetValue<string>();

    private static async Task<IReadOnlyList<AuditEvent>> HistoryAsync(TenantData tenant, long id, CancellationToken ct)
    {
        await using var unit = await tenant.ReadAsync(ct);
        return await AuditStore.ReadAsync(unit, new AuditQuery(Subject: $"proposal:{id}"), ct);
    }
}
