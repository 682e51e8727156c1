namespace BackOffice.Kernel.Exports;

/// <summary>
/// Vendor status words to canonical statuses (issue 14). Values seen in real exports are in notes/procore.md ([BT-WCI],
/// Procore commitment statuses section 4); a word not listed is an error naming it, never a guess.
/// </summary>
public static class ExportStatuses
{
    /// <summary>"Sub/Vendor Approved - 8-13-26" carries a date suffix; the words before it decide.</summary>
    public static string? BuildertrendPurchaseOrder(ExportRow row) => Map(row, "status", text => text switch
    {
        _ when text.Contains("declined") || text.StartsWith("cancel") || text.StartsWith("void") => "void",
        _ when text.StartsWith("complete") => "complete",
        _ when text.Contains("approved") => "approved",
        _ when text.StartsWith("draft") => "draft",
        _ when text.StartsWith("sent") || text.StartsWith("pending") || text.StartsWith("released") => "pending",
        _ => null,
    }, "Draft, Sent, Released, Sub/Vendor Approved, Client Approved, Declined, Cancelled or Complete");

    public static string? BuildertrendBill(ExportRow row) => Map(row, "status", text => text switch
    {
        "paid" => "paid",
        "approved" or "ready for payment" => "approved",
        "pending approval" or "pending" or "open" => "pending",
        "void" or "voided" => "void",
        "draft" => "draft",
        _ => null,
    }, "Paid, Approved, Ready for Payment, Pending Approval, Draft or Void");

    public static string? BuildertrendChangeOrder(ExportRow row) => Map(row, "status", text => text switch
    {
        _ when text.StartsWith("approved") => "approved",
        _ when text.StartsWith("pending") || text.StartsWith("under review") || text.StartsWith("released") => "pending",
        _ when text.StartsWith("declined") || text.StartsWith("void") || text.StartsWith("cancel") => "void",
        _ => null,
    }, "Approved, Pending, Under Review, Released, Declined or Void");

    public static string? ProcoreCommitment(ExportRow row) => Map(row, "status", text => text switch
    {
        "draft" => "draft",
        "out for bid" or "out for signature" or "submitted" or "processing" => "pending",
        "approved" or "partially received" or "received" => "approved",
        "complete" or "closed" => "complete",
        "terminated" or "void" => "void",
        _ => null,
    }, "Draft, Out For Bid, Out For Signature, Submitted, Processing, Approved, Received, Complete, Terminated or Void");

    private static string? Map(ExportRow row, string field, Func<string, string?> map, string expected)
    {
        var text = row.RequiredText(field);
        if (text.Length == 0)
        {
            return null;
        }

        var status = map(text.Trim().ToLowerInvariant());
        if (status is null)
        {
            row.Fail(field, $"unknown status '{text}': expected {expected}");
        }

        return status;
    }
}
