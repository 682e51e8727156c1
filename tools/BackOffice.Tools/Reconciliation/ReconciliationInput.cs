using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;

namespace BackOffice.Tools.Reconciliation;

/// <summary>
/// Both sides of one tenant's books as of a date, with the jobs and vendors already resolved across systems
/// (<paramref name="JobMap"/>: project job id -> ledger customer id; <paramref name="VendorMap"/>: project vendor id ->
/// ledger vendor id). Records the matcher could not resolve are left out of the maps, and the checks skip them:
/// an unresolved match is its own finding, not a reconciliation difference.
/// </summary>
public sealed record ReconciliationInput(
    DateOnly AsOf,
    IReadOnlyList<JobContract> Jobs,
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<CommitmentLine> CommitmentLines,
    IReadOnlyList<ChangeOrder> ChangeOrders,
    IReadOnlyList<SubInvoice> SubInvoices,
    IReadOnlyList<PayApp> PayApps,
    IReadOnlyList<LedgerBill> Bills,
    IReadOnlyList<LedgerInvoice> Invoices,
    IReadOnlyList<LedgerPayment> Payments,
    IReadOnlyList<LedgerPurchaseOrder> PurchaseOrders,
    IReadOnlyList<CostPosting> Postings,
    IReadOnlyList<LedgerCustomer> Customers,
    IReadOnlyDictionary<string, string> CostCodeAccounts,
    string? RetainagePayableAccountId,
    IReadOnlyDictionary<string, string> JobMap,
    IReadOnlyDictionary<string, string> VendorMap)
{
    /// <summary>Ledger lines a reclass entry already corrects: no longer mis-coded.</summary>
    public IReadOnlySet<string> Reclassed { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The project job a ledger customer stands for, or the customer id itself when none resolves to it.</summary>
    public string ProjectJobOf(string? ledgerCustomerId) =>
        ledgerCustomerId is null ? "" : ReverseJobMap.GetValueOrDefault(ledgerCustomerId, ledgerCustomerId);

    /// <summary>Built once per JobMap (a `with` that replaces the map gets a fresh one): item lookups stay O(1) at scale.</summary>
    private IReadOnlyDictionary<string, string> ReverseJobMap
    {
        get
        {
            if (_reverse is not { } cached || !ReferenceEquals(cached.Map, JobMap))
            {
                cached = (JobMap, JobMap.GroupBy(p => p.Value, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(p => p.Key).Min(StringComparer.Ordinal)!, StringComparer.Ordinal));
                _reverse = cached;
            }

            return cached.Reverse;
        }
    }

    private (IReadOnlyDictionary<string, string> Map, IReadOnlyDictionary<string, string> Reverse)? _reverse;
}
