using System.ComponentModel;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Reconciliation;

/// <summary>A bill as it should be entered for an approved subcontractor invoice (docs/DATA-FORMAT.md, "Sub invoices in the ledger").</summary>
public sealed record SubInvoiceBillDraft(decimal Gross, decimal Retainage, decimal NetPayable, IReadOnlyList<BillLineDraft> Lines);

/// <summary>Either a draft, or the reasons one cannot be drafted without guessing (DESIGN.md rule 7: fail closed).</summary>
public sealed record BillDraftResult(SubInvoiceBillDraft? Draft, IReadOnlyList<string> Problems);

/// <summary>Ties approved subcontractor invoices (project side) to bills (ledger side).</summary>
public static class SubInvoiceBillTools
{
    [Description("Find the ledger bill that records a subcontractor invoice: same vendor and the same invoice number.")]
    public static LedgerBill? FindBill(
        [Description("The approved subcontractor invoice from the project system")] SubInvoice invoice,
        [Description("The ledger vendor id the invoice's vendor resolved to")] string ledgerVendorId,
        [Description("Active ledger bills")] IReadOnlyList<LedgerBill> bills)
    {
        var number = NameNormalizer.DocumentNumber(invoice.Number);
        return bills.FirstOrDefault(b => b.VendorId == ledgerVendorId && NameNormalizer.DocumentNumber(b.DocNumber) == number);
    }

    [Description("Draft the ledger bill for a subcontractor invoice: one cost line per invoice line at its cost code's GL account, and a negative line moving retainage to Retainage Payable.")]
    public static BillDraftResult DraftBill(
        [Description("The approved subcontractor invoice")] SubInvoice invoice,
        [Description("Ledger customer (job) id the cost is charged to")] string ledgerJobId,
        [Description("Cost code -> GL account id map")] IReadOnlyDictionary<string, string> costCodeAccounts,
        [Description("GL account id of Retainage Payable, or null if the chart has none")] string? retainagePayableAccountId)
    {
        var problems = new List<string>();
        var linesTotal = invoice.Lines.Sum(l => l.Amount);
        if (invoice.Lines.Count == 0)
        {
            problems.Add($"sub invoice {invoice.Number} has no lines, so its cost codes are unknown");
        }
        else if (linesTotal != invoice.Amount)
        {
            problems.Add($"sub invoice {invoice.Number} lines sum to {linesTotal:0.00} but its amount is {invoice.Amount:0.00}");
        }

        var lines = new List<BillLineDraft>();
        foreach (var line in invoice.Lines)
        {
            if (!costCodeAccounts.TryGetValue(line.CostCode, out var account))
            {
                problems.Add($"cost code {line.CostCode} has no GL account in mappings/cost-code-accounts.csv");
                continue;
            }

            lines.Add(new BillLineDraft(account, ledgerJobId, line.CostCode, line.Description ?? $"Sub invoice {invoice.Number}", line.Amount));
        }

        if (invoice.Retainage != 0m)
        {
            if (retainagePayableAccountId is null)
            {
                problems.Add("retainage is held but the chart of accounts has no Retainage Payable account");
            }
            else
            {
                lines.Add(new BillLineDraft(retainagePayableAccountId, ledgerJobId, null, $"Retainage held on {invoice.Number}", -invoice.Retainage));
            }
        }

        return problems.Count > 0
            ? new BillDraftResult(null, problems)
            : new BillDraftResult(new SubInvoiceBillDraft(invoice.Amount, invoice.Retainage, invoice.Amount - invoice.Retainage, lines), []);
    }

    [Description("Retainage a ledger bill holds back: its negative lines on Retainage Payable, as a positive amount; 0 without the account.")]
    public static decimal RetainageOnBill(
        [Description("The ledger bill with its lines")] LedgerBill bill,
        [Description("GL account id of Retainage Payable, or null if the chart has none")] string? retainageAccountId) =>
        retainageAccountId is null ? 0m : -bill.Lines.Where(l => l.AccountId == retainageAccountId).Sum(l => l.Amount);

    /// <summary>Finds the Retainage Payable account by name among active liability accounts.</summary>
    [Description("Find the chart of accounts' Retainage Payable liability account.")]
    public static string? RetainagePayableAccount([Description("The chart of accounts")] IReadOnlyList<LedgerAccount> accounts) =>
        accounts.Where(a => a.Active && a.Type.Contains("Liability", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(a => NameNormalizer.Normalize(a.Name) is "retainage payable" or "retention payable")?.Id;
}
