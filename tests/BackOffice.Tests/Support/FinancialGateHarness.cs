using BackOffice.Agents.Financial;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackOffice.Tests.Support;

/// <summary>
/// The Financial agent behind a real gate and sweep runner over a temp data directory: the set-up memory tests share
/// (sweep, approve, edit, execute, sweep again). Bills go to the sandbox ledger; more executors may be added.
/// </summary>
public sealed class FinancialGateHarness : IDisposable
{
    public static readonly Actor Lead = new("dana@acme", Role.Lead, "finance");
    public static readonly Actor Admin = new("admin@acme", Role.Admin, null);

    public FinancialGateHarness(params Func<TimeProvider, IActionExecutor>[] moreExecutors)
    {
        var audit = new AuditStore(Clock);
        Gate = new ProposalGate(Clock, audit, new GateOptions { AgentDepartments = new Dictionary<string, string> { ["financial"] = "finance" } },
            [new CreateBillExecutor(new SandboxLedger(Clock)), .. moreExecutors.Select(make => make(Clock))]);
        Runner = SweepRunners.Offline([new FinancialAgent(new FinancialOptions())], new GateIntake(Gate), audit, Temp.Source(Clock), Clock);
    }

    public TempDataDirectory Temp { get; } = new();

    public ManualClock Clock { get; } = new();

    public ProposalGate Gate { get; }

    public SweepRunner Runner { get; }

    public void Dispose() => Temp.Dispose();
}
