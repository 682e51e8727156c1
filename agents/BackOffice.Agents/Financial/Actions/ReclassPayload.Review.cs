using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// Issue 19: an edited reclass (date and memo are editable) still has a real date, balanced positive lines and active
/// accounts. Its amounts are not editable, so the agent's title and figures stay (Describe is null).
/// </summary>
public sealed partial record ReclassPayload : IReviewedPayload
{
    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Date(problems, "txn_date", TxnDate);
        PayloadChecks.Required(problems, "source_line", SourceLine);
        if (Lines is null || Lines.Count < 2)
        {
            problems.Add(new PayloadProblem("lines", "a journal entry needs at least a debit and a credit line."));
            return problems;
        }

        var debit = 0m;
        var credit = 0m;
        for (var i = 0; i < Lines.Count; i++)
        {
            PayloadChecks.Required(problems, $"lines[{i}].account_id", Lines[i]?.AccountId);
            var amount = PayloadChecks.Amount(problems, $"lines[{i}].amount", Lines[i]?.Amount, SignRule.Positive) ?? 0m;
            switch (Lines[i]?.PostingType)
            {
                case "Debit": debit += amount; break;
                case "Credit": credit += amount; break;
                default: problems.Add(new PayloadProblem($"lines[{i}].posting_type", $"'{Lines[i]?.PostingType}' is not Debit or Credit.")); break;
            }
        }

        if (problems.Count == 0 && debit != credit)
        {
            problems.Add(new PayloadProblem("lines", $"debits {debit:0.00} and credits {credit:0.00} do not balance."));
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References() =>
        Lines.SelectMany((line, i) => string.IsNullOrWhiteSpace(line.CustomerId)
            ? new[] { new PayloadReference($"lines[{i}].account_id", RecordKind.Account, line.AccountId) }
            : [new PayloadReference($"lines[{i}].account_id", RecordKind.Account, line.AccountId),
               new PayloadReference($"lines[{i}].customer_id", RecordKind.Customer, line.CustomerId)]);

    public PayloadSummary? Describe() => null;
}
