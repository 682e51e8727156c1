using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: what the runner tells an agent when the as-of date moves. Only an incremental sweep for a later date than
/// the agent's stored findings, with the same inputs, gets <see cref="SweepContext.Moved"/> (the earlier date and the
/// journal since); an earlier date, the same date and `--full` get none, so the agent recomputes as before.
/// </summary>
public sealed class AsOfMoveTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private readonly TempDataDirectory _temp = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));
    private readonly CapturingAgent _agent = new();

    public void Dispose() => _temp.Dispose();

    private async Task<SweepContext> SweepAsync(DateOnly asOf, SweepMode mode = SweepMode.Incremental)
    {
        var runner = SweepRunners.Offline([_agent], new NoIntake(), new AuditStore(_clock), _temp.Source(_clock), _clock);
        await runner.RunAsync("acme", "capturing", asOf, "manual", 1, mode, new Progress<string>(), CancellationToken.None);
        return _agent.Last!;
    }

    private async Task CreateTenantAsync() =>
        await new TenantRegistry(_temp.Source(_clock), _clock, new AuditStore(_clock)).CreateAsync("acme", "test", CancellationToken.None);

    [Fact]
    public async Task Sweep_LaterDateSameInputs_AgentIsToldTheEarlierDateAndAnEmptyJournal()
    {
        await CreateTenantAsync();
        Assert.Null((await SweepAsync(Day)).Moved);

        var moved = (await SweepAsync(Day.AddDays(3))).Moved;

        Assert.NotNull(moved);
        Assert.Equal(Day, moved.PreviousAsOf);
        Assert.Empty(moved.Changes);
    }

    [Fact]
    public async Task Sweep_EarlierDate_NoMove()
    {
        await CreateTenantAsync();
        await SweepAsync(Day);

        Assert.Null((await SweepAsync(Day.AddDays(-1))).Moved);
    }

    [Fact]
    public async Task Sweep_LaterDateFull_NoMove()
    {
        await CreateTenantAsync();
        await SweepAsync(Day);

        Assert.Null((await SweepAsync(Day.AddDays(1), SweepMode.Full)).Moved);
    }

    [Fact]
    public async Task Sweep_TwoMovesInARow_EachIsToldTheDateBeforeIt()
    {
        await CreateTenantAsync();
        await SweepAsync(Day);
        await SweepAsync(Day.AddDays(1));

        Assert.Equal(Day.AddDays(1), (await SweepAsync(Day.AddDays(2))).Moved?.PreviousAsOf);
    }

    private sealed class CapturingAgent : IAgent
    {
        public SweepContext? Last { get; private set; }
        public string Name => "capturing";
        public string Department => "finance";

        public Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
        {
            Last = context;
            return Task.FromResult(SweepResult.Empty);
        }
    }

    private sealed class NoIntake : IProposalIntake
    {
        public Task<IntakeResult> SubmitAsync(TenantData tenant, IReadOnlyList<ProposalDraft> drafts, CancellationToken cancellationToken) =>
            Task.FromResult(new IntakeResult(drafts.Count, 0));
    }
}
