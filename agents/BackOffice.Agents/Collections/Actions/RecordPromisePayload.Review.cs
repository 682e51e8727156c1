using System.Globalization;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>Issue 19: a promise is a positive amount in cents, promised on or after the day it was recorded, on an invoice that exists.</summary>
public sealed partial record RecordPromisePayload : IReviewedPayload
{
    private static readonly SourceRef PayloadSource = new("gate", "proposals", "payload");

    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Required(problems, "invoice_id", InvoiceId);
        PayloadChecks.Amount(problems, "amount", Amount, SignRule.Positive);
        var promised = PayloadChecks.Date(problems, "promised_date", PromisedDate);
        var recorded = PayloadChecks.Date(problems, "recorded_on", RecordedOn);
        if (promised < recorded)
        {
            problems.Add(new PayloadProblem("promised_date", $"{PromisedDate} is before the day it was recorded, {RecordedOn}."));
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References()
    {
        yield return new PayloadReference("invoice_id", RecordKind.Invoice, InvoiceId);
    }

    public PayloadSummary? Describe()
    {
        var amount = decimal.Parse(Amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var promised = DateOnly.ParseExact(PromisedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new PayloadSummary(
            $"Record a promise to pay {MoneyText.Usd(amount)} on invoice {InvoiceId} by {PromisedDate}",
            [
                Figure.Usd("promised_amount", amount, nameof(RecordPromisePayload), PayloadSource),
                Figure.Date("promised_date", promised, nameof(RecordPromisePayload), PayloadSource),
            ],
            $"The customer promised {MoneyText.Usd(amount)} on invoice {InvoiceId} by {PromisedDate} (recorded {RecordedOn}).",
            amount);
    }
}
