using System.Globalization;
using BackOffice.Domain.Collections;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// The "collections.record-promise" payload (issue 5): amounts in dollars and cents as text ("20095.00"), dates
/// yyyy-MM-dd. The collector edits amount and promised_date to what was promised before approving.
/// </summary>
public sealed partial record RecordPromisePayload(string InvoiceId, string Amount, string PromisedDate, string RecordedOn, string? Note) : IActionPayload
{
    public static string Kind => "collections.record-promise";

    /// <summary>The promise with id <paramref name="id"/> (the proposal's idempotency key); a bad field is refused naming it.</summary>
    public PromiseToPay ToPromise(string id)
    {
        var amountText = Text(Amount);
        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0m
            || amount != decimal.Round(amount, 2))
        {
            throw new ProposalPayloadException($"amount: '{amountText}' is not a positive amount in dollars and cents such as 1250.00.");
        }

        return new PromiseToPay(id, Text(InvoiceId) ?? throw new ProposalPayloadException("invoice_id: missing."), amount,
            Date("promised_date", PromisedDate), Date("recorded_on", RecordedOn));
    }

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DateOnly Date(string name, string? text) =>
        DateOnly.TryParseExact(Text(text), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new ProposalPayloadException($"{name}: '{Text(text)}' is not a date yyyy-MM-dd.");
}
