using BackOffice.Agents.Financial;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Bundle;
using BackOffice.Store.Proposals;
using BackOffice.Store.Sandbox;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18, through the gate rather than the store: two in-process hosts (each its own gate, engine and pool) on the
/// demo's books. A bill the Financial agent proposed is approved by 100 concurrent requests split over both hosts
/// (one approval wins), then executed by both hosts at once (one ledger write, in the sandbox ledger rows).
/// </summary>
public sealed class GateAcrossHostsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static ProposalGate Gate(TimeProvider clock) =>
        new(clock, new AuditStore(clock), new GateOptions { AgentDepartments = new Dictionary<string, string> { ["financial"] = "finance" } },
            [new CreateBillExecutor(new SandboxLedger(clock))]);

    [Theory]
    [StoreProviders]
    public async Task Gate_HundredApprovalsThenTwoExecutionsAcrossHosts_OneApprovalAndOneLedgerWrite(string provider)
    {
        var clock = new ManualClock();
        await using var store = await StoreUnderTest.CreateAsync(provider, clock);
        var hosts = new[] { store.Source, store.SecondHost(clock) };
        var gates = new[] { Gate(clock), Gate(clock) };
        var tenant = store.Source.For("demo");
        await new BundleImporter(clock).ImportAsync(RepoPaths.DemoBundle, tenant, "test", null, Ct);
        var runner = SweepRunners.Offline([new FinancialAgent(new FinancialOptions())], new GateIntake(gates[0]), new AuditStore(clock), store.Source, clock);
        await runner.RunAsync("demo", "financial", new DateOnly(2026, 11, 15), "manual", 1, new Progress<string>(), Ct);
        var bill = (await gates[0].ListAsync(tenant, new ProposalFilter(State: "proposed", Agent: "financial"), Ct)).First(p => p.ActionKind == CreateBillPayload.Kind);
        var sandboxBefore = (await tenant.Ledger.BillsAsync(Ct)).Count(b => b.Origin == "sandbox");

        var approvals = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => TryAsync(() =>
            gates[i % 2].ApproveAsync(hosts[i % 2].For("demo"), FinancialGateHarness.Lead, bill.Id, Ct))));
        var switches = new GateSwitches(clock, new AuditStore(clock));
        await switches.SetMasterAsync(tenant, FinancialGateHarness.Admin, true, Ct);
        await switches.SetAgentWritesAsync(tenant, FinancialGateHarness.Admin, "financial", true, Ct);
        var executions = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => TryAsync(() =>
            gates[i].ExecuteAsync(hosts[i].For("demo"), FinancialGateHarness.Lead, bill.Id, Ct))));

        Assert.Equal(1, approvals.Count(won => won));
        Assert.Equal(1, executions.Count(won => won));
        Assert.Equal("executed", (await gates[1].GetAsync(hosts[1].For("demo"), bill.Id, Ct)).State);
        Assert.Equal((0, 1), (sandboxBefore, (await tenant.Ledger.BillsAsync(Ct)).Count(b => b.Origin == "sandbox")));
    }

    /// <summary>True when this request moved the proposal; false when another request (on either host) had already.</summary>
    private static async Task<bool> TryAsync(Func<Task> decide)
    {
        try
        {
            await decide();
            return true;
        }
        catch (ProposalConflictException)
        {
            return false;
        }
    }
}
