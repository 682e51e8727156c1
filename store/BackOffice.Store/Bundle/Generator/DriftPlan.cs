namespace BackOffice.Store.Bundle.Generator;

/// <summary>
/// Which job carries which planted discrepancy (issue 3). Each per-job category gets its own job, chosen by the
/// seeded random, so the plants never interact; a clean plan plants nothing.
/// </summary>
internal sealed class DriftPlan
{
    public const string CommitmentAmountDiffers = "commitment-amount-differs", ChangeOrderMissingInLedger = "change-order-missing-in-ledger";
    public const string ChangeOrderLedgerOnly = "change-order-ledger-only", CommitmentNotInLedger = "commitment-not-in-ledger";
    public const string SubInvoiceBillDiffers = "sub-invoice-bill-differs", SubInvoiceRetainageDiffers = "sub-invoice-retainage-differs";
    public const string PayAppNotInvoiced = "pay-app-not-invoiced", PayAppAmountDiffers = "pay-app-amount-differs";
    public const string RetainageDiffers = "retainage-carried-differently", PaymentUnapplied = "payment-unapplied";
    public const string CostOnClosedJob = "cost-on-closed-job", CostCodeAccountMismatch = "cost-code-account-mismatch", DuplicateBill = "duplicate-bill";

    private static readonly string[] PerJob =
    [
        CommitmentAmountDiffers, ChangeOrderMissingInLedger, ChangeOrderLedgerOnly, CommitmentNotInLedger, SubInvoiceBillDiffers,
        SubInvoiceRetainageDiffers, PayAppNotInvoiced, PayAppAmountDiffers, RetainageDiffers, PaymentUnapplied,
    ];

    private readonly Dictionary<int, string> _byJob = [];
    private readonly List<PlantedItem> _planted = [];

    private DriftPlan(bool clean) => Clean = clean;

    public bool Clean { get; }

    /// <summary>Job index whose first bill gets a duplicate, and the one whose cost is posted to the wrong account.</summary>
    public int DuplicateJob { get; private init; } = -1;

    public int MiscodedJob { get; private init; } = -1;

    public IReadOnlyList<PlantedItem> Planted => _planted;

    public static DriftPlan Create(Random random, int jobs, bool clean)
    {
        if (clean)
        {
            return new DriftPlan(true);
        }

        var plan = new DriftPlan(false) { DuplicateJob = random.Next(jobs), MiscodedJob = random.Next(jobs) };
        var order = Enumerable.Range(0, jobs).OrderBy(_ => random.Next()).ToList();
        for (var i = 0; i < PerJob.Length; i++)
        {
            plan._byJob[order[i]] = PerJob[i];
        }

        return plan;
    }

    public bool Is(int job, string category) => _byJob.TryGetValue(job, out var c) && c == category;

    public void Record(string category, string subject, string jobId) => _planted.Add(new PlantedItem($"{category}:{subject}", category, jobId));
}
