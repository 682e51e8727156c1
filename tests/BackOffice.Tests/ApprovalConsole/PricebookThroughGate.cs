using System.Globalization;
using BackOffice.Agents.Pricebook.Actions;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Pricebook;
using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: a pricebook item's cost and sell price moved as a person does it: a "pricebook.update-prices" proposal
/// submitted by the agent, approved by a lead and executed through the gate (which marks the execution's audit events
/// tracked, the writer journaling the items), so the report cache sees the same writes a console user's approval makes.
/// </summary>
public static class PricebookThroughGate
{
    private static readonly Actor Agent = Actor.Agent("pricebook");
    private static readonly Actor Lead = new("lead@bench", Role.Lead, "operations");
    private static readonly Actor Admin = new("admin@bench", Role.Admin, null);

    /// <summary>Scales the <paramref name="row"/>-th item's (by id, modulo) cost and sell price by <paramref name="percent"/> % and executes it.</summary>
    public static async Task UpdateAsync(TenantData tenant, int row, int percent, int number, CancellationToken cancellationToken)
    {
        var items = (await tenant.Pricebook.ItemsAsync(cancellationToken)).Select(i => i.Id).Order(StringComparer.Ordinal).ToList();
        var itemId = items[row % items.Count];
        var audit = new AuditStore(tenant.Clock);
        var switches = new GateSwitches(tenant.Clock, audit);
        await switches.SetMasterAsync(tenant, Admin, true, cancellationToken);
        await switches.SetAgentWritesAsync(tenant, Admin, "pricebook", true, cancellationToken);
        var gate = new ProposalGate(tenant.Clock, audit,
            new GateOptions { AgentDepartments = new Dictionary<string, string> { ["pricebook"] = "operations" } },
            [new PricebookUpdateExecutor(new PricebookWriter(), tenant.Clock)]);
        var now = (await new PricebookWriter().PricesAsync(tenant, [itemId], cancellationToken)).Single();
        var cost = Math.Round(now.UnitCostE4 * (100 + percent) / 100m, MidpointRounding.AwayFromZero);
        var sell = now.SellPriceCents is { } s ? Math.Round(s * (100 + percent) / 100m, MidpointRounding.AwayFromZero) : (decimal?)null;
        var payload = ActionPayloadJson.ToJson(new PricebookUpdatePayload("Bench Supply", 0, "bench.csv",
            [new PricebookItemChange(itemId, null, Cost(now.UnitCostE4), Sell(now.SellPriceCents), Cost((long)cost), Sell((long?)sell))]));
        var draft = new ProposalDraft("pricebook", PricebookUpdatePayload.Kind, $"Update {itemId} ({number})", RiskClass.Money,
            $"pb-upd-bench-{itemId}-{number}", payload, [], "A test price update.", ["items"]);
        var id = (await gate.SubmitAsync(tenant, Agent, [draft], cancellationToken)).Created.Single();
        await gate.ApproveAsync(tenant, Lead, id, cancellationToken);
        var executed = await gate.ExecuteAsync(tenant, Lead, id, cancellationToken);
        Assert.Equal(ProposalStates.Executed, executed.State);
    }

    private static string Cost(long e4) => (e4 / 10000m).ToString("0.0000", CultureInfo.InvariantCulture);

    private static string? Sell(long? cents) => cents is { } c ? (c / 100m).ToString("0.00", CultureInfo.InvariantCulture) : null;
}
