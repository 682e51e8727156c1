using System.Globalization;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sandbox;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.create-invoice" (issue 16): the owner invoice for a pay application's current payment due (G702 line 8).
/// <c>{ pay_app_id, job_id, customer_id, doc_number, txn_date, due_date, work_billed, retainage, amount_due, description }</c>:
/// one line of the work billed this period (gross), the retainage withheld on it (the change in G702 line 5), and a total
/// net of it, which must equal line 8.
/// </summary>
public sealed partial record OwnerInvoicePayload(
    string PayAppId, string JobId, string CustomerId, string? DocNumber, string TxnDate, string DueDate,
    string WorkBilled, string Retainage, string AmountDue, string? Description) : IActionPayload
{
    public static string Kind => "ledger.create-invoice";

    public InvoiceDraft ToInvoice() => new(
        CustomerId, DocNumber, Day(TxnDate, "txn_date"), Day(DueDate, "due_date"), Number(Retainage, "retainage"),
        [new InvoiceLineDraft("Progress billing", Description, Number(WorkBilled, "work_billed"))]);

    internal static decimal Number(string? text, string field) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value : throw new ProposalPayloadException($"{field}: missing or not a number.");

    private static DateOnly Day(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new ProposalPayloadException($"{field}: missing or not yyyy-MM-dd.");
}
