namespace BackOffice.Tools.Reconciliation;

/// <summary>A record behind a worklist item: which side ("project" or "ledger"), which table, which id.</summary>
public sealed record RecordRef(string System, string Table, string Id);

/// <summary>The reconciliation worklist's categories (issue 3). The string is the stable key used in findings.</summary>
public static class WorklistCategory
{
    public const string CommitmentNotInLedger = "commitment-not-in-ledger";
    public const string CommitmentAmountDiffers = "commitment-amount-differs";
    public const string ChangeOrderMissingInLedger = "change-order-missing-in-ledger";
    public const string ChangeOrderLedgerOnly = "change-order-ledger-only";
    public const string SubInvoiceBillDiffers = "sub-invoice-bill-differs";
    public const string SubInvoiceRetainageDiffers = "sub-invoice-retainage-differs";
    public const string PayAppNotInvoiced = "pay-app-not-invoiced";
    public const string PayAppAmountDiffers = "pay-app-amount-differs";
    public const string RetainageCarriedDifferently = "retainage-carried-differently";
    public const string PaymentUnapplied = "payment-unapplied";
    public const string CostOnClosedJob = "cost-on-closed-job";
    public const string CostCodeAccountMismatch = "cost-code-account-mismatch";
    public const string DuplicateBill = "duplicate-bill";
}

/// <summary>
/// One mismatch between the project side and the ledger. <paramref name="Difference"/> is ledger minus project
/// (a missing side counts as zero). <paramref name="Subject"/> is the id the item is about, stable across sweeps.
/// </summary>
public sealed record WorklistItem(
    string Category, string Subject, string JobId, decimal? ProjectAmount, decimal? LedgerAmount, string Detail, IReadOnlyList<RecordRef> Records)
{
    public decimal Difference => (LedgerAmount ?? 0m) - (ProjectAmount ?? 0m);

    public string Key => $"{Category}:{Subject}";
}
