using BackOffice.Agents.Financial.Actions;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Ledger;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Support.QuickBooks;

/// <summary>
/// A gate over a QuickBooks harness's tenant whose ledger target is QuickBooks (issue 13), with the bill and reclass
/// executors (and the owner invoice's) writing through the tenant's targeted writers, on a manual clock so a dead claimant's lease can expire.
/// Shared by the crash matrices of bills and journal entries.
/// </summary>
public sealed class QuickBooksGateRun(QuickBooksHarness h) : IAsyncDisposable
{
    public static readonly Actor Lead = new("lead@acme", Role.Lead, "finance");
    public static readonly Actor Admin = new("admin@acme", Role.Admin, null);

    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly GateOptions _options = new() { AgentDepartments = new Dictionary<string, string> { ["financial"] = "finance" } };

    private ProposalGate? _gate;

    public QuickBooksHarness H => h;

    public ProposalGate Gate => _gate ??= new ProposalGate(_clock, new AuditStore(_clock), _options,
        [new ReclassJournalExecutor(h.Get<IJournalWriter>()), new CreateBillExecutor(h.Get<ILedgerWriter>()), new OwnerInvoiceExecutor(h.Get<IInvoiceWriter>())]);

    /// <summary>A connected harness whose books were synced once in full.</summary>
    /// <param name="settings">More configuration (the invoice items, for owner invoices).</param>
    /// <param name="seed">More of the company, keyed in before that sync.</param>
    public static async Task<QuickBooksGateRun> StartAsync(Dictionary<string, string?>? settings = null, Action<FakeQuickBooks>? seed = null)
    {
        var h = await QuickBooksHarness.ConnectedAsync(settings);
        seed?.Invoke(h.Fake);
        await h.Get<BackOffice.Store.Connectors.QuickBooks.QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, CancellationToken.None);
        return new QuickBooksGateRun(h);
    }

    /// <summary>Switches the target to QuickBooks, turns the financial agent's writes on, submits and approves the draft.</summary>
    public async Task<long> ApprovedAsync(ProposalDraft draft)
    {
        var ct = CancellationToken.None;
        await using (var unit = await h.Tenant.WriteAsync(ct))
        {
            await LedgerTargets.SetAsync(unit, LedgerTargets.QuickBooks, "admin@acme", StoreTime.ToText(_clock.GetUtcNow()), ct);
            await unit.CommitAsync(ct);
        }

        var switches = new GateSwitches(_clock, new AuditStore(_clock));
        await switches.SetMasterAsync(h.Tenant, Admin, true, ct);
        await switches.SetAgentWritesAsync(h.Tenant, Admin, "financial", true, ct);
        var id = (await Gate.SubmitAsync(h.Tenant, Actor.Agent("financial"), [draft], ct)).Created.Single();
        await Gate.ApproveAsync(h.Tenant, Lead, id, ct);
        return id;
    }

    public Task<ProposalRow> ExecuteAsync(long id) => Gate.ExecuteAsync(h.Tenant, Lead, id, CancellationToken.None);

    public Task<ProposalRow> UndoAsync(long id) => Gate.UndoAsync(h.Tenant, Lead, id, CancellationToken.None);

    public Task CrashOnceAsync(string trigger, Func<Task<ProposalRow>> step) => CrashSeams.CrashOnceAsync(h.Tenant, trigger, step);

    public Task<ProposalRow> RetryUntilAsync(long id, string state, Func<Task<ProposalRow>> step) =>
        CrashSeams.RetryUntilAsync(Gate, h.Tenant, _clock, _options.ExecutionLeaseSeconds, id, state, step);

    /// <summary>
    /// Undo refused because the record was edited in QuickBooks (issue 13): the refusal names exactly
    /// <paramref name="expected"/>, the proposal stays executed, and its undo-failed audit entry records the same fields.
    /// </summary>
    public async Task<LedgerChangedException> UndoRefusedAsync(long id, IReadOnlyList<string> expected, string point)
    {
        var refused = await Assert.ThrowsAsync<LedgerChangedException>(() => UndoAsync(id));
        Assert.Equal(expected, refused.ChangedFields);
        Assert.Equal(ProposalStates.Executed, (await Gate.GetAsync(h.Tenant, id, CancellationToken.None)).State);
        var audit = (await AuditEventsAsync()).Single(e => e.Kind == "proposal.undo-failed");
        Assert.Equal(expected, System.Text.Json.Nodes.JsonNode.Parse(audit.DataJson)!["changed_fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        await AssertChainIntactAsync(point);
        return refused;
    }

    public async Task<IReadOnlyList<AuditEvent>> AuditEventsAsync()
    {
        await using var connection = await h.Tenant.OpenAsync(CancellationToken.None);
        return await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None);
    }

    public async Task AssertChainIntactAsync(string point)
    {
        var walk = AuditVerifier.Verify(await AuditEventsAsync(), null, await h.Tenant.AuditKeyAsync(CancellationToken.None));
        Assert.True(walk.Break is null, $"{point}: {walk.Break?.Reason}");
    }

    public ValueTask DisposeAsync() => h.DisposeAsync();
}
