using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Findings;
using BackOffice.Store.Proposals;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The dashboard's money charts (issue 17): money at stake by agent, the 30/60/90-day cash forecast and margin fade by
/// job. Each turns figures the gate, the reports or the closed WIP periods already hold into bars; only sums and
/// differences of amounts are taken here, to the cent as given.
/// </summary>
public static class DashboardCharts
{
    private const int ChartJobs = 12;

    /// <summary>One agent's money at stake: the amounts its waiting proposals move, and how many findings are open.</summary>
    public sealed record Stake(string Agent, decimal Amount, int Proposals, int Findings);

    /// <summary>
    /// Per agent, the sum of the amounts (each as a positive sum) of its proposals that wait (proposed or approved, not yet executed) and the
    /// count of its open findings. Findings carry several figures and no one amount, so they are counted, not summed.
    /// </summary>
    public static IReadOnlyList<Stake> MoneyAtStake(IEnumerable<ProposalRow> waiting, Func<ProposalRow, decimal?> amountOf, IEnumerable<StoredFinding> findings)
    {
        var byAgent = waiting.GroupBy(p => p.Agent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Amount: g.Sum(p => Math.Abs(amountOf(p) ?? 0m)), Count: g.Count()), StringComparer.Ordinal);
        var open = findings.GroupBy(f => f.Agent, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return byAgent.Keys.Union(open.Keys).Order(StringComparer.Ordinal)
            // Rounded to the cent once, on the sum: a price update's reviewed amount is a change of unit prices to 4 places.
            .Select(a => new Stake(a, MoneyMath.RoundToCent(byAgent.GetValueOrDefault(a).Amount), byAgent.GetValueOrDefault(a).Count, open.GetValueOrDefault(a)))
            .ToList();
    }

    /// <summary>One bar per agent, labelled short enough to read at phone width ("collections, 3 waiting").</summary>
    public static IReadOnlyList<SvgBarChart.Bar> StakeBars(IReadOnlyList<Stake> stakes) =>
        stakes.Select(s => new SvgBarChart.Bar($"{s.Agent}, {s.Proposals} waiting", s.Amount, MoneyText.Usd(s.Amount))).ToList();

    /// <summary>The open findings per agent, the line under the money-at-stake chart ("Open findings: financial 1, ...").</summary>
    public static string FindingsLine(IReadOnlyList<Stake> stakes) =>
        "Open findings: " + (stakes.Any(s => s.Findings > 0)
            ? string.Join(", ", stakes.Where(s => s.Findings > 0).Select(s => $"{s.Agent} {s.Findings}"))
            : "none");

    /// <summary>
    /// The cash-forecast report's buckets as cash in from open invoices (receipts), expected billings (issue 17: the pay
    /// applications not billed yet, a bar of their own beside the invoices), cash out (payables and payroll, drawn left
    /// of zero) and net, one bar each per bucket ("0-30 days in").
    /// </summary>
    public static IReadOnlyList<SvgBarChart.Bar> CashBars(ReportTable forecast)
    {
        var bars = new List<SvgBarChart.Bar>();
        foreach (var row in forecast.Rows)
        {
            if (SvgBarChart.Number(row["receipts"]) is not { } receipts || SvgBarChart.Number(row["net"]) is not { } net)
            {
                continue;
            }

            var paidOut = -((SvgBarChart.Number(row["payables"]) ?? 0m) + (SvgBarChart.Number(row["payroll"]) ?? 0m));
            var days = ListQuery.Cell(row, "days");
            bars.Add(new SvgBarChart.Bar($"{days} days in", receipts, MoneyText.Usd(receipts)));
            // "billings", not "expected billings": the longer label was cut to "31-60 days expected billi..." at 1366 px.
            if (SvgBarChart.Number(row["expectedBillings"]) is { } billings)
            {
                bars.Add(new SvgBarChart.Bar($"{days} days billings", billings, MoneyText.Usd(billings)));
            }

            bars.Add(new SvgBarChart.Bar($"{days} days out", paidOut, MoneyText.Usd(paidOut)));
            bars.Add(new SvgBarChart.Bar($"{days} days net", net, MoneyText.Usd(net)));
        }

        return bars;
    }

    /// <summary>
    /// Margin fade by job: the estimated margin at completion now (the wip report's contract less estimated total cost)
    /// less the same at the last closed WIP period, for the jobs in both; a negative bar is a fading margin.
    /// </summary>
    public static IReadOnlyList<SvgBarChart.Bar> MarginFadeBars(ReportTable wip, IReadOnlyList<WipPeriodFigures> prior, NameBook names)
    {
        var before = prior.ToDictionary(p => p.JobId, p => p.Contract - p.EstimatedTotalCost, StringComparer.Ordinal);
        return wip.Rows
            .Select(r => (Job: ListQuery.Cell(r, "id"), Contract: SvgBarChart.Number(r["contract"]), Eac: SvgBarChart.Number(r["estimatedTotalCost"])))
            .Where(r => r.Contract is not null && r.Eac is not null && before.ContainsKey(r.Job))
            .Select(r => (r.Job, Fade: r.Contract!.Value - r.Eac!.Value - before[r.Job]))
            .Where(r => r.Fade != 0m)
            .OrderByDescending(r => Math.Abs(r.Fade)).Take(ChartJobs)
            .Select(r => new SvgBarChart.Bar(names.Jobs(r.Job), r.Fade, MoneyText.Usd(r.Fade))).ToList();
    }
}
