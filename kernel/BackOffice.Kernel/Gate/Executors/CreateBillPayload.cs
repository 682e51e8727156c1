using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Ledger;
using BackOffice.Domain.Ledger;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>A payload the executor cannot read; names the field so the approver can fix it.</summary>
public sealed class ProposalPayloadException(string message) : Exception(message);

/// <summary>
/// Reads the "ledger.create-bill" payload:
/// <c>{ vendor_id, vendor_name, txn_date, due_date, doc_number, memo, lines: [ { account_id, customer_id, cost_code, description, amount } ] }</c>.
/// Amounts are invariant decimal strings ("1234.50") so that no float ever carries money (DESIGN.md rule 8).
/// </summary>
public static class CreateBillPayload
{
    public static BillDraft Parse(JsonObject payload)
    {
        var lines = payload["lines"] as JsonArray ?? throw new ProposalPayloadException("lines: missing or not an array.");
        return new BillDraft(
            Required(payload, "vendor_id"),
            Date(payload, "txn_date") ?? throw new ProposalPayloadException("txn_date: missing."),
            Date(payload, "due_date"),
            Optional(payload, "doc_number"),
            Optional(payload, "memo"),
            lines.Select((node, i) => Line(node as JsonObject ?? throw new ProposalPayloadException($"lines[{i}]: not an object."), i)).ToList());
    }

    private static BillLineDraft Line(JsonObject line, int index)
    {
        var text = Optional(line, "amount") ?? throw new ProposalPayloadException($"lines[{index}].amount: missing.");
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new ProposalPayloadException($"lines[{index}].amount: '{text}' is not an invariant decimal such as 1234.50.");
        }

        return new BillLineDraft(
            Optional(line, "account_id") ?? throw new ProposalPayloadException($"lines[{index}].account_id: missing."),
            Optional(line, "customer_id"), Optional(line, "cost_code"), Optional(line, "description"), amount);
    }

    private static string Required(JsonObject o, string name) =>
        Optional(o, name) ?? throw new ProposalPayloadException($"{name}: missing.");

    private static string? Optional(JsonObject o, string name) =>
        o[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static DateOnly? Date(JsonObject o, string name)
    {
        var text = Optional(o, name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ProposalPayloadException($"{name}: '{text}' is not a date yyyy-MM-dd.");
    }
}
