using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Audit;
using BackOffice.Tools.Documents;

namespace BackOffice.Agents.Documents;

/// <summary>
/// Drafts the A/P bill for a clean bill (issue 6): no exception, not already an approved sub invoice (the Financial
/// agent drafts those). The <see cref="CreateBillPayload"/> of issue 2; GL account from the cost code mapping.
/// </summary>
internal static class BillProposal
{
    private const int DefaultTermsDays = 30;

    public sealed record Drafted(Finding Finding, ProposalDraft Proposal);

    public static Drafted? For(DocumentAnalysis a, DocumentsData data)
    {
        if (!a.IsPayable || a.Document.Text is null || a.Exceptions.Count > 0 || a.CoveredBy is not null || a.Bill is not { } bill)
        {
            return null;
        }

        var retainageAccount = bill.Retainage is > 0m ? BillAnalyzer.RetainageAccount(data) : null;
        if (bill.Retainage is > 0m && retainageAccount is null)
        {
            return null;
        }

        var lines = Lines(a, retainageAccount);
        var payable = bill.Payable!.Value;
        if (lines.Sum(l => l.Amount) != payable)
        {
            return null;
        }

        var key = $"documents:bill-ready:{a.Document.Id}";
        var figures = Figures(a, payable);
        var narrative =
            $"{a.Document.Id} is invoice {bill.InvoiceNumber} from {a.LedgerVendor!.Name} dated {bill.InvoiceDate:yyyy-MM-dd} for {MoneyText.Usd(a.Gross!.Value)}" +
            (bill.Retainage is > 0m ? $" less {MoneyText.Usd(bill.Retainage.Value)} retainage" : "") +
            $". Its arithmetic ties, it matches {a.Order!.Leg.Reference} ({MoneyText.Usd(a.Order.Leg.Remaining)} open" +
            (a.Order.Result.ThreeWay ? ", and its progress record" : "; no receipt record exists, so two-way") +
            $"), and no duplicate is on record. Proposed: a bill for {MoneyText.Usd(payable)} charged to the job, account from cost code {a.CostCode}.";
        var finding = new Finding(key, "documents", "bill-ready", Severity.Info,
            $"Bill {bill.InvoiceNumber} from {a.LedgerVendor.Name} is ready to enter", figures, narrative);
        var payload = Payload(a, lines);
        var proposal = new ProposalDraft("documents", CreateBillPayload.Kind,
            $"Draft bill {bill.InvoiceNumber} to {a.LedgerVendor.Name} for {MoneyText.Usd(payable)}", RiskClass.Money,
            ProposalKeys.For("doc-bill-", payload), payload, figures, narrative, ["due_date", "memo", "lines"], FindingKey: key);
        return new Drafted(finding, proposal);
    }

    private static List<(string Account, string? CostCode, string Description, decimal Amount)> Lines(DocumentAnalysis a, string? retainageAccount)
    {
        var bill = a.Bill!;
        var lines = bill.Lines.Count > 0
            ? bill.Lines.Select(l => (a.AccountId!, (string?)a.CostCode, l.Description, l.Amount)).ToList()
            : [(a.AccountId!, a.CostCode, $"Invoice {bill.InvoiceNumber}", bill.Subtotal ?? bill.Total!.Value)];
        if (bill.Tax is { } tax and not 0m)
        {
            lines.Add((a.AccountId!, a.CostCode, "Sales tax", tax));
        }

        if (bill.Retainage is { } retainage and > 0m)
        {
            lines.Add((retainageAccount!, null, "Retainage held", -retainage));
        }

        return lines;
    }

    private static JsonObject Payload(DocumentAnalysis a, List<(string Account, string? CostCode, string Description, decimal Amount)> lines)
    {
        var bill = a.Bill!;
        var date = bill.InvoiceDate!.Value;
        return ActionPayloadJson.ToJson(new CreateBillPayload(
            a.LedgerVendor!.Id, a.LedgerVendor.Name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (bill.DueDate ?? date.AddDays(DefaultTermsDays)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), bill.InvoiceNumber,
            $"{a.Order!.Leg.Reference} / inbox {a.Document.Id}",
            [.. lines.Select(l => new CreateBillLine(l.Account, a.LedgerJobId, l.CostCode, l.Description, MoneyText.Plain(l.Amount)))]));
    }

    private static List<Figure> Figures(DocumentAnalysis a, decimal payable)
    {
        var source = DocumentFigures.Source(a);
        var figures = new List<Figure>
        {
            Figure.Usd("gross", a.Gross!.Value, nameof(BillExtractor), source),
            Figure.Usd("payable", payable, nameof(BillArithmetic), source),
            Figure.Usd("order_remaining", a.Order!.Leg.Remaining, nameof(ThreeWayMatch),
                a.Order.Commitment is { } c ? new SourceRef("project", "project_commitments", c.Id) : new SourceRef("ledger", "ledger_purchase_orders", a.Order.PurchaseOrderId!)),
            Figure.Date("invoice_date", a.Bill!.InvoiceDate!.Value, nameof(BillExtractor), source),
        };
        if (a.Bill.Retainage is { } r)
        {
            figures.Add(Figure.Usd("retainage", r, nameof(BillExtractor), source));
        }

        return figures;
    }
}
