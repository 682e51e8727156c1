using System.ComponentModel;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Documents;

/// <summary>A bill already on record (ledger bill or another inbox document), keyed by vendor.</summary>
public sealed record KnownBill(string Source, string Id, string VendorKey, string? InvoiceNumber, decimal Amount, DateOnly? Date);

public enum DuplicateBasis
{
    SameNumber,
    SameAmountCloseDates,
}

public sealed record DuplicateHit(DuplicateBasis Basis, KnownBill Existing);

/// <summary>
/// Duplicate bills (issue 6): the same vendor and invoice number (compared as NameNormalizer.DocumentNumber does:
/// "INV-0042" = "inv 42"), or the same vendor and amount with dates within <c>windowDays</c> under another number
/// (a re-keyed or re-sent invoice). Either is an exception for a person; neither is dropped silently.
/// </summary>
public static class DuplicateDetector
{
    public const int DefaultWindowDays = 14;

    [Description("Find bills on record that the candidate bill duplicates: same vendor and number, or same vendor and amount within a window of days.")]
    public static IReadOnlyList<DuplicateHit> Find(
        [Description("The bill being checked")] KnownBill candidate,
        [Description("Bills on record: ledger bills and earlier inbox documents")] IReadOnlyList<KnownBill> existing,
        [Description("How many days apart two bills of the same amount may be dated and still be suspected duplicates")] int windowDays)
    {
        var number = NameNormalizer.DocumentNumber(candidate.InvoiceNumber);
        var hits = new List<DuplicateHit>();
        foreach (var other in existing.Where(e => e.VendorKey == candidate.VendorKey && !(e.Source == candidate.Source && e.Id == candidate.Id)))
        {
            if (number.Length > 0 && NameNormalizer.DocumentNumber(other.InvoiceNumber) == number)
            {
                hits.Add(new DuplicateHit(DuplicateBasis.SameNumber, other));
            }
            else if (other.Amount == candidate.Amount && candidate.Amount != 0m && Close(candidate.Date, other.Date, windowDays))
            {
                hits.Add(new DuplicateHit(DuplicateBasis.SameAmountCloseDates, other));
            }
        }

        return hits;
    }

    private static bool Close(DateOnly? a, DateOnly? b, int windowDays) =>
        a is { } x && b is { } y && Math.Abs(x.DayNumber - y.DayNumber) <= windowDays;
}
