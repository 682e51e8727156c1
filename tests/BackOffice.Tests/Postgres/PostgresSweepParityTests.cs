using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using BackOffice.Tests.Sweeps;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: the same books give the same findings and proposals on either engine. The demo bundle is imported into a
/// PostgreSQL tenant and swept by all five agents; the fingerprint is the one <see cref="SweepFingerprintTests"/> pins
/// for SQLite, so a query that means something else on PostgreSQL (collation, integer division, NULL ordering) fails here.
/// </summary>
public sealed class PostgresSweepParityTests
{
    [PostgresFact]
    public async Task Sweep_DemoTenantOnPostgres_SameFingerprintAsOnSqlite()
    {
        await using var store = await StoreUnderTest.CreateAsync(StoreOptions.Postgres);
        var tenant = store.Source.For("demo");
        await new BundleImporter(TimeProvider.System).ImportAsync(RepoPaths.DemoBundle, tenant, "test", null, CancellationToken.None);

        var fingerprint = await SweepFingerprintTests.FingerprintAsync(tenant);

        Assert.Equal(SweepFingerprintTests.DemoFingerprint, fingerprint);
    }

    [PostgresFact]
    public async Task Sweep_Generated20JobTenantOnPostgres_SameFingerprintAsOnSqlite()
    {
        using var temp = new TempDataDirectory();
        await using var store = await StoreUnderTest.CreateAsync(StoreOptions.Postgres);
        var tenant = store.Source.For("gen");
        var bundle = BundleGenerator.Write(Path.Combine(temp.Root, "bundle-gen"), new GeneratorOptions(20, 18, 60));
        await new BundleImporter(new ManualClock()).ImportAsync(bundle.Directory, tenant, "generator@test", null, CancellationToken.None);

        var fingerprint = await SweepFingerprintTests.FingerprintAsync(tenant);

        Assert.Equal(SweepFingerprintTests.GeneratedFingerprint, fingerprint);
    }
}
