using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Narration;

namespace BackOffice.Tests.Narration;

/// <summary>
/// Six items shaped like the agents' own findings and proposals (sub invoice without a bill, cost overrun, loss job,
/// dunning email, payroll shortfall, price change), each with its template narrative and faithful rephrasings in
/// placeholder form, as a model following prompts/narration would write them (issue 15).
/// </summary>
internal sealed record CorpusItem(string Name, NarrativeSlots Slots, IReadOnlyList<string> Faithful);

internal static class NarrativeCorpusItems
{
    /// <summary>Ways a faithful narrative is framed; none changes a figure or speaks to the approver. (Declared before
    /// <see cref="All"/>: static fields initialise in order.)</summary>
    private static readonly (string Before, string After)[] Framings =
        [("", ""), ("In short: ", ""), ("", " Each value comes from the back office's records."), ("Summary: ", " The records behind each value are linked.")];

    public static IReadOnlyList<CorpusItem> All { get; } =
    [
        Item("sub-invoice", [Figure.Usd("gross", 18400m, "t"), Figure.Usd("retainage", 1840m, "t"), Figure.Percent("retainage_percent", 10m, "t"),
                Figure.Usd("net_payable", 16560m, "t"), Figure.Date("invoice_date", new DateOnly(2026, 11, 3), "t"), Figure.Count("lines", 2, "t")], null,
            "Approved sub invoice RP-007 (Rivera Plumbing LLC) has no bill",
            "Subcontractor invoice RP-007 from Rivera Plumbing LLC dated 2026-11-03 has gross $18,400.00 and no bill; retainage of $1,840.00 (10%) is held, so the net payable is $16,560.00 on 2 lines.",
            "Rivera Plumbing LLC sent invoice {ref_1} with gross {gross}, and the ledger has no bill for it. Retainage of {retainage} is held back, so the net payable is {net_payable}.",
            "The gross {gross} on invoice {ref_1} is not yet billed: after retainage of {retainage} ({retainage_percent}), the net payable is {net_payable}.",
            "Invoice {ref_1}, dated {invoice_date}, carries gross {gross}; retainage {retainage} is withheld and the net payable of {net_payable} has no bill in the ledger.",
            "No bill exists for invoice {ref_1}. Its gross is {gross}, the retainage held is {retainage}, and the net payable comes to {net_payable}.",
            "Net payable {net_payable} is what remains of gross {gross} once retainage {retainage} is held; invoice {ref_1} has no bill yet."),
        Item("cost-overrun", [Figure.Usd("revised_budget", 120000m, "t"), Figure.Usd("committed", 95000m, "t"), Figure.Usd("actual", 131500.50m, "t"),
                Figure.Usd("variance", -11500.50m, "t"), Figure.Percent("overrun_percent", 9.58m, "t")], null,
            "Harbor Point 03-300 is over budget",
            "Cost code 03-300 on Harbor Point is over budget: revised budget $120,000.00, committed $95,000.00, actual $131,500.50, variance -$11,500.50 (9.58% overrun).",
            "On Harbor Point, cost code {ref_1} has actual cost {actual} against a revised budget of {revised_budget}; the variance is {variance}, an overrun of {overrun_percent}, with {committed} committed.",
            "Harbor Point's cost code {ref_1} is running past its revised budget {revised_budget}: actual is {actual} and committed is {committed}, so the variance stands at {variance}.",
            "Variance {variance} on cost code {ref_1}: the revised budget is {revised_budget}, actual cost is {actual}, committed cost is {committed}, an overrun of {overrun_percent}.",
            "The job Harbor Point has spent actual {actual} on cost code {ref_1} against revised budget {revised_budget} and committed {committed}; that leaves a variance of {variance}.",
            "Committed {committed} and actual {actual} both sit against revised budget {revised_budget} for cost code {ref_1}, giving variance {variance} and an overrun of {overrun_percent}."),
        Item("loss-job", [Figure.Usd("contract", 850000m, "t"), Figure.Usd("estimated_total_cost", 910000m, "t"), Figure.Usd("estimated_gross_profit", -60000m, "t"),
                Figure.Usd("loss_provision", 60000m, "t")], null,
            "Harbor Point is a loss job",
            "Harbor Point is projected to lose $60,000.00: contract $850,000.00 against an estimated total cost of $910,000.00, so the loss provision is $60,000.00.",
            "With contract {contract} and an estimated total cost of {estimated_total_cost}, Harbor Point is projected to lose {estimated_gross_profit:abs}; the loss provision is {loss_provision}.",
            "The estimated gross profit on Harbor Point is {estimated_gross_profit}, a loss: contract {contract} is less than the estimated total cost {estimated_total_cost}, and the loss provision is {loss_provision}.",
            "Harbor Point will lose {estimated_gross_profit:abs}: the contract is {contract} while the estimated total cost is {estimated_total_cost}. A loss provision of {loss_provision} covers it.",
            "A loss provision of {loss_provision} is booked for Harbor Point because the estimated total cost {estimated_total_cost} exceeds the contract {contract}, so the job is projected to lose {estimated_gross_profit:abs}."),
        Item("dunning", [Figure.Usd("amount_due", 12400m, "t"), Figure.Count("days_past_due", 45, "t"), Figure.Date("due_date", new DateOnly(2026, 10, 1), "t"),
                Figure.Date("pay_by_date", new DateOnly(2026, 12, 1), "t")],
            new JsonObject { ["invoice_number"] = "INV-1042", ["customer_name"] = "Baypoint Owners LLC", ["channel"] = "email", ["level"] = 2 },
            "Send the firm email for invoice INV-1042",
            "Send the level 2 (Firm) email to Baypoint Owners LLC about invoice INV-1042. It is 45 days past due with $12,400.00 open, due 2026-10-01; we ask for payment by 2026-12-01.",
            "Invoice {invoice_number} to {customer_name} is {days_past_due} days past due with {amount_due} open; it was due {due_date} and the message asks for payment by {pay_by_date}.",
            "{customer_name} owes {amount_due} on invoice {invoice_number}, which was due {due_date} and is {days_past_due} days past due. The level {ref_1} firm email asks for payment by {pay_by_date}.",
            "The firm email about invoice {invoice_number} goes to {customer_name}: {amount_due} is open and {days_past_due} days past due. Due date {due_date}; requested payment by {pay_by_date}.",
            "This is the level {ref_1} reminder for {customer_name}: invoice {invoice_number} has {amount_due} open, was due {due_date}, and is {days_past_due} days past due; the email asks for payment by {pay_by_date}."),
        Item("payroll", [Figure.Usd("regular_rate", 42.50m, "t"), Figure.Usd("paid_gross", 2040m, "t"), Figure.Usd("required_gross", 2295m, "t"),
                Figure.Usd("overtime_premium", 255m, "t"), Figure.Date("week_start", new DateOnly(2026, 11, 9), "t"), Figure.Count("punch_issues", 1, "t")], null,
            "Pay for J. Ortiz short for the week of 2026-11-09",
            "For the week of 2026-11-09 J. Ortiz was paid $2,040.00 but the rules require $2,295.00: the overtime premium of $255.00 at a regular rate of $42.50 is missing; 1 punch issue.",
            "J. Ortiz was paid {paid_gross} for the week of {week_start}, while the rules require {required_gross}; the missing overtime premium is {overtime_premium}, at a regular rate of {regular_rate}.",
            "The payroll run paid {paid_gross} to J. Ortiz for the week of {week_start}. Required gross is {required_gross}, because an overtime premium of {overtime_premium} on a regular rate of {regular_rate} was left out.",
            "Regular rate {regular_rate}; overtime premium {overtime_premium}; paid gross {paid_gross} against required gross {required_gross} for the week of {week_start}.",
            "For the week of {week_start}, J. Ortiz has paid gross {paid_gross} but required gross {required_gross}: the overtime premium {overtime_premium} at regular rate {regular_rate} is missing, with {punch_issues} punch issue."),
        Item("price-change", [Figure.Usd("old_unit_cost", 61.25m, "t"), Figure.Usd("new_unit_cost", 68.91m, "t"), Figure.Percent("cost_change_percent", 12.5m, "t"),
                Figure.Percent("threshold_percent", 10m, "t"), Figure.Usd("new_sell_price", 84.20m, "t"), Figure.Count("estimates_moving", 3, "t")], null,
            "Price of EMT-075 conduit moves past the threshold",
            "Graybar's new file moves EMT-075 from $61.25 to $68.91, a change of 12.5%, above the 10% threshold; the new sell price is $84.20 and 3 open estimates move.",
            "Graybar's latest price file raises the unit cost of {ref_1} from old unit cost {old_unit_cost} to new unit cost {new_unit_cost}, a change of {cost_change_percent} against a threshold of {threshold_percent}; the new sell price becomes {new_sell_price}, and {estimates_moving} open estimates move.",
            "For {ref_1}, the old unit cost {old_unit_cost} becomes a new unit cost of {new_unit_cost}: a cost change of {cost_change_percent}, past the threshold of {threshold_percent}. The new sell price is {new_sell_price}; {estimates_moving} open estimates are affected.",
            "New sell price {new_sell_price} follows from Graybar's file: the unit cost goes from old cost {old_unit_cost} to new cost {new_unit_cost}, a change of {cost_change_percent}, which is beyond the threshold of {threshold_percent}.",
            "{ref_1} moves from old unit cost {old_unit_cost} to new unit cost {new_unit_cost} in Graybar's file, a change of {cost_change_percent} that passes the {threshold_percent} threshold, so the new sell price is {new_sell_price}."),
    ];

    private static CorpusItem Item(string name, Figure[] figures, JsonObject? payload, string title, string template, params string[] rephrasings)
    {
        var slots = NarrativeSlots.For(figures, payload, title, template);
        var texts = new[] { slots.Template }.Concat(rephrasings);
        return new CorpusItem(name, slots, texts.SelectMany(t => Framings.Select(f => f.Before + t + f.After)).ToList());
    }
}
