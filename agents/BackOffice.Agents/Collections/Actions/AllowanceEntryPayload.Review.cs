using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// Issue 16 (with issue 19's review): the entry has a real date, a non-zero amount to the cent, two different active
/// accounts; an edited amount retitles the proposal from the payload alone.
/// </summary>
public sealed partial record AllowanceEntryPayload : IReviewedPayload
{
    private static readonly SourceRef PayloadSource = new("gate", "proposals", "payload");

    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Date(problems, "txn_date", TxnDate);
        PayloadChecks.Required(problems, "allowance_account_id", AllowanceAccountId);
        PayloadChecks.Required(problems, "expense_account_id", ExpenseAccountId);
        PayloadChecks.Amount(problems, "amount", Amount, SignRule.NonZero);
        PayloadChecks.Amount(problems, "required", Required, SignRule.NonNegative);
        PayloadChecks.Amount(problems, "unadjusted", Unadjusted, SignRule.Any);
        if (problems.Count == 0 && AllowanceAccountId == ExpenseAccountId)
        {
            problems.Add(new PayloadProblem("expense_account_id", "the expense and the allowance must be different accounts."));
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References() =>
    [
        new PayloadReference("allowance_account_id", RecordKind.Account, AllowanceAccountId),
        new PayloadReference("expense_account_id", RecordKind.Account, ExpenseAccountId),
    ];

    public PayloadSummary? Describe()
    {
        var amount = AmountValue;
        return new PayloadSummary(
            $"Adjust the allowance for doubtful accounts by {MoneyText.Usd(amount)}",
            [Figure.Usd("adjustment", amount, nameof(AllowanceEntryPayload), PayloadSource)],
            amount > 0m
                ? $"Debit bad debt expense and credit the allowance for doubtful accounts {MoneyText.Usd(amount)}."
                : $"Debit the allowance for doubtful accounts and credit bad debt expense {MoneyText.Usd(-amount)}.",
            Math.Abs(amount));
    }
}
