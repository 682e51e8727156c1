using BackOffice.Host.ApprovalConsole;
using BackOffice.Host.Composition;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Findings;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: the dashboard's money at stake by agent, cash forecast and margin fade, over the demo (`backoffice demo`,
/// books as of 2026-11-15), with the figures the demo's proposals, cash-forecast report and WIP give.
/// </summary>
public sealed class DashboardChartsTests : IDisposable
{
    private static readonly DateOnly BooksDate = new(2026, 11, 15);
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;
    private IHost? _host;

    public DashboardChartsTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose()
    {
        _host?.Dispose();
        _temp.Dispose();
    }

    private async Task<T> DemoAsync<T>(Func<IServiceProvider, TenantData, Task<T>> read, bool runDemo = true)
    {
        if (runDemo)
        {
            await _cli.OkAsync("demo");
        }

        _host = BackOfficeServices.CreateBuilder(_temp.Data).Build();

        return await read(_host.Services, _host.Services.GetRequiredService<TenantDataSource>().For("demo"));
    }

    private static Task<ReportTable> ReportAsync(IServiceProvider services, TenantData data, string name) =>
        services.GetServices<IReport>().Last(r => r.Name == name).RunAsync(new ReportRequest(data, BooksDate, null), CancellationToken.None);

    [Fact]
    public async Task MoneyAtStake_Demo_SumsEachAgentsWaitingProposals()
    {
        var stakes = await DemoAsync(async (services, data) =>
        {
            var gate = services.GetRequiredService<ProposalGate>();
            var waiting = await gate.ListAsync(data, new ProposalFilter(ProposalStates.Proposed), CancellationToken.None);
            return DashboardCharts.MoneyAtStake(waiting, gate.AmountAtStake, await FindingStore.ListOpenAsync(data, null, CancellationToken.None));
        });

        // The demo's proposals (`proposals list`), each at the amount its payload's review states (what the gate's limits
        // read): collections adjusts the allowance by $6,399.95 (its two dunning messages state no amount); financial
        // drafts bills RP-2315 $16,560.00 and NWC-5521 $14,175.00 = $30,735.00 (its $685.00 reclass states no reviewed
        // amount); pricebook's reviewed amount is the total change of unit prices, $29.925 over its three updates, $29.93
        // to the cent; workforce adjusts payroll $243.00 + $28.85 = $271.85 (its staffing alerts move no money);
        // documents only files documents.
        Assert.Equal(
            [("collections", 6399.95m, 3), ("documents", 0m, 3), ("financial", 30735.00m, 3), ("pricebook", 29.93m, 3), ("workforce", 271.85m, 5)],
            stakes.Select(s => (s.Agent, s.Amount, s.Proposals)).ToArray());
        Assert.Equal(17, stakes.Sum(s => s.Proposals));
        Assert.Equal("collections, 3 waiting", DashboardCharts.StakeBars(stakes)[0].Label);
        Assert.StartsWith("Open findings: ", DashboardCharts.FindingsLine(stakes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CashBars_Demo_InOutAndNetPerBucket()
    {
        var bars = await DemoAsync(async (services, data) => DashboardCharts.CashBars(await ReportAsync(services, data, "cash-forecast")));

        // `report cash-forecast --tenant demo` as of 2026-11-15: 0-30 days receipts $182,620.00, payables $115,356.49,
        // payroll $47,836.55, net $19,426.96; 31-60 and 61-90 days payroll $38,269.24 each. Issue 17: job-103's next pay
        // application (earned $154,632.85 less billed $100,000.00, no retainage percent stated), billed Nov 30 and paid
        // net 30 on Dec 30, is $54,632.85 of expected billings in 31-60 days.
        Assert.Equal(
            [("0-30 days in", 182620.00m), ("0-30 days billings", 0m), ("0-30 days out", -163193.04m), ("0-30 days net", 19426.96m),
             ("31-60 days in", 0m), ("31-60 days billings", 54632.85m), ("31-60 days out", -38269.24m), ("31-60 days net", 16363.61m),
             ("61-90 days in", 0m), ("61-90 days billings", 0m), ("61-90 days out", -38269.24m), ("61-90 days net", -38269.24m)],
            bars.Select(b => (b.Label, b.Value)).ToArray());
        Assert.Equal("-$163,193.04", bars[2].Text);
    }

    [Fact]
    public async Task MarginFadeBars_EstimateRaisedAfterOctoberClose_FadesThatJob()
    {
        await _cli.OkAsync("demo");
        await _cli.OkAsync("wip", "close", "--tenant", "demo", "--period", "2026-10", "--as", "dana");
        var bundle = Path.Combine(_temp.Root, "bundle");
        BackOffice.Tests.Bundle.BundleTestKit.CopyDirectory(RepoPaths.DemoBundle, bundle);
        var budget = Path.Combine(bundle, "project", "budget-lines.csv");
        File.WriteAllText(budget, File.ReadAllText(budget).Replace("bl-101-01,job-101,01-000,11000.00,0.00,11500.00", "bl-101-01,job-101,01-000,11000.00,0.00,16500.00", StringComparison.Ordinal));
        await _cli.OkAsync("import", "--tenant", "demo", bundle);

        var bars = await DemoAsync(async (services, data) => DashboardCharts.MarginFadeBars(
            await ReportAsync(services, data, "wip"), await data.WipPeriods.FiguresAsync("2026-10", CancellationToken.None), await NameBook.LoadAsync(data, CancellationToken.None)), runDemo: false);

        // Smith Residence at the October close: contract $148,500.00 less EAC $129,050.00 = $19,450.00; on 2026-11-15 the
        // change order makes the contract $151,700.00 and the raised PM estimate the EAC $134,050.00: $17,650.00, a fade
        // of $1,800.00. The other two jobs' contract and estimate did not move, so they draw no bar.
        var bar = Assert.Single(bars);
        Assert.Equal(("2026-101 Smith Residence - Kitchen", -1800.00m, "-$1,800.00"), (bar.Label, bar.Value, bar.Text));
    }
}
