using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>Issue 16 (with issue 19's review): real dates, due on or after the invoice date, work billed less retainage equal to the amount due (G702 line 8), an active customer.</summary>
public sealed partial record OwnerInvoicePayload : IReviewedPayload
{
    private static readonly SourceRef PayloadSource = new("gate", "proposals", "payload");

    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Required(problems, "pay_app_id", PayAppId);
        PayloadChecks.Required(problems, "customer_id", CustomerId);
        var date = PayloadChecks.Date(problems, "txn_date", TxnDate);
        var due = PayloadChecks.Date(problems, "due_date", DueDate);
        if (date is not null && due < date)
        {
            problems.Add(new PayloadProblem("due_date", $"{DueDate} is before the invoice date {TxnDate}."));
        }

        // Issue 16: a release period may bill no new work (the final release at substantial completion), so work may be 0 there.
        var released = RetainageReleased is null ? 0m : PayloadChecks.Amount(problems, "retainage_released", RetainageReleased, SignRule.NonNegative);
        var work = PayloadChecks.Amount(problems, "work_billed", WorkBilled, released > 0m ? SignRule.NonNegative : SignRule.Positive);
        var retainage = PayloadChecks.Amount(problems, "retainage", Retainage, SignRule.NonNegative);
        var amountDue = PayloadChecks.Amount(problems, "amount_due", AmountDue, SignRule.Positive);
        if (work is not null && retainage is not null && amountDue is not null && released is not null && work - retainage + released != amountDue)
        {
            problems.Add(new PayloadProblem("amount_due",
                $"work billed {work:0.00} less retainage {retainage:0.00}{(released == 0m ? "" : $" plus retainage released {released:0.00}")} is not the amount due {amountDue:0.00}."));
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References() => [new PayloadReference("customer_id", RecordKind.Customer, CustomerId)];

    public PayloadSummary? Describe()
    {
        var due = Number(AmountDue, "amount_due");
        return new PayloadSummary(
            $"Invoice the owner {MoneyText.Usd(due)} for pay application {PayAppId}",
            [
                Figure.Usd("work_billed", Number(WorkBilled, "work_billed"), nameof(OwnerInvoicePayload), PayloadSource),
                Figure.Usd("retainage", Number(Retainage, "retainage"), nameof(OwnerInvoicePayload), PayloadSource),
                Figure.Usd("retainage_released", ReleasedAmount(), nameof(OwnerInvoicePayload), PayloadSource),
                Figure.Usd("current_payment_due", due, nameof(OwnerInvoicePayload), PayloadSource),
            ],
            $"An invoice for {MoneyText.Usd(Number(WorkBilled, "work_billed"))} of work billed, less {MoneyText.Usd(Number(Retainage, "retainage"))} retainage: {MoneyText.Usd(due)} due.",
            due);
    }
}
