using System.ComponentModel;
using BackOffice.Domain.Project;

namespace BackOffice.Tools.Retainage;

/// <summary>One subcontractor invoice's retainage against the commitment's terms: <see cref="Difference"/> is held less expected.</summary>
public sealed record SubInvoiceRetainageCheck(string InvoiceId, string Number, decimal CompletedBefore, decimal CompletedToDate, decimal Expected, decimal Held)
{
    public decimal Difference => Held - Expected;
}

/// <summary>A commitment's retainage by its terms: what the terms hold on all its invoices to date, what the invoices held, and each invoice.</summary>
public sealed record CommitmentRetainageTerms(decimal ContractSum, decimal HeldByTerms, decimal HeldOnInvoices, IReadOnlyList<SubInvoiceRetainageCheck> Invoices);

/// <summary>
/// Retainage payable against a subcontract's terms (issue 16): a flat percent or a tiered schedule (for example 10% until
/// 50% complete, then 5%; or nothing after a completion cap). Rounding as <see cref="RetainageTools.UnderSchedule"/>:
/// held to date rounded once to the cent half away from zero, each invoice's expected retainage the difference of two
/// rounded figures to date, so the invoices add up to the total.
/// </summary>
public static class RetainageTermsTools
{
    [Description("Check each subcontractor invoice's retainage against the commitment's schedule (flat or tiered) and give what the terms hold to date.")]
    public static CommitmentRetainageTerms Check(
        [Description("The commitment's value to date (lines plus approved change orders), in dollars: the tiers' percents complete are of this")] decimal contractSum,
        [Description("The commitment's retainage schedule")] RetainageSchedule schedule,
        [Description("The commitment's invoices to check (gross amount and retainage held), in the order they were billed")] IReadOnlyList<SubInvoice> invoices)
    {
        var checks = new List<SubInvoiceRetainageCheck>();
        var completed = 0m;
        foreach (var invoice in invoices)
        {
            var period = RetainageTools.UnderSchedule(contractSum, completed, completed + invoice.Amount, schedule);
            checks.Add(new SubInvoiceRetainageCheck(invoice.Id, invoice.Number, completed, completed + invoice.Amount, period.ThisPeriod, invoice.Retainage));
            completed += invoice.Amount;
        }

        var toDate = RetainageTools.UnderSchedule(contractSum, 0m, completed, schedule);
        return new CommitmentRetainageTerms(contractSum, toDate.HeldToDate, invoices.Sum(i => i.Retainage), checks);
    }
}
