using System.Globalization;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: the company list a service account (client credentials) reads on connecting, GET /rest/v1.0/companies
/// (the Company model of procore_python_sdk), and the Procore-Company-Id header: optional there for a person's token,
/// required there for a DMSA token of a company in several Procore regions (oauth_client_credentials.md, "Using
/// Developer Managed Service Accounts with MPR"), and required on every later call (tutorial_mpz.md).
/// </summary>
public sealed class ProcoreCompanyListTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string Company = FakeProcore.CompanyId.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task ConnectServiceAccount_MultipleRegionsWithCompany_SendsTheHeaderOnTheCompanyListAndAfter()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(1);
        h.Fake.MultipleRegions = true;

        var connection = await h.Get<ProcoreConnections>().ConnectServiceAccountAsync(h.Tenant, Company, ProcoreHarness.Sam, Ct);
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal((Company, FakeProcore.CompanyName), (connection.CompanyId, connection.CompanyName));
        Assert.Equal([Company], h.Fake.CompanyListHeaders);
        // The fake answers 400 to any call without the header: a sync that read the project proves every call sent it.
        Assert.Contains(h.Fake.Requested, r => r.StartsWith("/rest/v1.0/tasks?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectServiceAccount_MultipleRegionsWithoutCompany_SaysToNameItAndStoresNothing()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(0);
        h.Fake.MultipleRegions = true;

        var ex = await Assert.ThrowsAsync<ProcoreNotConnectedException>(() => h.ConnectServiceAccountAsync());

        Assert.Contains("--company ID", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Missing Procore-Company-Id header!", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await h.Tenant.Procore.ListAsync(Ct));
    }

    [Fact]
    public async Task ConnectThroughBrowser_PersonsToken_ListsCompaniesWithoutTheHeader()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(0);
        h.Fake.MultipleRegions = true;

        var connection = await h.ConnectThroughBrowserAsync();

        Assert.Equal(Company, connection.CompanyId);
        Assert.Equal([""], h.Fake.CompanyListHeaders);
    }
}
