using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.Reconciliation;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Issue 18: the per-vendor path of the checks that read bills. Under a <see cref="JobScope"/> (only bill and journal
/// lines changed since the last sweep, same as-of date and inputs), a bill's figures can have changed only for the
/// vendors of the bills whose lines changed, and a journal line's retainage only for the vendor it names. Every item the
/// bills decide is about one ledger vendor: a commitment or change order (the commitment's vendor: its purchase order
/// and whether that vendor billed the job), a sub invoice against its bill (the commitment's vendor), a duplicate bill
/// (the bill's vendor), a sub invoice without a bill, a payable retainage true-up. So only those vendors' bills are
/// read, those vendors' commitments and sub invoices reconciled, and the stored findings of every other vendor kept.
/// Items the bills do not decide (pay apps, payments, cost postings, retainage terms) are recomputed in full, from inputs
/// read in full.
/// </summary>
internal sealed class VendorScope
{
    private const string Reconciliation = $"financial:{ReconciliationCheck.Check}:";
    private const string WithoutBill = $"financial:{SubInvoiceWithoutBillCheck.Check}:";

    /// <summary>Worklist categories whose subject is a commitment.</summary>
    private static readonly string[] CommitmentCategories =
    [
        WorklistCategory.CommitmentNotInLedger, WorklistCategory.CommitmentAmountDiffers,
        WorklistCategory.ChangeOrderMissingInLedger, WorklistCategory.ChangeOrderLedgerOnly,
    ];

    /// <summary>Worklist categories whose subject is a sub invoice.</summary>
    private static readonly string[] InvoiceCategories = [WorklistCategory.SubInvoiceBillDiffers, WorklistCategory.SubInvoiceRetainageDiffers];

    private VendorScope(IReadOnlySet<string> vendors) => Vendors = vendors;

    /// <summary>The ledger vendors to recompute: those of the changed bills and those changed lines name.</summary>
    public IReadOnlySet<string> Vendors { get; }

    public static async Task<VendorScope> ResolveAsync(JobScope scope, TenantData tenant, CancellationToken cancellationToken)
    {
        var billVendors = scope.Bills.Count == 0 ? new Dictionary<string, string>() : await tenant.Ledger.BillVendorsAsync([.. scope.Bills], cancellationToken);
        return new VendorScope(scope.Vendors.Concat(billVendors.Values).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether a project vendor resolves to a ledger vendor in the scope (one that does not resolve has no bill to check).</summary>
    public bool Contains(string ledgerVendorId) => Vendors.Contains(ledgerVendorId);

    /// <summary>
    /// The reconciliation's input with only the scope's commitments and their sub invoices (its bills were read for the
    /// scope's vendors only); everything else as it is.
    /// </summary>
    public ReconciliationInput Narrow(ReconciliationInput input)
    {
        var commitments = input.Commitments.Where(c => input.VendorMap.TryGetValue(c.VendorId, out var v) && Vendors.Contains(v)).ToList();
        var ids = commitments.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return input with { Commitments = commitments, SubInvoices = [.. input.SubInvoices.Where(i => ids.Contains(i.CommitmentId))] };
    }

    /// <summary>The stored findings of the bill-dependent checks whose vendor is outside the scope: kept as they are.</summary>
    public async Task<IReadOnlyList<Finding>> KeptAsync(
        IReadOnlyList<Finding> stored, FinancialData data, TenantData tenant, CancellationToken cancellationToken)
    {
        var duplicates = stored.Select(f => Subject(f.Key, WorklistCategory.DuplicateBill)).OfType<string>().ToList();
        var billVendors = duplicates.Count == 0 ? new Dictionary<string, string>() : await tenant.Ledger.BillVendorsAsync(duplicates, cancellationToken);
        var vendorMap = data.VendorMap();
        string? OfCommitment(string id) =>
            data.Commitments.TryGetValue(id, out var c) && vendorMap.TryGetValue(c.VendorId, out var v) ? v : null;
        var invoices = data.SubInvoices.ToDictionary(i => i.Id, i => i.CommitmentId, StringComparer.Ordinal);
        string? OfInvoice(string id) => invoices.TryGetValue(id, out var commitment) ? OfCommitment(commitment) : null;

        string? VendorOf(string key) =>
            key.StartsWith(WithoutBill, StringComparison.Ordinal) ? OfInvoice(key[WithoutBill.Length..])
            : Subject(key, WorklistCategory.DuplicateBill) is { } bill ? billVendors.GetValueOrDefault(bill)
            : CommitmentCategories.Select(c => Subject(key, c)).FirstOrDefault(s => s is not null) is { } commitment ? OfCommitment(commitment)
            : InvoiceCategories.Select(c => Subject(key, c)).FirstOrDefault(s => s is not null) is { } invoice ? OfInvoice(invoice)
            : null;
        return stored.Where(f => VendorOf(f.Key) is { } vendor && !Vendors.Contains(vendor)).ToList();
    }

    /// <summary>The subject of a reconciliation finding of <paramref name="category"/>, or null for any other finding.</summary>
    private static string? Subject(string key, string category) =>
        key.StartsWith(Reconciliation, StringComparison.Ordinal) && key.AsSpan(Reconciliation.Length).StartsWith(category + ":", StringComparison.Ordinal)
            ? key[(Reconciliation.Length + category.Length + 1)..]
            : null;
}
