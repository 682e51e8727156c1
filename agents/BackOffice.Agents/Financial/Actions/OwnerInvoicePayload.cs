using System.Globalization;
using System.Text.Json.Serialization;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sandbox;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// "ledger.create-invoice" (issue 16): the owner invoice for a pay application's current payment due (G702 line 8).
/// <c>{ pay_app_id, job_id, customer_id, doc_number, txn_date, due_date, work_billed, retainage, amount_due, description[, retainage_released] }</c>:
/// one line of the work billed this period (gross), the retainage withheld on it (a rise of G702 line 5), and a total
/// net of it, which must equal line 8. Issue 16: a period whose line 5 falls bills the fall as its own "Retainage release"
/// line (<c>retainage_released</c>, left out of the payload when there is none), which lowers the ledger's retainage receivable.
/// </summary>
public sealed partial record OwnerInvoicePayload(
    string PayAppId, string JobId, string CustomerId, string? DocNumber, string TxnDate, string DueDate,
    string WorkBilled, string Retainage, string AmountDue, string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RetainageReleased = null) : IActionPayload
{
    public static string Kind => "ledger.create-invoice";

    /// <summary>The item that marks a release line; the ledger counts such lines as retainage collected (LedgerFinancialStore.InvoicesAsync).</summary>
    public const string ReleaseItem = InvoiceLineDraft.ReleaseItem;

    /// <summary>The retainage released, 0 when none (a method: a property would be written into the stored payload).</summary>
    public decimal ReleasedAmount() => RetainageReleased is null ? 0m : Number(RetainageReleased, "retainage_released");

    public InvoiceDraft ToInvoice()
    {
        var work = Number(WorkBilled, "work_billed");
        var lines = new List<InvoiceLineDraft>();
        if (work != 0m || ReleasedAmount() == 0m)
        {
            lines.Add(new InvoiceLineDraft("Progress billing", Description, work));
        }

        if (ReleasedAmount() != 0m)
        {
            lines.Add(new InvoiceLineDraft(ReleaseItem, $"Retainage released, application {PayAppId}", ReleasedAmount()));
        }

        return new InvoiceDraft(CustomerId, DocNumber, Day(TxnDate, "txn_date"), Day(DueDate, "due_date"), Number(Retainage, "retainage"), lines);
    }

    internal static decimal Number(string? text, string field) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value : throw new ProposalPayloadException($"{field}: missing or not a number.");

    private static DateOnly Day(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new ProposalPayloadException($"{field}: missing or not yyyy-MM-dd.");
}
