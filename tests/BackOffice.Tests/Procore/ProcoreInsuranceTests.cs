using BackOffice.Agents.Documents;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: vendors' insurance policies from Procore (GET /rest/v1.0/companies/{company_id}/vendors/{vendor_id}/insurances,
/// the SDK's Insurance model) and the Documents agent's finding when a vendor with an open commitment is uninsured or about to be.
/// </summary>
public sealed class ProcoreInsuranceTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Sync_VendorsWithOpenCommitments_ReadTheirPolicies()
    {
        await using var h = await SyncedAsync();

        await using var c = await h.Tenant.OpenAsync(Ct);
        var policies = (await c.QueryAsync<(string Vendor, string Type, string Expires, string Status, long Limit)>(
            "SELECT vendor_id, insurance_type, expiration_date, status, limit_cents FROM project_vendor_insurances WHERE origin = 'procore' ORDER BY vendor_id, expiration_date")).ToList();
        Assert.Equal(
            [("pc-ven-4431", "Workers Compensation", "2026-10-31", "expired", 100000000L), ("pc-ven-4431", "General Liability", "2026-12-10", "compliant", 100000000L),
             ("pc-ven-4432", "General Liability", "2027-06-30", "compliant", 100000000L)],
            policies);
    }

    [Fact]
    public async Task DocumentsSweep_ExpiredAndExpiringPoliciesOfVendorsWithOpenCommitments_AreFindings()
    {
        await using var h = await SyncedAsync();

        var result = await new DocumentsAgent().SweepAsync(new SweepContext(h.Tenant, new DateOnly(2026, 11, 20), new Progress<string>(), null), Ct);

        var found = result.Findings.Where(f => f.Check.StartsWith("insurance-", StringComparison.Ordinal)).OrderBy(f => f.Check, StringComparer.Ordinal).ToList();
        // Workers' comp lapsed on 2026-10-31: Critical; general liability lapses 2026-12-10, 20 days out (window 30): Warning.
        // Summit's policy runs to 2027-06-30: nothing.
        Assert.Equal([("insurance-expired", Severity.Critical), ("insurance-expiring", Severity.Warning)], found.Select(f => (f.Check, f.Severity)).ToList());
        Assert.All(found, f => Assert.StartsWith("ABC Concrete's", f.Title, StringComparison.Ordinal));
        Assert.Equal("2026-10-31", found[0].Figures[0].Value);
    }

    [Fact]
    public async Task Sync_PolicyRemovedInProcore_IsRemovedHere()
    {
        await using var h = await SyncedAsync();
        var policy = (long)h.Fake.Lists["insurances:4431"][0]["id"]!;
        h.Fake.Remove("insurances:4431", policy);

        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_vendor_insurances WHERE vendor_id = 'pc-ven-4431'"));
    }

    private static async Task<ProcoreHarness> SyncedAsync()
    {
        var h = await ProcoreHarness.StartAsync();
        h.Seed(1);
        await h.ConnectServiceAccountAsync();
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        return h;
    }
}
