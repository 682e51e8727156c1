using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>Issue 16 (with issue 19's review): a real date, a known side, two held figures that differ, two different active accounts and the job's customer.</summary>
public sealed partial record RetainageEntryPayload : IReviewedPayload
{
    private static readonly SourceRef PayloadSource = new("gate", "proposals", "payload");

    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Date(problems, "txn_date", TxnDate);
        if (Side is not ("receivable" or "payable"))
        {
            problems.Add(new PayloadProblem("side", $"'{Side}' is not receivable or payable."));
        }

        PayloadChecks.Required(problems, "job_id", JobId);
        if (Side == "payable")
        {
            // Issue 16: a payable true-up belongs to one subcontractor; without the vendor it could not be told apart.
            PayloadChecks.Required(problems, "vendor_id", VendorId);
        }

        PayloadChecks.Required(problems, "customer_id", CustomerId);
        var project = PayloadChecks.Amount(problems, "project_held", ProjectHeld, SignRule.NonNegative);
        var ledger = PayloadChecks.Amount(problems, "ledger_held", LedgerHeld, SignRule.Any);
        if (project is not null && project == ledger)
        {
            problems.Add(new PayloadProblem("project_held", "equals ledger_held: there is nothing to hold or release."));
        }

        PayloadChecks.Required(problems, "retainage_account_id", RetainageAccountId);
        PayloadChecks.Required(problems, "trade_account_id", TradeAccountId);
        if (problems.Count == 0 && RetainageAccountId == TradeAccountId)
        {
            problems.Add(new PayloadProblem("trade_account_id", "the trade and the retainage account must differ."));
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References() =>
    [
        new PayloadReference("retainage_account_id", RecordKind.Account, RetainageAccountId),
        new PayloadReference("trade_account_id", RecordKind.Account, TradeAccountId),
        new PayloadReference("customer_id", RecordKind.Customer, CustomerId),
        .. VendorId is null ? Array.Empty<PayloadReference>() : [new PayloadReference("vendor_id", RecordKind.Vendor, VendorId)],
    ];

    public PayloadSummary? Describe()
    {
        var amount = Math.Abs(Difference);
        return new PayloadSummary(
            $"{(Movement == "hold" ? "Hold" : "Release")} {MoneyText.Usd(amount)} of retainage {Side} on {JobId}",
            [Figure.Usd("retainage_entry", amount, nameof(RetainageEntryPayload), PayloadSource)],
            $"The project side holds {MoneyText.Usd(decimal.Parse(ProjectHeld, System.Globalization.CultureInfo.InvariantCulture))} of retainage {Side} on {JobId} and the ledger " +
            $"{MoneyText.Usd(decimal.Parse(LedgerHeld, System.Globalization.CultureInfo.InvariantCulture))}; the entry moves {MoneyText.Usd(amount)}.",
            amount);
    }
}
