using System.Globalization;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;

using BackOffice.Domain.Ledger;

namespace BackOffice.Agents.Ledger.Actions;

/// <summary>
/// The "ledger.create-bill" payload, proposed by the Financial and the Documents agents (issue 12: one record for both).
/// Amounts are invariant decimal strings ("1234.50") so that no float ever carries money (DESIGN.md rule 8); dates are
/// yyyy-MM-dd. An approver may edit due_date, memo and lines, so <see cref="ToBill"/> checks every value again.
/// </summary>
public sealed record CreateBillPayload(
    string VendorId,
    string? VendorName,
    string TxnDate,
    string? DueDate,
    string? DocNumber,
    string? Memo,
    IReadOnlyList<CreateBillLine> Lines) : IActionPayload
{
    public static string Kind => "ledger.create-bill";

    /// <summary>The payload as the ledger writer's draft; a missing or malformed field is refused naming it.</summary>
    public BillDraft ToBill()
    {
        var lines = Lines ?? throw new ProposalPayloadException("lines: missing or not an array.");
        return new BillDraft(
            Text(VendorId) ?? throw new ProposalPayloadException("vendor_id: missing."),
            Date("txn_date", TxnDate) ?? throw new ProposalPayloadException("txn_date: missing."),
            Date("due_date", DueDate),
            Text(DocNumber),
            Text(Memo),
            lines.Select((line, i) => (line ?? throw new ProposalPayloadException($"lines[{i}]: not an object.")).ToDraft(i)).ToList());
    }

    /// <summary>Blank text counts as missing, as it did when payloads were read field by field.</summary>
    internal static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DateOnly? Date(string name, string? text)
    {
        if (Text(text) is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ProposalPayloadException($"{name}: '{text}' is not a date yyyy-MM-dd.");
    }
}

/// <param name="Amount">Invariant decimal text, e.g. "1234.50"; negative for retainage held.</param>
public sealed record CreateBillLine(string AccountId, string? CustomerId, string? CostCode, string? Description, string Amount)
{
    internal BillLineDraft ToDraft(int index)
    {
        var text = CreateBillPayload.Text(Amount) ?? throw new ProposalPayloadException($"lines[{index}].amount: missing.");
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new ProposalPayloadException($"lines[{index}].amount: '{text}' is not an invariant decimal such as 1234.50.");
        }

        return new BillLineDraft(
            CreateBillPayload.Text(AccountId) ?? throw new ProposalPayloadException($"lines[{index}].account_id: missing."),
            CreateBillPayload.Text(CustomerId), CreateBillPayload.Text(CostCode), CreateBillPayload.Text(Description), amount);
    }
}
