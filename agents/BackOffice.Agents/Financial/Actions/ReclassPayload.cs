using System.Globalization;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Financial;
using BackOffice.Store.Ledger;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// The "ledger.create-journal-entry" payload of a reclass (issue 3): <c>{ txn_date, memo, source_line, lines: [ { account_id,
/// posting_type: Debit|Credit, amount, customer_id, description } ] }</c>, amounts as invariant decimal text.
/// </summary>
public sealed partial record ReclassPayload(string TxnDate, string? Memo, string SourceLine, IReadOnlyList<ReclassLine> Lines) : IActionPayload
{
    public static string Kind => "ledger.create-journal-entry";

    public string Source() => SourceLine ?? throw new ProposalPayloadException("source_line: missing.");

    public JournalEntryDraft ToEntry()
    {
        var source = Source();
        var date = DateOnly.TryParseExact(TxnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ProposalPayloadException("txn_date: missing or not yyyy-MM-dd.");
        var memo = Memo ?? "";
        // The memo must keep naming the line it corrects, even after an edit, or a later sweep would propose it again.
        if (!memo.StartsWith(ReclassEntryStore.MemoPrefix + source + ":", StringComparison.Ordinal))
        {
            memo = ReclassEntryStore.Memo(source, memo);
        }

        var lines = Lines ?? throw new ProposalPayloadException("lines: missing or not an array.");
        return new JournalEntryDraft(date, null, memo,
            lines.Select((l, i) => (l ?? throw new ProposalPayloadException($"lines[{i}]: not an object.")).ToDraft(i)).ToList());
    }
}

public sealed record ReclassLine(string AccountId, string PostingType, string Amount, string? CustomerId, string? Description)
{
    internal JournalLineDraft ToDraft(int index)
    {
        var amount = decimal.TryParse(Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            ? a : throw new ProposalPayloadException($"lines[{index}].amount: missing or not a number.");
        var posting = Enum.TryParse<PostingType>(PostingType, out var p)
            ? p : throw new ProposalPayloadException($"lines[{index}].posting_type: Debit or Credit.");
        return new JournalLineDraft(AccountId ?? throw new ProposalPayloadException($"lines[{index}].account_id: missing."),
            posting, amount, CustomerId, Description);
    }
}
