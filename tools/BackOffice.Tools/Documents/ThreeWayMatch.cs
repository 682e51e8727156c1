using System.ComponentModel;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Documents;

/// <param name="Remaining">What is still open on the order or commitment: its amount less what was already billed against it.</param>
public sealed record OrderLeg(string Reference, decimal OrderAmount, decimal BilledToDate)
{
    public decimal Remaining => OrderAmount - BilledToDate;
}

/// <summary>The receipt (goods) or progress (work in place, e.g. the approved pay application) the invoice is paid against.</summary>
public sealed record ReceiptLeg(string Reference, decimal Amount);

/// <param name="Name">"price", "quantity" or "amount".</param>
public sealed record MatchCheck(string Name, string Against, ToleranceOutcome Outcome);

/// <param name="ThreeWay">False when no receipt or progress record exists: only the order was matched, and the result says so.</param>
public sealed record MatchResult(bool Matched, bool ThreeWay, IReadOnlyList<MatchCheck> Checks, IReadOnlyList<string> Problems);

/// <summary>Line-level check: ordered unit price vs invoiced, received quantity vs invoiced, and (issue 16) received vs ordered.</summary>
/// <param name="OrderedQuantity">The quantity ordered, when known: receiving more than it is an over-receipt.</param>
public sealed record LineMatch(decimal OrderedUnitPrice, decimal InvoicedUnitPrice, decimal ReceivedQuantity, decimal InvoicedQuantity, decimal? OrderedQuantity = null);

/// <summary>
/// Three-way match of an invoice to its order (PO or subcontract) and its receipt or progress record (issue 6).
/// The invoice amount is held to the order's remaining amount and to the receipt/progress amount with the amount
/// tolerance; line prices to the ordered price (price tolerance); line quantities to what was received
/// (quantity tolerance). Anything outside a tolerance is an exception with both figures, never adjusted.
/// </summary>
public static class ThreeWayMatch
{
    [Description("Match an invoice amount to its order's remaining amount and its receipt or progress amount, with explicit tolerances.")]
    public static MatchResult Match(
        [Description("Invoice amount before retainage, in dollars")] decimal invoiceAmount,
        [Description("The order or commitment, with what was billed against it already")] OrderLeg order,
        [Description("The receipt or approved progress record, or null when none exists")] ReceiptLeg? receipt,
        [Description("Tolerance on amounts")] Tolerance amountTolerance,
        [Description("Line-level price and quantity figures, empty when the order has no unit prices")] IReadOnlyList<LineMatch> lines,
        [Description("Tolerance on unit prices")] Tolerance priceTolerance,
        [Description("Tolerance on quantities")] Tolerance quantityTolerance,
        [Description("Tolerance on receiving more than ordered (over-receipt); null for none allowed")] Tolerance? overReceiptTolerance = null)
    {
        // Issue 16: only receiving beyond the order is an over-receipt; receiving less is a short shipment the quantity check sees.
        var overReceipt = (overReceiptTolerance ?? Tolerance.Exact) with { Direction = ToleranceDirection.UpperOnly };
        var checks = new List<MatchCheck>
        {
            // Against the order only over-billing matters: billing less than what is left open is normal progress.
            new("amount", order.Reference, (amountTolerance with { Direction = ToleranceDirection.UpperOnly }).Check(order.Remaining, invoiceAmount)),
        };
        if (receipt is not null)
        {
            checks.Add(new MatchCheck("amount", receipt.Reference, amountTolerance.Check(receipt.Amount, invoiceAmount)));
        }

        foreach (var line in lines)
        {
            checks.Add(new MatchCheck("price", order.Reference, priceTolerance.Check(line.OrderedUnitPrice, line.InvoicedUnitPrice)));
            checks.Add(new MatchCheck("quantity", receipt?.Reference ?? order.Reference, quantityTolerance.Check(line.ReceivedQuantity, line.InvoicedQuantity)));
            if (line.OrderedQuantity is { } ordered)
            {
                checks.Add(new MatchCheck("over-receipt", order.Reference, overReceipt.Check(ordered, line.ReceivedQuantity)));
            }
        }

        var problems = checks.Where(c => !c.Outcome.Within).Select(Describe).ToList();
        if (receipt is null)
        {
            problems.Add("no receipt or progress record: two-way match only");
        }

        return new MatchResult(checks.All(c => c.Outcome.Within), receipt is not null, checks, problems);
    }

    private static string Describe(MatchCheck c) =>
        $"{c.Name} {Plain(c.Outcome.Actual)} vs {Plain(c.Outcome.Expected)} on {c.Against}: variance {Plain(c.Outcome.Variance)} exceeds the allowed {Plain(c.Outcome.Allowed)}";

    private static string Plain(decimal d) => d.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture);
}
