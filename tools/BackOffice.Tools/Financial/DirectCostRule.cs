using System.ComponentModel;
using BackOffice.Domain.Financial;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Financial;

/// <summary>How direct costs booked in the project system count in job cost (issue 14).</summary>
public enum DirectCostMode
{
    /// <summary>A direct cost the ledger also carries (same vendor, invoice number and amount) counts once, as the ledger's; the rest count.</summary>
    Match,

    /// <summary>Every approved direct cost counts beside the ledger's cost (a ledger that never sees them).</summary>
    Include,

    /// <summary>No direct cost counts while the ledger carries any bill (the ERP is assumed to hold them all).</summary>
    ExcludeWhenLedgerConnected,
}

/// <summary>A ledger bill as the rule compares it: its vendor's name, its number and its total.</summary>
public sealed record LedgerBillKey(string VendorName, string? DocNumber, decimal Total);

/// <summary>
/// Issue 14: a Procore direct cost is often the ERP's bill synced back (Procore's ERP integrations push invoices both
/// ways), so adding it to the ledger's cost counts it twice. The rule: a direct cost whose vendor (names compared as
/// identity resolution normalises them), invoice number (trimmed, case-insensitive) and total (to the cent) equal a
/// ledger bill's is already in job cost through that bill and is left out; the others add their lines' amounts.
/// </summary>
public static class DirectCostRule
{
    [Description("The direct cost lines that count in job cost beside the ledger's cost, under the chosen mode (Match, Include, ExcludeWhenLedgerConnected).")]
    public static IReadOnlyList<DirectCostLine> Countable(
        [Description("Approved direct cost lines from the project system")] IReadOnlyList<DirectCostLine> lines,
        [Description("The ledger's bills: vendor name, bill number and total")] IReadOnlyList<LedgerBillKey> bills,
        [Description("How direct costs count")] DirectCostMode mode)
    {
        if (mode == DirectCostMode.Include)
        {
            return lines;
        }

        if (mode == DirectCostMode.ExcludeWhenLedgerConnected)
        {
            return bills.Count > 0 ? [] : lines;
        }

        var billed = bills.Where(b => !string.IsNullOrWhiteSpace(b.DocNumber))
            .Select(b => Key(b.VendorName, b.DocNumber!, b.Total)).ToHashSet(StringComparer.Ordinal);
        return lines.Where(l => l.VendorName is null || string.IsNullOrWhiteSpace(l.InvoiceNumber)
            || !billed.Contains(Key(l.VendorName, l.InvoiceNumber!, l.DirectCostTotal))).ToList();
    }

    private static string Key(string vendor, string number, decimal total) =>
        $"{NameNormalizer.Normalize(vendor)}\n{number.Trim().ToUpperInvariant()}\n{decimal.Round(total, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}";
}
