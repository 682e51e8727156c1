using BackOffice.Tests.Bundle;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Issue 18: the jobs with a row dated after one as-of date up to a later one, which Financial recomputes at a new date
/// (LedgerFinancialStore.JobsDatedBetweenAsync), on both engines. The demo's rows in (2026-11-02, 2026-11-09]: invoices
/// 1047 (cust-11, 11-03) and 1048 (cust-21, 11-04), journal entry je-302 (cust-21, 11-05), bill-5013 (11-03, overhead: on
/// no customer), change orders co-01 and co-02 (job-101, approved 11-09, the last day counts) and timecards on jobs 101 to
/// 103. Bill-5015 (cust-31) is dated 11-02, the earlier date itself, so it does not count.
/// </summary>
public sealed class JobsDatedBetweenTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task JobsDatedBetween_DemoWeek_EachDatedTableNamesItsJobs(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();

        var dated = await kit.Data.LedgerFinancials.JobsDatedBetweenAsync(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9), Ct);

        Assert.Equal(["cust-11", "cust-21"], dated.LedgerCustomers.Order(StringComparer.Ordinal));
        Assert.Equal(["job-101"], dated.ProjectJobs);
        Assert.Equal(["job-101", "job-102", "job-103"], dated.TimecardJobs.Order(StringComparer.Ordinal));
    }

    [Theory]
    [StoreProviders]
    public async Task JobsDatedBetween_DaysWithNoRows_NoJobs(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();

        var dated = await kit.Data.LedgerFinancials.JobsDatedBetweenAsync(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 20), Ct);

        Assert.Empty(dated.LedgerCustomers);
        Assert.Empty(dated.ProjectJobs);
        Assert.Empty(dated.TimecardJobs);
    }

    [Theory]
    [StoreProviders]
    public async Task JobsDatedBetween_PayAppPeriodEnd_NamesItsJob(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();

        var dated = await kit.Data.LedgerFinancials.JobsDatedBetweenAsync(new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31), Ct);

        // pa-101-1 and pa-102-2 end on 10-31; bill-5002 (cust-21) and je-301 (cust-31) are dated 10-31 too.
        Assert.Equal(["job-101", "job-102"], dated.ProjectJobs.Order(StringComparer.Ordinal));
        Assert.Equal(["cust-21", "cust-31"], dated.LedgerCustomers.Order(StringComparer.Ordinal));
    }
}
