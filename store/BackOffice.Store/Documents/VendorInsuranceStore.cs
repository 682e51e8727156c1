using BackOffice.Domain.Documents;
using BackOffice.Store.Financial;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Documents;

/// <summary>The one reader of project_vendor_insurances (issue 14); the Procore sync writes it.</summary>
public sealed class VendorInsuranceStore(TenantData tenant)
{
    public async Task<IReadOnlyList<VendorInsurance>> ListAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Id, string Vendor, string? Type, string? Policy, string? Expires, string? Status, long Exempt)>(
            new CommandDefinition(
                """
                SELECT id, vendor_id, insurance_type, policy_number, expiration_date, status, exempt
                FROM project_vendor_insurances ORDER BY vendor_id, expiration_date, id
                """, cancellationToken: cancellationToken));
        return rows.Select(r => new VendorInsurance(r.Id, r.Vendor, r.Type, r.Policy, StoreDates.ParseOrNull(r.Expires), r.Status, r.Exempt != 0)).ToList();
    }
}
