namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// One tenant's QuickBooks settings, `QuickBooks:Tenants:{tenant}:*` (issue 13). Classes and items are named by their
/// QuickBooks name (FullyQualifiedName, e.g. "Jobs:Kitchen") or Id and looked up in the synced lists when a write
/// needs them, so a name that is not in QuickBooks fails that write in plain words instead of writing a wrong class.
/// </summary>
public sealed class QuickBooksTenantOptions
{
    /// <summary>A job (the QuickBooks customer or sub-customer Id a line names) -> the class its lines carry.</summary>
    public Dictionary<string, string> ClassByJob { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A department, by the account its costs post to (account Id) -> the class; used when the job maps none.</summary>
    public Dictionary<string, string> ClassByAccount { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The class of every other line (a one-department company), or none.</summary>
    public string? DefaultClass { get; set; }

    /// <summary>The item an owner invoice's SalesItemLineDetail lines carry (ItemRef); falls back to `QuickBooks:InvoiceItem`.</summary>
    public string? InvoiceItem { get; set; }

    /// <summary>
    /// The item of an owner invoice's retainage lines (e.g. "Retainage receivable"): the negative line withheld and the
    /// positive "Retainage release" line (issue 16), and how synced invoices' retainage is read back; falls back to
    /// `QuickBooks:RetainageItem`.
    /// </summary>
    public string? RetainageItem { get; set; }
}
