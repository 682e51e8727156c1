namespace BackOffice.Domain.Financial;

/// <summary>A job with its original contract value (issue 3: the WIP schedule's starting point).</summary>
public sealed record JobContract(string JobId, string Name, string Status, decimal OriginalContract, DateOnly? CompletionDate)
{
    /// <summary>Issue 16: the job's start date (project/jobs.csv), which a configured PV curve starts from.</summary>
    public DateOnly? StartDate { get; init; }
}

/// <summary>
/// Issue 16: part of a job's time-phased budget (project/budget-spreads.csv): <paramref name="Amount"/> planned over
/// <paramref name="Start"/>..<paramref name="End"/> inclusive, on one cost code or (null) the job as a whole.
/// </summary>
public sealed record BudgetSpread(string Id, string JobId, string? CostCode, DateOnly Start, DateOnly End, decimal Amount);

/// <summary>A budget line: original plus approved changes is the revised budget; the PM's forecast is optional.</summary>
public sealed record BudgetLine(string Id, string JobId, string CostCode, decimal Original, decimal ApprovedChanges, decimal? PmEstimateAtCompletion)
{
    public decimal Revised => Original + ApprovedChanges;
}

public sealed record CommitmentLine(string Id, string CommitmentId, string CostCode, decimal Amount);

/// <summary>
/// A prime (owner) or commitment change order. <paramref name="Kind"/> is "prime" or "commitment". <paramref name="Lines"/>
/// split its amount by cost code where the source lists them (issue 14: Procore change order package line items).
/// </summary>
public sealed record ChangeOrder(
    string Id, string JobId, string Kind, string? CommitmentId, string Number, string Status, decimal Amount, string? CostCode, DateOnly? ApprovedDate,
    IReadOnlyList<ChangeOrderLine>? Lines = null);

/// <summary>The part of a change order's amount on one cost code.</summary>
public sealed record ChangeOrderLine(string CostCode, decimal Amount);

/// <summary>An owner payment application (AIA G702 shape): billed to date, retainage to date, this period's amount due.</summary>
public sealed record PayApp(
    string Id, string JobId, string Number, DateOnly PeriodEnd, decimal WorkCompletedToDate, decimal StoredMaterials,
    decimal RetainageHeldToDate, decimal AmountDue, string Status);

/// <summary>
/// A ledger invoice: <paramref name="Total"/> is net of the retainage it withholds; a release billing collects retainage
/// held earlier: <paramref name="Released"/> on its release lines (issue 16: an invoice may bill work and a release), or
/// its whole total when only the flag is known.
/// </summary>
public sealed record LedgerInvoice(
    string Id, string CustomerId, string? DocNumber, DateOnly TxnDate, DateOnly DueDate, decimal Total, decimal Retainage, bool IsRetainageRelease = false,
    decimal? Released = null)
{
    public decimal Gross => Total + Retainage;

    /// <summary>Retainage this invoice collects (lowers the retainage receivable).</summary>
    public decimal RetainageReleased => Released ?? (IsRetainageRelease ? Total : 0m);
}

/// <summary>A customer payment; <paramref name="Unapplied"/> &gt; 0 is money received but not applied (QuickBooks UnappliedAmt).</summary>
public sealed record LedgerPayment(string Id, string CustomerId, DateOnly TxnDate, decimal Total, decimal Unapplied, string? Reference);

public sealed record LedgerPurchaseOrder(string Id, string VendorId, string? CustomerId, string? DocNumber, DateOnly TxnDate, decimal Total, string Status);

/// <summary>A cost posting from a bill line or a journal line, signed (debit positive), with its job and cost code.</summary>
public sealed record CostPosting(
    string SourceTable, string SourceId, string ParentId, DateOnly TxnDate, string AccountId, string? CustomerId, string? CostCode, decimal Amount);

/// <summary>Cost postings as of a date summed by job, cost code and account (issue 18: what job cost, variance and WIP add up).</summary>
public sealed record CostTotal(string? CustomerId, string? CostCode, string AccountId, decimal Amount);

/// <summary>
/// Issue 14: one cost-coded line of an approved direct cost booked in the project system (Procore's Direct Costs tool),
/// with its direct cost's vendor, invoice number and total: what the double-count rule matches against the ledger's bills.
/// </summary>
public sealed record DirectCostLine(
    string DirectCostId, string JobId, string? VendorName, string? InvoiceNumber, decimal DirectCostTotal, string CostCode, decimal Amount);
