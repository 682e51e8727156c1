using BackOffice.Domain.Financial;
using BackOffice.Store.Financial;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: `wip close`'s store on either engine: a closed month's figures come back to the cent and the basis point
/// (BIGINT cents on PostgreSQL, INTEGER on SQLite), a month is closed once, and the latest earlier month is found.
/// </summary>
public sealed class WipPeriodStoreProviderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly WipPeriodFigures[] October =
    [
        new("job-101", 1_250_000.00m, 1_000_000.00m, 412_345.67m, 41.23m, 515_437.50m, 500_000.00m, 103_091.83m, 0m),
        new("job-102", 80_000.01m, 95_000.00m, 47_500.00m, 50.00m, 40_000.01m, 42_000.00m, -7_500.00m, -7_500.00m),
    ];

    [Theory]
    [StoreProviders]
    public async Task CloseAsync_ThenFigures_SameCentsAndBasisPointsOnEitherEngine(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("acme");
        await CloseAsync(tenant, "2026-10", new DateOnly(2026, 10, 31));

        var figures = await tenant.WipPeriods.FiguresAsync("2026-10", None);

        Assert.Equal(October, figures);
        Assert.Equal(new WipPeriodClose("2026-10", new DateOnly(2026, 10, 31), "lead@acme", "2026-11-02T09:00:00.000Z"),
            await tenant.WipPeriods.GetAsync("2026-10", None));
    }

    [Theory]
    [StoreProviders]
    public async Task CloseAsync_SameMonthTwice_RefusedAndTheFirstKept(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("acme");
        await CloseAsync(tenant, "2026-10", new DateOnly(2026, 10, 31));

        var error = await Assert.ThrowsAsync<WipPeriodAlreadyClosedException>(() => CloseAsync(tenant, "2026-10", new DateOnly(2026, 10, 30)));

        Assert.Equal(new DateOnly(2026, 10, 31), error.Closed.AsOf);
        Assert.Equal(2, (await tenant.WipPeriods.FiguresAsync("2026-10", None)).Count);
    }

    [Theory]
    [StoreProviders]
    public async Task LatestBeforeAsync_TwoClosedMonths_TheLatestEarlierOne(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("acme");
        await CloseAsync(tenant, "2026-09", new DateOnly(2026, 9, 30));
        await CloseAsync(tenant, "2026-10", new DateOnly(2026, 10, 31));

        Assert.Equal("2026-10", (await tenant.WipPeriods.LatestBeforeAsync("2026-11", None))!.Period);
        Assert.Equal("2026-09", (await tenant.WipPeriods.LatestBeforeAsync("2026-10", None))!.Period);
        Assert.Null(await tenant.WipPeriods.LatestBeforeAsync("2026-09", None));
    }

    private static async Task CloseAsync(BackOffice.Store.Tenancy.TenantData tenant, string period, DateOnly asOf)
    {
        await using var unit = await tenant.WriteAsync(None);
        await tenant.WipPeriods.CloseAsync(unit, new WipPeriodClose(period, asOf, "lead@acme", "2026-11-02T09:00:00.000Z"), October, None);
        await unit.CommitAsync(None);
    }
}
