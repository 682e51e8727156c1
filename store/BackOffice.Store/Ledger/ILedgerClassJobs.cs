using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Ledger;

/// <summary>
/// Issue 16: which job (ledger customer Id) a ledger class stands for, the reverse of the tenant's job-to-class mapping.
/// A synced journal line that names a vendor as its entity carries its job only as a class; readers of retainage payable
/// per subcontractor and job ask this. A ledger without classes answers an empty map.
/// </summary>
public interface ILedgerClassJobs
{
    /// <summary>Class Id -> job (ledger customer Id), for the classes exactly one mapped job carries.</summary>
    Task<IReadOnlyDictionary<string, string>> JobsByClassAsync(TenantData tenant, CancellationToken cancellationToken);
}
