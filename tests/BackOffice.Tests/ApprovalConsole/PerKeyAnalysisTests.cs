using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Support;
using BackOffice.Tests.Sweeps;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: after a write to one job's bill line, the jobs page's reports (wip, margin) compute that job's row only and
/// keep the others' from the analysis before; a note keeps every row, an invoice's line, a commitment line, a payment or a
/// journal entry header computes its job.
/// </summary>
public sealed class PerKeyAnalysisTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private readonly TempDataDirectory _temp = new();
    private readonly ManualClock _clock = new();
    private readonly string _bundle;

    public PerKeyAnalysisTests()
    {
        _bundle = Path.Combine(_temp.Root, "bundle");
        IncrementalSweepPropertyTests.CopyFolder(RepoPaths.DemoBundle, _bundle);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Wip_OneJobsBillLineChanged_ComputesThatJobOnlyAndEqualsAFullRecompute()
    {
        var first = await RunAsync(null, new IncrementalSweepStep(StepKind.ScaleAmount, 0, 1, 30));
        var second = await RunAsync(first.Memo, null);

        Assert.True(first.Analysis.WipComputed > 1, "the demo has more than one open job");
        Assert.Equal(1, second.Memo.PerKey);
        Assert.Equal(1, second.Analysis.WipComputed);
        Assert.Equal(second.Fresh, second.Cached);
    }

    [Fact]
    public async Task Wip_NoteWrittenInstead_KeepsEveryJobsRow()
    {
        // Issue 17: migration 2027 versions financial_notes on its own, and no Financial figure reads it.
        var first = await RunAsync(null, new IncrementalSweepStep(StepKind.AddNote, 0, 1, 1));
        var second = await RunAsync(first.Memo, null);

        Assert.Equal(1, second.Memo.PerKey);
        Assert.Equal(0, second.Analysis.WipComputed);
        Assert.Equal(second.Fresh, second.Cached);
    }

    [Fact]
    public async Task Wip_OneInvoicesLineChanged_ComputesItsJobOnly()
    {
        // Invoice lines of inv-1032 (cust-31): the journal names the invoice, whose customer is one job's twin.
        var first = await RunAsync(null, new IncrementalSweepStep(StepKind.ScaleAmount, 1, 1, 30));
        var second = await RunAsync(first.Memo, null);

        Assert.Equal(1, second.Memo.PerKey);
        Assert.Equal(1, second.Analysis.WipComputed);
        Assert.Equal(second.Fresh, second.Cached);
    }

    [Fact]
    public async Task Wip_CommitmentLineChanged_ComputesItsJobOnly()
    {
        // Issue 17: commitment lines are keyed by their commitment, whose job's committed cost moves (cl-02: cmt-101-01, job-101).
        var first = await RunAsync(null, new IncrementalSweepStep(StepKind.ScaleAmount, 5, 1, 30));
        var second = await RunAsync(first.Memo, null);

        Assert.Equal(1, second.Memo.PerKey);
        Assert.Equal(1, second.Analysis.WipComputed);
        Assert.Equal(second.Fresh, second.Cached);
    }

    [Theory]
    [InlineData("payment", 1)] // pmt-2102 (cust-31): no WIP figure reads payments; its customer's row is computed again
    [InlineData("journal entry", 1)] // je-302's lines post to cust-21 only
    public async Task Wip_HeaderDateMoved_RefreshesPerKey(string kind, int computed)
    {
        var first = await RunAsync(null, null, new PerKeyStep(kind, null, 1, 40));
        var second = await RunAsync(first.Memo, null);

        Assert.Equal(1, second.Memo.PerKey);
        Assert.Equal(computed, second.Analysis.WipComputed);
        Assert.Equal(second.Fresh, second.Cached);
    }

    [Fact]
    public async Task CashForecast_BillHeaderMovedAfterTheDate_RefreshesItsInputsPerKeyAndEqualsAFreshRun()
    {
        // bill-5010 (2026-10-06, all on cust-11) moved 50 days on, past the as-of date: its job's cost to date moves.
        var first = await RunAsync(null, null, new PerKeyStep("bill header", null, 4, 70), cash: true);
        var second = await RunAsync(first.Memo, null, cash: true);

        Assert.Equal(2, second.Memo.PerKey); // the analysis and the cash forecast's own inputs
        Assert.Equal(1, second.Analysis.WipComputed);
        Assert.Equal(second.Fresh, second.Cached);
    }

    private sealed record Run(ReportMemo Memo, FinancialAnalysis Analysis, string Cached, string Fresh);

    /// <summary>Imports (first run) or not, runs wip and margin with a memo after <paramref name="previous"/>, then applies <paramref name="then"/>.</summary>
    private async Task<Run> RunAsync(ReportMemo? previous, IncrementalSweepStep? then, PerKeyStep? thenStep = null, bool cash = false)
    {
        var tenant = _temp.Tenant("jobs", _clock);
        if (previous is null)
        {
            await new BundleImporter(_clock).ImportAsync(_bundle, tenant, "test", null, Ct);
        }

        var memo = ReportMemo.After(previous);
        var options = new FinancialOptions();
        IReport report = cash ? new CashForecastReport(options) : new WipReport(options);
        var cached = await report.RunAsync(new ReportRequest(tenant, AsOf, null) { Memo = memo }, Ct);
        await new MarginReport(options).RunAsync(new ReportRequest(tenant, AsOf, null) { Memo = memo }, Ct);
        var fresh = await report.RunAsync(new ReportRequest(tenant, AsOf, null), Ct);
        var analysis = memo.Completed<FinancialSnapshot>(FinancialSnapshot.Key)!.Analysis;
        if ((then is not null && await then.ApplyAsync(_bundle, tenant, 1, Ct)) || (thenStep is not null && await thenStep.ApplyAsync(_bundle, tenant, 1, Ct)))
        {
            await new BundleImporter(_clock).ImportAsync(_bundle, tenant, "test", null, Ct);
        }

        return new Run(memo, analysis, Text(cached), Text(fresh));
    }

    private static string Text(ReportTable table) => string.Join("\n", table.Rows.Select(r => r.ToJsonString()));
}
