using System.Globalization;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// The values a follow-up template may use for one queue entry, each figure with its provenance (DESIGN.md rule 1).
/// Names and ids are values too, but not figures: the number check treats them as identifiers.
/// </summary>
internal sealed record DunningValues(IReadOnlyDictionary<string, TemplateValue> Values, IReadOnlyList<Figure> Figures)
{
    public const string Tool = "CollectionsWorklist";

    public static DunningValues For(QueueEntry entry, CollectionsData data, DateOnly asOf, int payByDays)
    {
        var item = entry.Item.Item;
        var invoice = item.Invoice;
        var contact = data.ContactFor(invoice.CustomerId);
        var source = new SourceRef("ledger", "ledger_invoices", invoice.Id);
        var payBy = asOf.AddDays(payByDays);
        var figures = new List<Figure>
        {
            Figure.Usd("amount_due", entry.Item.ChaseAmount, "ChaseListTools.Build", source),
            Figure.Usd("invoice_total", invoice.Total, Tool, source),
            Figure.Usd("applied", item.Applied, "AgingTools.OpenItems", source),
            Figure.Count("days_past_due", item.DaysPastDue, "AgingTools.DaysPastDue", source),
            Figure.Date("invoice_date", invoice.TxnDate, Tool, source),
            Figure.Date("due_date", invoice.DueDate, Tool, source),
            Figure.Date("pay_by_date", payBy, Tool),
            Figure.Count("score", entry.Score, "QueueScoring.Rank", source),
        };
        if (entry.Item.UnappliedCovered > 0m)
        {
            figures.Add(Figure.Usd("unapplied_covered", entry.Item.UnappliedCovered, "ChaseListTools.Build", source));
        }

        var values = new Dictionary<string, TemplateValue>(StringComparer.Ordinal)
        {
            ["amount_due"] = new(MoneyText.Usd(entry.Item.ChaseAmount), MoneyText.Plain(entry.Item.ChaseAmount)),
            ["days_past_due"] = new(Count(item.DaysPastDue), Count(item.DaysPastDue)),
            ["invoice_date"] = new(Day(invoice.TxnDate), Day(invoice.TxnDate)),
            ["due_date"] = new(Day(invoice.DueDate), Day(invoice.DueDate)),
            ["pay_by_date"] = new(Day(payBy), Day(payBy)),
            ["invoice_number"] = new(invoice.DocNumber ?? invoice.Id, null),
            ["job_name"] = new(data.NameOf(invoice.CustomerId), null),
            ["customer_name"] = new(data.NameOf(data.Root(invoice.CustomerId)), null),
            ["contact_name"] = new(contact?.Name ?? data.NameOf(data.Root(invoice.CustomerId)), null),
            ["contact_phone"] = new(contact?.Phone ?? "(no phone on file)", null),
        };
        return new DunningValues(values, figures);
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
