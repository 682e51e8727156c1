using System.Globalization;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// "ledger.adjust-allowance" (issue 16): the adjusting entry that brings the allowance for doubtful accounts to what the
/// aging requires. <c>{ txn_date, memo, allowance_account_id, expense_account_id, amount, required, unadjusted }</c>,
/// amounts as invariant decimal text. A positive amount debits bad debt expense and credits the allowance; a negative
/// amount (the allowance is larger than required) debits the allowance and credits the expense.
/// </summary>
public sealed partial record AllowanceEntryPayload(
    string TxnDate, string? Memo, string AllowanceAccountId, string ExpenseAccountId, string Amount, string Required, string Unadjusted) : IActionPayload
{
    public static string Kind => "ledger.adjust-allowance";

    public const string MemoPrefix = "Allowance for doubtful accounts";

    public decimal AmountValue => decimal.TryParse(Amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
        ? a : throw new ProposalPayloadException("amount: missing or not a number.");

    public JournalEntryDraft ToEntry()
    {
        var date = DateOnly.TryParseExact(TxnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ProposalPayloadException("txn_date: missing or not yyyy-MM-dd.");
        var amount = AmountValue;
        if (amount == 0m)
        {
            throw new ProposalPayloadException("amount: an adjustment of zero writes nothing.");
        }

        var memo = string.IsNullOrWhiteSpace(Memo) ? MemoPrefix : Memo;
        var (expense, allowance) = amount > 0m ? (PostingType.Debit, PostingType.Credit) : (PostingType.Credit, PostingType.Debit);
        return new JournalEntryDraft(date, null, memo,
        [
            new JournalLineDraft(ExpenseAccountId, expense, Math.Abs(amount), null, memo),
            new JournalLineDraft(AllowanceAccountId, allowance, Math.Abs(amount), null, memo),
        ]);
    }
}
