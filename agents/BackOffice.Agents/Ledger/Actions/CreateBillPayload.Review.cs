using System.Globalization;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Ledger.Actions;

/// <summary>
/// Issue 19: the bill checks itself at edit time (dates that exist, amounts in cents, a positive total, a due date not
/// before the bill date) and describes itself, so an approver sees the total the edited lines add up to.
/// </summary>
public sealed partial record CreateBillPayload : IReviewedPayload
{
    private static readonly SourceRef PayloadSource = new("gate", "proposals", "payload");

    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Required(problems, "vendor_id", VendorId);
        var txn = PayloadChecks.Date(problems, "txn_date", TxnDate);
        var due = PayloadChecks.Date(problems, "due_date", DueDate, required: false);
        if (txn is not null && due is not null && due < txn)
        {
            problems.Add(new PayloadProblem("due_date", $"{DueDate} is before the bill date {TxnDate}."));
        }

        if (Lines is null || Lines.Count == 0)
        {
            problems.Add(new PayloadProblem("lines", "a bill needs at least one line."));
            return problems;
        }

        var amounts = Lines.Select((line, i) => CheckLine(problems, line, i)).ToList();
        if (PayloadChecks.Sum(amounts) is { } total && total <= 0m)
        {
            problems.Add(new PayloadProblem("lines", $"the lines add up to {MoneyText.Usd(total)}; a bill must total more than zero."));
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References()
    {
        yield return new PayloadReference("vendor_id", RecordKind.Vendor, VendorId);
        for (var i = 0; i < Lines.Count; i++)
        {
            yield return new PayloadReference($"lines[{i}].account_id", RecordKind.Account, Lines[i].AccountId);
            if (Text(Lines[i].CustomerId) is { } customer)
            {
                yield return new PayloadReference($"lines[{i}].customer_id", RecordKind.Customer, customer);
            }
        }
    }

    /// <summary>Call after <see cref="Validate"/> found nothing: every amount parses.</summary>
    public PayloadSummary? Describe()
    {
        var total = Lines.Sum(l => decimal.Parse(l.Amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        var vendor = Text(VendorName) ?? VendorId;
        var document = Text(DocNumber) is { } doc ? $" {doc}" : "";
        var figures = new List<Figure>
        {
            Figure.Usd("bill_total", total, nameof(CreateBillPayload), PayloadSource),
            Figure.Count("line_count", Lines.Count, nameof(CreateBillPayload), PayloadSource),
            Figure.Date("txn_date", DateOnly.ParseExact(TxnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), nameof(CreateBillPayload), PayloadSource),
        };
        if (Text(DueDate) is { } due)
        {
            figures.Add(Figure.Date("due_date", DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture), nameof(CreateBillPayload), PayloadSource));
        }

        var narrative = $"A bill{document} to {vendor} dated {TxnDate}" + (Text(DueDate) is { } d ? $", due {d}" : "") +
            $", {Lines.Count} line(s) totalling {MoneyText.Usd(total)}.";
        return new PayloadSummary($"Draft bill{document} to {vendor} for {MoneyText.Usd(total)}", figures, narrative, total);
    }

    private static decimal? CheckLine(List<PayloadProblem> problems, CreateBillLine? line, int index)
    {
        if (line is null)
        {
            problems.Add(new PayloadProblem($"lines[{index}]", "not an object."));
            return null;
        }

        PayloadChecks.Required(problems, $"lines[{index}].account_id", line.AccountId);
        // A line may be negative: retainage held is a negative line (issue 2); the total must still be positive.
        return PayloadChecks.Amount(problems, $"lines[{index}].amount", line.Amount, SignRule.Any);
    }
}
