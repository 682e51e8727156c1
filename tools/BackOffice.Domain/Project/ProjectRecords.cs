namespace BackOffice.Domain.Project;

/// <summary>A job as the project system (Procore, Buildertrend) knows it.</summary>
public sealed record ProjectJob(string Id, string? Number, string Name, string Status, string? CustomerName);

public sealed record ProjectVendor(string Id, string Name);

/// <summary>A subcontract or purchase order. <paramref name="RetainagePercent"/> is e.g. 10 for 10%.</summary>
public sealed record Commitment(
    string Id, string JobId, string VendorId, string Number, string? Title, string Kind, string Status, decimal RetainagePercent);

/// <summary>A subcontractor's invoice (requisition) against a commitment; <paramref name="Amount"/> is gross work billed this period.</summary>
public sealed record SubInvoice(
    string Id, string CommitmentId, string Number, DateOnly InvoiceDate, decimal Amount, decimal Retainage, string Status,
    IReadOnlyList<SubInvoiceLine> Lines);

public sealed record SubInvoiceLine(string Id, string CostCode, string? Description, decimal Amount);
