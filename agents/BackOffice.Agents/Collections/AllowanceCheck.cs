using System.Text.Json.Nodes;
using BackOffice.Agents.Collections.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>The allowance as the aging requires it, or why it cannot be computed (issue 16).</summary>
internal sealed record AllowanceSituation(AllowanceEstimate? Estimate, string? Problem);

/// <summary>
/// Allowance for doubtful accounts (issue 16): the percentage-of-receivables method over the due-date aging (retainage
/// apart, it is not due), the allowance account's balance from the ledger, and the adjusting entry proposed through the
/// gate (Money: a lead approves). The key holds the required and the unadjusted figures, not the date, so a sweep on
/// unchanged books proposes nothing new; once the entry is executed the adjustment is zero and nothing is proposed.
/// </summary>
internal static class AllowanceCheck
{
    public const string Check = "allowance";

    public static async Task<AllowanceSituation> ComputeAsync(
        TenantData data, CollectionsWorklist worklist, CollectionsOptions options, DateOnly asOf, CancellationToken cancellationToken)
    {
        var allowance = options.Allowance;
        if (!allowance.Configured)
        {
            return new AllowanceSituation(null, "not configured: set Collections:Allowance:Rates, AllowanceAccount and ExpenseAccount");
        }

        if (await data.LedgerFinancials.JournalCreditBalanceAsync(allowance.AllowanceAccount, asOf, cancellationToken) is not { } unadjusted)
        {
            return new AllowanceSituation(null, $"the allowance account {allowance.AllowanceAccount} is not in the chart of accounts");
        }

        var balances = options.Buckets.Labels.Select(l => (l, worklist.Aging.Sum(r => r.Buckets.GetValueOrDefault(l)))).ToList();
        return new AllowanceSituation(AllowanceTools.Estimate(balances, allowance.Rates, unadjusted), null);
    }

    public static async Task<CheckResult> RunAsync(
        TenantData data, CollectionsWorklist worklist, CollectionsOptions options, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (!options.Allowance.Configured)
        {
            return CheckResult.Of([]);
        }

        var situation = await ComputeAsync(data, worklist, options, asOf, cancellationToken);
        if (situation.Estimate is not { } estimate)
        {
            return CheckResult.Of([new Finding("collections:allowance", "collections", Check, Severity.Warning,
                "The allowance for doubtful accounts cannot be computed", [], $"The allowance for doubtful accounts cannot be computed: {situation.Problem}.")]);
        }

        return estimate.Adjustment == 0m ? CheckResult.Of([]) : CheckResult.Of([], [Proposal(estimate, options.Allowance, asOf)]);
    }

    private static ProposalDraft Proposal(AllowanceEstimate estimate, AllowanceOptions options, DateOnly asOf)
    {
        var source = new SourceRef("ledger", "ledger_accounts", options.AllowanceAccount);
        var figures = new List<Figure>
        {
            Figure.Usd("receivables", estimate.Receivables, "AgingTools.ByCustomer"),
            Figure.Usd("required_allowance", estimate.Required, "AllowanceTools.Estimate"),
            Figure.Usd("unadjusted_balance", estimate.UnadjustedCredit, "LedgerFinancialStore.JournalCreditBalanceAsync", source),
            Figure.Usd("adjustment", estimate.Adjustment, "AllowanceTools.Estimate", source),
        };
        var memo = $"{AllowanceEntryPayload.MemoPrefix}: aging as of {asOf:yyyy-MM-dd}";
        var payload = ActionPayloadJson.ToJson(new AllowanceEntryPayload(asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), memo,
            options.AllowanceAccount, options.ExpenseAccount, MoneyText.Plain(estimate.Adjustment), MoneyText.Plain(estimate.Required), MoneyText.Plain(estimate.UnadjustedCredit)));
        var entry = estimate.Adjustment > 0m
            ? $"debit bad debt expense and credit the allowance {MoneyText.Usd(estimate.Adjustment)}"
            : $"debit the allowance and credit bad debt expense {MoneyText.Usd(-estimate.Adjustment)}";
        var narrative = $"Open receivables of {MoneyText.Usd(estimate.Receivables)} by aging class require an allowance for doubtful accounts of " +
                        $"{MoneyText.Usd(estimate.Required)}; the allowance account's balance is {MoneyText.Usd(estimate.UnadjustedCredit)}. Proposed: {entry}.";
        var key = ProposalKeys.For("col-al-", new JsonObject
        {
            ["required"] = MoneyText.Plain(estimate.Required),
            ["unadjusted"] = MoneyText.Plain(estimate.UnadjustedCredit),
        });
        return new ProposalDraft("collections", AllowanceEntryPayload.Kind, $"Adjust the allowance for doubtful accounts by {MoneyText.Usd(estimate.Adjustment)}",
            RiskClass.Money, key, payload, figures, narrative, ["txn_date", "memo", "amount"]);
    }
}
