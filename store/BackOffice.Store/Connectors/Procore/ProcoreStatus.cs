namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Procore's status words (procore.md section 4, from the OpenAPI enum validators; case differs by resource, so
/// compared case-insensitively) onto the canonical statuses of DATA-FORMAT.md.
/// </summary>
public static class ProcoreStatus
{
    /// <summary>WO: Draft, Out For Bid, Out For Signature, Approved, Complete, Terminated, Void; PO: Draft, Processing, Submitted, Partially Received, Received, Approved, Closed.</summary>
    public static string Commitment(string status) => status.ToLowerInvariant() switch
    {
        "draft" => "draft",
        "approved" or "partially received" or "received" => "approved",
        "complete" or "closed" => "complete",
        "terminated" or "void" => "void",
        _ => "pending",
    };

    /// <summary>draft, pricing, pending, revised, proceeding, ... approved, rejected, void, no_charge.</summary>
    public static string ChangeOrder(string status) => status.ToLowerInvariant() switch
    {
        "approved" => "approved",
        "void" or "rejected" or "not_proceeding" or "no_charge" => "void",
        _ => "pending",
    };

    /// <summary>Owner invoices: draft, under_review, revise_and_resubmit, approved.</summary>
    public static string PayApp(string status) => status.ToLowerInvariant() switch
    {
        "draft" => "draft",
        "approved" => "approved",
        _ => "submitted",
    };

    /// <summary>Requisitions: draft, under_review, revise_and_resubmit, approved, approved_as_noted, pending_owner_approval.</summary>
    public static string SubInvoice(string status) => status.ToLowerInvariant() switch
    {
        "draft" => "draft",
        "approved" or "approved_as_noted" => "approved",
        _ => "pending",
    };

    /// <summary>Direct costs: draft, pending, revise_and_resubmit, approved (procore.md section 4).</summary>
    public static string DirectCost(string status) => status.ToLowerInvariant() switch
    {
        "draft" => "draft",
        "approved" => "approved",
        _ => "pending",
    };
}
