using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial;

/// <summary>Budget lines over their thresholds or over-committed, and loss jobs on the WIP schedule (issue 3).</summary>
internal static class AnalysisChecks
{
    private const string VarianceTool = nameof(VarianceTools) + "." + nameof(VarianceTools.Compute);
    private const string WipTool = nameof(WipTools) + "." + nameof(WipTools.Compute);

    /// <param name="jobs">The project jobs to check (issue 18: those a per-job sweep recomputes); null: every job.</param>
    public static CheckResult Variance(FinancialAnalysis analysis, VarianceOptions options, IReadOnlySet<string>? jobs)
    {
        var findings = new List<Finding>();
        foreach (var row in FinancialFigures.Traced(VarianceTool, () => analysis.Variance(jobs, options)))
        {
            var line = row.Line;
            // A fully bought-out line is normal; over 90% committed is worth a person's time only when more cost is still
            // expected than is bought, or the commitments already exceed the budget (issue 3: no false alarms).
            var tight = line.CommitmentWarning && (line.EstimateAtCompletion > line.Committed || line.Committed > line.RevisedBudget);
            if ((line.FlagLevel == 0 && !tight) || line.CostCode == FinancialAnalysis.Uncoded || row.Closed)
            {
                continue;
            }

            var sources = new List<SourceRef> { new("project", "project_budget_lines", row.BudgetLineId ?? $"job_id={line.JobId};cost_code={line.CostCode}") };
            var figures = new List<Figure>
            {
                Figure.Usd("revised_budget", line.RevisedBudget, VarianceTool, [.. sources]),
                Figure.Usd("committed", line.Committed, VarianceTool, new SourceRef("project", "project_commitment_lines", $"job_id={line.JobId};cost_code={line.CostCode}")),
                Figure.Usd("actual", line.Actual, VarianceTool, new SourceRef("ledger", "ledger_bill_lines+ledger_journal_lines", $"job={line.JobId};item={line.CostCode}")),
                Figure.Usd("estimate_at_completion", line.EstimateAtCompletion, VarianceTool, [.. sources]),
                Figure.Usd("variance", line.Variance, VarianceTool, [.. sources]),
                Figure.Percent("overrun_percent", line.OverrunPercent, VarianceTool, [.. sources]),
                Figure.Percent("committed_percent", line.CommittedPercent, VarianceTool, [.. sources]),
            };
            var what = line.FlagLevel > 0
                ? $"is projected {line.OverrunPercent:0.##}% over its revised budget (threshold {line.FlagThreshold:0.##}% reached)"
                : $"is {line.CommittedPercent:0.##}% committed";
            var narrative = $"Cost code {line.CostCode} on {row.JobName} {what}: revised budget {MoneyText.Usd(line.RevisedBudget)}, committed " +
                $"{MoneyText.Usd(line.Committed)}, actual {MoneyText.Usd(line.Actual)}, estimate at completion {MoneyText.Usd(line.EstimateAtCompletion)} ({line.EacBasis}), " +
                $"variance {MoneyText.Usd(line.Variance)}.";
            var severity = line.FlagLevel >= 3 ? Severity.Critical : line.FlagLevel >= 1 ? Severity.Warning : Severity.Info;
            findings.Add(new Finding($"financial:variance:{line.JobId}:{line.CostCode}", "financial", "budget-variance", severity,
                $"{row.JobName} {line.CostCode} {what}", figures, narrative));
        }

        return CheckResult.Of(findings);
    }

    public static CheckResult LossJobs(FinancialAnalysis analysis, IReadOnlySet<string>? jobs)
    {
        var findings = new List<Finding>();
        foreach (var row in FinancialFigures.Traced(WipTool, () => analysis.Wip(jobs)))
        {
            if (row.Wip is not { IsLossJob: true } wip)
            {
                continue;
            }

            var source = new SourceRef("project", "project_jobs", row.Job.JobId);
            var ledger = new SourceRef("ledger", "ledger_customers", row.LedgerJobId!);
            var figures = new List<Figure>
            {
                Figure.Usd("contract", wip.Contract, WipTool, source),
                Figure.Usd("estimated_total_cost", wip.EstimatedTotalCost, WipTool, new SourceRef("project", "project_budget_lines", $"job_id={row.Job.JobId}")),
                Figure.Usd("estimated_gross_profit", wip.EstimatedGrossProfit, WipTool, source),
                Figure.Usd("cost_to_date", wip.CostToDate, WipTool, ledger),
                Figure.Usd("loss_provision", wip.LossProvision, WipTool, source, ledger),
            };
            var narrative = $"{row.Job.Name} is projected to lose {MoneyText.Usd(-wip.EstimatedGrossProfit)}: contract {MoneyText.Usd(wip.Contract)} against an " +
                $"estimated total cost of {MoneyText.Usd(wip.EstimatedTotalCost)}. The whole loss is recognized now, which needs a provision of {MoneyText.Usd(wip.LossProvision)} beyond the cost-to-cost figures.";
            findings.Add(new Finding($"financial:loss-job:{row.Job.JobId}", "financial", "loss-job", Severity.Critical,
                $"{row.Job.Name} is a loss job", figures, narrative));
        }

        return CheckResult.Of(findings);
    }

    /// <summary>Cost codes in use whose GL mapping is missing, unknown, inactive or not a cost account.</summary>
    public static CheckResult CostCodeMapping(FinancialAnalysis analysis)
    {
        var findings = new List<Finding>();
        const string tool = nameof(CostCodeMappingTools) + "." + nameof(CostCodeMappingTools.Validate);
        var books = analysis.Data.Books;
        var inUse = books.BudgetLines.Select(b => b.CostCode).Concat(books.CommitmentLines.Select(l => l.CostCode))
            .Concat(analysis.Data.SubInvoices.SelectMany(i => i.Lines.Select(l => l.CostCode))).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in FinancialFigures.Traced(tool, () => CostCodeMappingTools.Validate(inUse, analysis.Data.CostCodeAccounts, analysis.Data.Accounts)))
        {
            var source = new SourceRef("ledger", "map_cost_code_accounts", problem.CostCode);
            var uses = books.BudgetLines.Count(b => b.CostCode == problem.CostCode) + books.CommitmentLines.Count(l => l.CostCode == problem.CostCode);
            findings.Add(new Finding($"financial:cost-code-mapping:{problem.CostCode}", "financial", "cost-code-mapping", Severity.Warning,
                $"Cost code {problem.CostCode} {problem.Problem}", [Figure.Count("budget_and_commitment_lines", uses, tool, source)],
                $"Cost code {problem.CostCode} {problem.Problem}; it is used on {uses} budget and commitment lines. " +
                "Fix mappings/cost-code-accounts.csv so bills and actual cost land on the right account."));
        }

        return CheckResult.Of(findings);
    }
}
